"""Running pages through app.py with AppTest on the real data or a broken copy of it."""

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from loaders import cache
from tests.conftest import REAL_DATA, ROOT
from tests.pages.helpers import BROWSER_URL


@pytest.fixture(autouse=True)
def fresh_package_cache():
    """Each test reads the data afresh (a test may point HIKIKOMORI_DATA_DIR at an edited copy).
    Tests that open a download ask for the record_downloads fixture (tests/conftest.py)."""
    cache._checked.clear()


@pytest.fixture
def run_page():
    """Run one page through app.py (navigation included), optionally with query parameters."""

    def run(page: str, **params: str | list[str]) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        at.context["url"] = BROWSER_URL  # as a reader's browser reports it (AppTest has no browser)
        for key, value in params.items():
            at.query_params[key] = value
        at.switch_page(page)
        return at.run()

    return run


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of the real data that HIKIKOMORI_DATA_DIR points at."""
    target = tmp_path / "data"
    shutil.copytree(REAL_DATA, target)
    monkeypatch.setenv("HIKIKOMORI_DATA_DIR", str(target))
    return target
