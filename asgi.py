"""The dashboard as an ASGI app (`streamlit run asgi.py`, what `make run` and `make serve` start): app.py, with the data
package validated and every figure's default view built while the server starts, before it accepts a connection (for
at most settings.WARM_UP_SECONDS), so the health check passes only when a first reader pays nothing extra."""

import asyncio
import logging
import os
import threading
import time
from contextlib import asynccontextmanager, suppress

import streamlit as st

import settings

log = logging.getLogger("hikikomori.warm")
# The warm-up runs at a lower CPU priority than the readers' script runs: a worker restarted behind the proxy then
# takes a little longer to come back, and the live workers serving its readers are not slowed by it (Linux sets
# niceness per thread; the warm-up's thread ends with it).
WARM_UP_NICENESS = 10


def _warm_quietly() -> None:
    from loaders.cache import cached_package
    from ui.shared import warm

    with suppress(AttributeError, OSError):  # not Linux, or not allowed: warm up at the normal priority
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WARM_UP_NICENESS)
    started = time.perf_counter()
    built, jobs = warm(cached_package())
    log.warning(
        "warm-up: package checked and %d of %d figures built in %.2f s", built, jobs, time.perf_counter() - started
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


app = st.App("app.py", lifespan=warm_caches)
