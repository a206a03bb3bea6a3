"""Browser tests: a real Streamlit server on loopback and Debian's Chromium driven by Playwright.

Without Chromium they skip with a message saying how to install it; with E2E_REQUIRED=1 (set by
.ci/run) a missing browser is a failure instead, so CI can never pass by skipping them.
"""

import os
from pathlib import Path

import pytest

from tests.support.streamlit_server import CHROMIUM, CHROMIUM_ARGS, ROOT, VIEWPORT, StreamlitServer, settle

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
INSTALL_HINT = "Chromium is needed for browser tests: install it with `apt-get install -y chromium` (Debian)."
__all__ = ["settle", "start_server", "stop_server", "open_expanders"]


def _missing(reason: str) -> None:
    if os.environ.get("E2E_REQUIRED") == "1":
        pytest.fail(f"required browser test cannot run: {reason}")
    pytest.skip(reason)


def running(server):
    """For a module fixture: start a server, yield it, stop it after, and fail if any of its processes is left."""
    try:
        server.start()
    except Exception:
        server.stop()
        raise
    yield server
    left = server.stop()
    assert left == [], f"processes left running after SIGTERM: {left}\n{server.tail()}"


def start_server(env: dict[str, str] | None = None) -> tuple[StreamlitServer, str]:
    """Start the dashboard on a free loopback port and wait until it is healthy (tests/support/streamlit_server.py)."""
    server = StreamlitServer(env=env)
    server.start()
    return server, server.base


def stop_server(server: StreamlitServer) -> None:
    server.stop()


@pytest.fixture(scope="session")
def base_url():
    server, base = start_server()
    yield base
    stop_server(server)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _missing(INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def axe_script() -> Path:
    if not AXE.exists():
        _missing("axe-core is needed for accessibility tests: run `npm ci` in the project folder (make test does).")
    return AXE


def open_expanders(page, limit: int = 50) -> None:
    """Click up to `limit` closed expanders of the page open, top down, as a reader would; a card's expanders
    run their content only when opened (a script run), so each click is followed by a wait."""
    for _ in range(limit):
        closed = page.query_selector("[data-testid=stMain] [data-testid=stExpander] details:not([open]) summary")
        if closed is None:
            break
        closed.click()
        settle(page)
