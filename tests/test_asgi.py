"""The server's start-up hook (asgi.py): it holds the health check back while the warm-up builds, but never for longer
than settings.WARM_UP_SECONDS, so a far larger package still gets a server that answers (issue 14)."""

import asyncio
import gzip
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import streamlit

import asgi


def _run_lifespan() -> bool:
    """Enter the lifespan the way Streamlit's server does; True once it has yielded (the server then accepts
    readers)."""

    async def enter() -> bool:
        async with asgi.warm_caches(None):
            return True

    # In a thread of its own: an earlier test in the same process (Playwright's sync API) may leave an event loop
    # running in this one, where asyncio.run refuses to start.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, enter()).result()


def test_the_server_waits_for_a_warm_up_that_ends_within_the_budget(monkeypatch):
    done = threading.Event()
    monkeypatch.setattr(asgi, "_warm_quietly", done.set)
    assert _run_lifespan()
    assert done.is_set()  # the health check came after the warm-up


def test_a_warm_up_job_longer_than_the_budget_does_not_hold_the_server_back(monkeypatch, caplog):
    release, finished = threading.Event(), threading.Event()

    def slow_job() -> None:  # a job that runs until the test lets it go: minutes, as one did on a 100x package
        release.wait(30)
        finished.set()

    monkeypatch.setattr(asgi, "_warm_quietly", slow_job)
    monkeypatch.setattr(asgi.settings, "WARM_UP_SECONDS", 0.1)
    assert _run_lifespan()
    assert not finished.is_set()  # the server accepts readers while the job still runs
    assert "still building after" in caplog.text
    release.set()
    assert finished.wait(5)  # and the job goes on to its end in the background


# The document's lang attribute (asgi.DocumentLanguage) ----------------------------------------------------------------

INDEX = (Path(streamlit.__file__).parent / "static" / "index.html").read_bytes()  # the page Streamlit serves


async def _index_app(scope, receive, send) -> None:
    """Streamlit's static handler in miniature: index.html as HTML, gzipped when the request accepts it (as its
    SelectiveGZipMiddleware would), and a JSON answer on /_stcore/health."""
    accepts = dict(scope["headers"]).get(b"accept-encoding", b"")
    html = scope["path"] != "/_stcore/health"
    body = INDEX if html else b'"ok"'
    headers = [(b"content-type", b"text/html; charset=utf-8" if html else b"application/json"), (b"etag", b'"file"')]
    if html and b"gzip" in accepts:
        body, headers = gzip.compress(body), [*headers, (b"content-encoding", b"gzip")]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    half = len(body) // 2  # in two parts, as a streamed file arrives
    await send({"type": "http.response.body", "body": body[:half], "more_body": True})
    await send({"type": "http.response.body", "body": body[half:]})


def _get(path: str, query: str = "", **headers: str) -> tuple[dict[bytes, bytes], bytes]:
    """One GET through the middleware, over the ASGI protocol itself (Starlette's TestClient needs httpx2, not
    pinned)."""
    messages = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "query_string": query.encode(),
        "headers": [(k.replace("_", "-").lower().encode(), v.encode()) for k, v in headers.items()],
    }
    # On a thread of its own: a browser test earlier in the run may have left an event loop running on this one.
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, asgi.DocumentLanguage(_index_app)(scope, receive, send)).result()
    start = next(m for m in messages if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    response_headers = dict(start["headers"])
    assert int(response_headers[b"content-length"]) == len(body)
    return response_headers, body


def _html_lang(body: bytes) -> str:
    return re.search(rb'<html lang="([^"]*)">', body).group(1).decode()


def test_the_page_s_lang_attribute_follows_the_link_s_language():
    for lang in ("ja", "ko", "it", "en"):
        assert _html_lang(_get("/", f"lang={lang}", accept="text/html", accept_encoding="gzip")[1]) == lang
    _, body = _get("/compare", "countries=Japan&lang=ko", accept="text/html")
    assert _html_lang(body) == "ko"


def test_without_a_link_language_the_page_follows_the_browser_and_says_it_varies():
    headers, body = _get("/japan", accept="text/html", accept_language="it-IT,it;q=0.9,en;q=0.5")
    assert _html_lang(body) == "it"
    assert b"Accept-Language" in headers[b"vary"]
    assert b"etag" not in headers  # the file's validator would let a cache answer another language's page
    assert _html_lang(_get("/", "lang=xx", accept="text/html", accept_language="de, ja;q=0.4")[1]) == "ja"
    assert _html_lang(_get("/", accept="text/html", accept_language="de")[1]) == "en"  # not one of ours: English


def test_only_html_answers_are_touched():
    headers, body = _get("/_stcore/health", "lang=ja")
    assert body == b'"ok"' and b"vary" not in headers and headers[b"etag"] == b'"file"'


def test_the_server_waits_for_english_only_and_the_other_languages_follow(monkeypatch):
    """The health check waits for the default language's figures, as before there were languages; the others are
    built after it, in the background."""
    from ui import shared

    calls, others_done = [], threading.Event()

    def warm(check, languages):
        calls.append(languages)
        if languages != ("en",):
            others_done.set()
        return 0, 0

    monkeypatch.setattr(shared, "warm", warm)
    monkeypatch.setattr("loaders.cache.cached_package", lambda: None)
    assert _run_lifespan()
    assert calls[0] == ("en",)
    assert others_done.wait(5)
    assert calls[1] == ("ja", "ko", "it")
