"""Canary for the Streamlit internals that recording downloads relies on (tests/pages/helpers.py).

If a Streamlit release renames or moves them, this test fails with one message saying where to look, instead of the
download tests failing one by one with an AttributeError or KeyError.
"""

import pytest
from streamlit.testing.v1 import AppTest

MOVED = (
    "Streamlit internals moved: update tests/pages/helpers.py (and the record_downloads fixture in tests/conftest.py)"
)


def two_downloads():
    import streamlit as st

    st.download_button("Made now", b"bytes made now", file_name="now.csv")
    st.download_button("Made on click", lambda: b"bytes made on click", file_name="click.csv")


def test_download_recording_still_reaches_streamlit_internals(record_downloads):
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.testing.v1 import app_test

    from tests.pages.helpers import download

    try:
        assert hasattr(app_test, "MemoryMediaFileStorage"), (
            "streamlit.testing.v1.app_test.MemoryMediaFileStorage is gone"
        )
        assert hasattr(MediaFileManager, "add_deferred"), "MediaFileManager.add_deferred is gone"
        at = AppTest.from_function(two_downloads, default_timeout=60).run()
        assert not at.exception, at.exception
        assert {"url", "deferred_file_id"} <= {f.name for f in at.get("download_button")[0].proto.DESCRIPTOR.fields}, (
            "the download button's proto has no url or deferred_file_id field"
        )
        made_now, made_on_click = download(at, "Made now"), download(at, "Made on click")
    except (AssertionError, AttributeError, KeyError, ImportError, StopIteration) as err:
        pytest.fail(f"{MOVED}: {err!r}")
    assert made_now == b"bytes made now"
    assert made_on_click == b"bytes made on click"
    assert record_downloads, "the recording storage kept nothing"
