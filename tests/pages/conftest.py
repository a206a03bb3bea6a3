"""Running pages through app.py with AppTest on the real data or a broken copy of it."""
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from loaders import cache
from tests.conftest import REAL_DATA, ROOT
from tests.pages.helpers import BROWSER_URL, DEFERRED, DOWNLOADS, RecordingStorage, recording_add_deferred


@pytest.fixture(autouse=True)
def record_downloads(monkeypatch):
    monkeypatch.setattr("streamlit.testing.v1.app_test.MemoryMediaFileStorage", RecordingStorage)
    monkeypatch.setattr("streamlit.runtime.media_file_manager.MediaFileManager.add_deferred", recording_add_deferred)
    DOWNLOADS.clear()
    DEFERRED.clear()
    cache._checked.clear()
    yield DOWNLOADS


@pytest.fixture
def run_page():
    """Run one page through app.py (navigation included), optionally with query parameters."""
    def run(page: str, **params: str | list[str]) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        at.context["url"] = BROWSER_URL   # as a reader's browser reports it (AppTest has no browser)
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
