"""The one place loaders meet Streamlit: results cached on the data files' content."""

from dataclasses import replace

import streamlit as st

from core.package import fingerprint
from core.package_check import PackageCheck
from core.paths import data_dir
from loaders.tables import check_package


@st.cache_data(show_spinner=False, max_entries=4)
def _checked(folder: str, content_hash: str) -> PackageCheck:
    """Validated package for one content hash; an edited CSV has a new hash, so a new entry."""
    return replace(check_package(folder), content_hash=content_hash)


def cached_package() -> PackageCheck:
    """The current data folder's validated package, re-read whenever any file's content changes."""
    folder = data_dir()
    return _checked(str(folder), fingerprint(folder))
