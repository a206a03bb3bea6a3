"""The static edition built once per test session (with images: Kaleido on Chromium) and served on loopback."""
import functools
import http.server
import threading
from datetime import date

import pytest

from loaders.tables import check_package
from publish.build import build_site
from tests.conftest import REAL_DATA
from tests.e2e.conftest import axe_script, browser  # noqa: F401  (fixtures shared with the dashboard's browser tests)

BASE = "https://hikikomori.example.org/"
TODAY = date(2026, 11, 30)


@pytest.fixture(scope="session")
def real_check():
    return check_package(REAL_DATA)


@pytest.fixture(scope="session")
def site(tmp_path_factory, real_check, chromium):
    """site/ as `make site` writes it for a deployment at BASE: (folder, the figures built)."""
    out = tmp_path_factory.mktemp("static") / "site"
    built = build_site(real_check, out, BASE, today=TODAY)
    return out, built


def serve(folder):
    """Serve a folder on a free loopback port as a static host would; (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def served(site):
    server, base = serve(site[0])
    yield base
    server.shutdown()
