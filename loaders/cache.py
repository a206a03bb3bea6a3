"""The one place loaders meet Streamlit: results cached on the data files' content."""

from dataclasses import replace
from pathlib import Path

import streamlit as st

import settings
from loaders.isolated import check_in_child
from loaders.package import fingerprint
from loaders.package_check import PackageCheck
from loaders.paths import data_dir


def _check(folder: Path) -> PackageCheck:
    if settings.CHECK_IN_CHILD:
        return check_in_child(folder)
    from loaders.tables import check_package

    return check_package(folder)


@st.cache_data(show_spinner=False, max_entries=4)
def _checked(folder: str, content_hash: str) -> PackageCheck:
    """Validated package for one content hash; an edited CSV has a new hash, so a new entry."""
    return replace(_check(Path(folder)), content_hash=content_hash)


def cached_package() -> PackageCheck:
    """The current data folder's validated package, re-read whenever any file's content changes."""
    folder = data_dir()
    return _checked(str(folder), fingerprint(folder))
