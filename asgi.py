"""The dashboard as an ASGI app (`streamlit run asgi.py`, what `make run` and `make serve` start): app.py, with the data
package validated and every figure's default view built while the server starts, before it accepts a connection, so
the health check passes only when a first reader pays nothing extra."""

import logging
import time
from contextlib import asynccontextmanager

import streamlit as st

log = logging.getLogger("hikikomori.warm")


@asynccontextmanager
async def warm_caches(app: st.App):
    """Fill the caches a first visit would fill. A broken package is not fatal: the pages show its problems."""
    from loaders.cache import cached_package
    from ui.shared import warm

    started = time.perf_counter()
    check = cached_package()
    built, jobs = warm(check)
    log.warning("warm-up: package checked and %d of %d figures built in %.2f s", built, jobs, time.perf_counter() - started)
    yield


app = st.App("app.py", lifespan=warm_caches)
