"""The dashboard as an ASGI app (`streamlit run asgi.py`, what `make run` and `make serve` start): app.py, with the data
package validated and every figure's default view built while the server starts, before it accepts a connection (for
at most settings.WARM_UP_SECONDS), so the health check passes only when a first reader pays nothing extra."""

import asyncio
import logging
import os
import threading
import time
from contextlib import asynccontextmanager, suppress
from urllib.parse import parse_qs

import streamlit as st
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import settings
from i18n import DEFAULT, LANGUAGES, negotiate

log = logging.getLogger("hikikomori.warm")
# The warm-up runs at a lower CPU priority than the readers' script runs: a worker restarted behind the proxy then
# takes a little longer to come back, and the live workers serving its readers are not slowed by it (Linux sets
# niceness per thread; the warm-up's thread ends with it).
WARM_UP_NICENESS = 10


def _lower_priority() -> None:
    with suppress(AttributeError, OSError):  # not Linux, or not allowed: warm up at the normal priority
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WARM_UP_NICENESS)


def _warm_quietly() -> None:
    """English (the default language) before the server accepts readers, as before there were languages; then the
    other languages in a thread of their own, while readers are served (four languages took four times as long)."""
    from loaders.cache import cached_package
    from ui.shared import warm

    _lower_priority()
    started = time.perf_counter()
    built, jobs = warm(cached_package(), languages=(DEFAULT,))
    log.warning(
        "warm-up: package checked and %d of %d figures built in %.2f s", built, jobs, time.perf_counter() - started
    )
    threading.Thread(target=_warm_other_languages, name="warm-up-languages", daemon=True).start()


def _warm_other_languages() -> None:
    from loaders.cache import cached_package
    from ui.shared import warm

    _lower_priority()
    started = time.perf_counter()
    others = tuple(lang for lang in LANGUAGES if lang != DEFAULT)
    built, jobs = warm(cached_package(), languages=others)
    log.warning(
        "warm-up: %d of %d figures in %s built in %.2f s", built, jobs, ", ".join(others), time.perf_counter() - started
    )


@asynccontextmanager
async def warm_caches(app: st.App):
    """Fill the caches a first visit would fill, for at most settings.WARM_UP_SECONDS before the server accepts readers:
    warm() stops starting jobs at that budget, and a job still running then (a far larger package) goes on in the
    background, so the health check is never held up by more than the budget. A broken package is not fatal: the
    pages show its problems."""
    worker = threading.Thread(target=_warm_quietly, name="warm-up", daemon=True)
    worker.start()
    await asyncio.to_thread(worker.join, settings.WARM_UP_SECONDS)
    if worker.is_alive():
        log.warning(
            "warm-up: still building after %g s; the server accepts readers now and the warm-up goes on",
            settings.WARM_UP_SECONDS,
        )
    yield


class DocumentLanguage:
    """Streamlit serves one fixed index.html (`<html lang="en">`) for every page: this sets its lang attribute to the
    reader's language, as the script run will choose it (?lang=, else Accept-Language, else English), so a screen
    reader and the browser's fonts start right (ui/language.py updates it when the reader switches in the page).

    Only HTML answers are rewritten; their request is sent on without Accept-Encoding so Streamlit's gzip (inside
    this middleware) leaves the few-KB page readable here. Written by hand: Starlette has no body-rewriting middleware.
    """

    OLD = b'<html lang="en">'

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        request = Headers(scope=scope)
        if "text/html" not in request.get("accept", "") and scope["path"] not in ("", "/"):
            await self.app(scope, receive, send)
            return
        asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [None])[0]
        lang = negotiate(request.get("accept-language"), asked)
        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]}
        start: Message | None = None
        body: list[bytes] = []

        async def rewrite(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = MutableHeaders(raw=list(message["headers"]))
                if not headers.get("content-type", "").startswith("text/html") or "content-encoding" in headers:
                    start = None
                    await send(message)
                    return
                start = message
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            page = b"".join(body).replace(self.OLD, f'<html lang="{lang}">'.encode(), 1)
            headers = MutableHeaders(raw=list(start["headers"]))
            headers["content-length"] = str(len(page))
            headers.add_vary_header("Accept-Language")
            for validator in ("etag", "last-modified"):  # they name the file on disk, not this page in this language
                if validator in headers:
                    del headers[validator]
            await send({**start, "headers": headers.raw})
            await send({"type": "http.response.body", "body": page if scope["method"] == "GET" else b""})

        await self.app(scope, receive, rewrite)


app = st.App("app.py", lifespan=warm_caches, middleware=[Middleware(DocumentLanguage)])
