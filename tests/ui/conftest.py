"""Component tests of the Streamlit side (ui/) with AppTest.from_function: downloads kept in memory."""
import pytest

from tests.pages.helpers import DEFERRED, DOWNLOADS, RecordingStorage, recording_add_deferred


@pytest.fixture(autouse=True)
def record_downloads(monkeypatch):
    monkeypatch.setattr("streamlit.testing.v1.app_test.MemoryMediaFileStorage", RecordingStorage)
    monkeypatch.setattr("streamlit.runtime.media_file_manager.MediaFileManager.add_deferred", recording_add_deferred)
    DOWNLOADS.clear()
    DEFERRED.clear()
    monkeypatch.setattr("settings.PUBLIC_BASE_URL", None)   # whatever the environment says; tests set it themselves
    yield DOWNLOADS
