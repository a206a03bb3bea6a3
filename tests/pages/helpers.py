"""Helpers for page tests: recording downloads, opening cards' lazy tabs and expanders, reading tables and source lines.

Recording downloads relies on Streamlit internals: AppTest's `app_test.MemoryMediaFileStorage`,
`MediaFileManager.add_deferred` and the download button's `proto.deferred_file_id` / `proto.url`. Only tests that
ask for the `record_downloads` fixture (tests/conftest.py) patch them; test_streamlit_internals.py fails first,
with a message pointing here, when a Streamlit release moves them."""

import io

import pandas as pd
from streamlit.runtime.download_data_util import convert_data_to_bytes_and_infer_mime
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

BROWSER_URL = "http://127.0.0.1:8501/"  # the address a browser reports for the app's root
DOWNLOADS: dict[str, bytes] = {}
DEFERRED: dict[str, object] = {}
_add_deferred = MediaFileManager.add_deferred


class RecordingStorage(MemoryMediaFileStorage):
    """Media storage that keeps every file's bytes by URL, so tests can open a download."""

    def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):
        file_id = super().load_and_get_id(path_or_data, mimetype, kind, filename)
        DOWNLOADS[self.get_url(file_id)] = self.get_file(file_id).content
        return file_id


def recording_add_deferred(self, data_callable, *args, **kwargs) -> str:
    """Keep the callable of a download made on click, so a test can make the file as a click would."""
    file_id = _add_deferred(self, data_callable, *args, **kwargs)
    DEFERRED[file_id] = data_callable
    return file_id


NOT_RECORDED = "no bytes recorded for this download button: does the test ask for the record_downloads fixture?"


def _button_bytes(button) -> bytes:
    if button.proto.deferred_file_id:
        assert button.proto.deferred_file_id in DEFERRED, NOT_RECORDED
        data, _ = convert_data_to_bytes_and_infer_mime(
            DEFERRED[button.proto.deferred_file_id](), unsupported_error=TypeError()
        )
        return data
    assert button.proto.url in DOWNLOADS, NOT_RECORDED
    return DOWNLOADS[button.proto.url]


def download(at: AppTest, label_start: str) -> bytes:
    """The bytes behind the first download button whose label starts with label_start (made as a click would)."""
    return _button_bytes(next(b for b in at.get("download_button") if b.proto.label.startswith(label_start)))


def csv_bytes(at: AppTest, index: int = 0) -> bytes:
    """The index-th 'data shown' CSV of the page as a reader downloads it (its first line is the citation)."""
    buttons = [b for b in at.get("download_button") if b.proto.label.startswith("Download the data shown")]
    return _button_bytes(buttons[index])


def download_csv(at: AppTest, index: int = 0) -> pd.DataFrame:
    """The index-th 'data shown' CSV of the page, parsed with pandas' defaults (its first line is the header)."""
    return pd.read_csv(io.BytesIO(csv_bytes(at, index)))


def card_keys(at: AppTest) -> list[str]:
    """The key of every figure card on the page (its heading's anchor)."""
    return [s.proto.anchor for s in at.subheader if s.proto.anchor]


def open_cards(at: AppTest, view: str | None = None, expanders: tuple[str, ...] = ()) -> AppTest:
    """Switch every card to a tab ("Chart" or "Table") and open the named expanders ("evidence", "about", "cite",
    "embed"), as a reader's clicks would (each is a lazy widget: its content runs only when open), then rerun."""
    for key in card_keys(at):
        if view:
            at.session_state[f"{key}-view"] = view
        for name in expanders:
            at.session_state[f"{key}-{name}"] = True
    return at.run()


def tables(at: AppTest) -> list[pd.DataFrame]:
    """The Table view of every figure card on the page (opens the Table tabs: a rerun)."""
    open_cards(at, view="Table")
    return [d.value for d in at.dataframe if {"Estimate", "Source"} <= set(d.value.columns)]


def source_lines(at: AppTest) -> list[str]:
    """The linked source line under each chart."""
    return [m.value for m in at.markdown if m.value.startswith(("Source: ", "Sources: "))]
