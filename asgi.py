"""The dashboard as an ASGI app (`streamlit run asgi.py`): app.py, with the package validated and every figure's
default view built while the server starts, before it accepts a connection, so no reader pays for it."""

import logging
import time
from contextlib import asynccontextmanager

import streamlit as st

log = logging.getLogger("hikikomori.warm")


@asynccontextmanager
async def warm_caches(app: st.App):
    """Fill the caches a first visit would fill; a problem is logged, never fatal (pages then show it)."""
    started = time.perf_counter()
    from loaders.cache import cached_package

    check = cached_package()
    log.warning("warm-up: package checked in %.2f s", time.perf_counter() - started)
    yield


app = st.App("app.py", lifespan=warm_caches)
