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


def choice_in_japanese():
    import streamlit as st

    from i18n import language, translator
    from ui.language import link_choices_in_language

    with language("ja"):  # AppTest runs only this function's source: everything it needs is imported here
        link_choices_in_language(["scale"])
        ja = translator("ja").gettext
        st.segmented_control("Scale", ["Linear", "Logarithmic"], format_func=ja, key="scale", bind="query-params")


def test_a_link_s_english_choice_still_reaches_a_translated_widget():
    """ui.language.link_choices_in_language rewrites the URL's first values in Streamlit's query-param store
    (QueryParams._initial_query_params): if a release moves it, links made in English open with the default choices
    in other languages, and this says where to look."""
    at = AppTest.from_function(choice_in_japanese, default_timeout=60)
    at.query_params["scale"] = "Logarithmic"
    at.run()
    assert not at.exception, at.exception
    assert at.button_group(key="scale").value == "Logarithmic", (
        "Streamlit's store of the URL's first query values moved: update ui/language.py link_choices_in_language"
    )
