"""AppTest on a broken copy of the real data, the package cache cleared per case (no download is opened here)."""

import pytest
from streamlit.testing.v1 import AppTest

from loaders import cache
from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def fresh_package_cache():
    cache._checked.clear()


@pytest.fixture
def run_page():
    """Run one page through app.py (navigation included)."""

    def run(page: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        at.switch_page(page)
        return at.run()

    return run
