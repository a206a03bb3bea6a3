"""Helpers for page tests: recording downloads and reading tables and source lines from an AppTest."""
import io

import pandas as pd
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

DOWNLOADS: dict[str, bytes] = {}


class RecordingStorage(MemoryMediaFileStorage):
    """Media storage that keeps every file's bytes by URL, so tests can open a download."""

    def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):
        file_id = super().load_and_get_id(path_or_data, mimetype, kind, filename)
        DOWNLOADS[self.get_url(file_id)] = self.get_file(file_id).content
        return file_id


def download(at: AppTest, label_start: str) -> bytes:
    """The bytes behind the first download button whose label starts with label_start."""
    button = next(b for b in at.get("download_button") if b.proto.label.startswith(label_start))
    return DOWNLOADS[button.proto.url]


def download_csv(at: AppTest, index: int = 0) -> pd.DataFrame:
    """The index-th 'data shown' CSV of the page, parsed (its first line is the citation)."""
    buttons = [b for b in at.get("download_button") if b.proto.label.startswith("Download the data shown")]
    return pd.read_csv(io.BytesIO(DOWNLOADS[buttons[index].proto.url]), skiprows=1)


def tables(at: AppTest) -> list[pd.DataFrame]:
    """The Table view of every figure card on the page (the tables with an Estimate and a Source column)."""
    return [d.value for d in at.dataframe if {"Estimate", "Source"} <= set(d.value.columns)]


def source_lines(at: AppTest) -> list[str]:
    """The linked source line under each chart."""
    return [m.value for m in at.markdown if m.value.startswith(("Source: ", "Sources: "))]
