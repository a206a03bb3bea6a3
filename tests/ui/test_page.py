"""The view's URL for citations: the configured public URL, else the browser's address, else none (never localhost)."""

import io
import os
import subprocess
import sys
from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core.package import package_version
from loaders.tables import check_package
from settings import PUBLIC_URL_VAR, public_base_url
from shaping.citations import NO_URL
from tests.conftest import REAL_DATA, ROOT
from tests.pages.helpers import download, open_cards
from tests.ui.test_card import card_figure, card_rows, card_script

PUBLIC = "https://hikikomori.example.org/"
BROWSER = "http://192.168.1.20:8501/japan"


def view_url_script(page_path, lang="en"):
    import streamlit as st

    from i18n import set_language
    from ui.page import PAGE_PATH_KEY, view_url

    set_language(lang)  # as app.py's start_language does
    if page_path is not None:
        st.session_state[PAGE_PATH_KEY] = page_path  # as app.py's remember_page does
    st.text(repr(view_url()))


def url_shown(
    monkeypatch,
    public: str | None,
    browser: str | None,
    page_path: str | None = "japan",
    run_lang: str = "en",
    **params: str,
) -> str | None:
    monkeypatch.setattr("settings.PUBLIC_BASE_URL", public)
    at = AppTest.from_function(view_url_script, args=(page_path, run_lang), default_timeout=60)
    if browser is not None:
        at.context["url"] = browser
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return eval(at.text[0].value)  # the repr of a str or None, written by the script above  # noqa: S307


def test_public_url_is_used_when_configured(monkeypatch):
    assert (
        url_shown(monkeypatch, PUBLIC, BROWSER, measure="Count (people)") == PUBLIC + "japan?measure=Count+%28people%29"
    )
    assert url_shown(monkeypatch, PUBLIC, None) == PUBLIC + "japan"  # the browser's address is not needed
    assert url_shown(monkeypatch, PUBLIC, BROWSER, page_path="") == PUBLIC  # the default page is the root


def test_without_a_public_url_the_browser_address_is_used(monkeypatch):
    assert url_shown(monkeypatch, None, BROWSER, measure="Count (people)") == BROWSER + "?measure=Count+%28people%29"


def test_the_link_keeps_the_language_it_was_read_in(monkeypatch):
    assert url_shown(monkeypatch, PUBLIC, None, run_lang="ja", measure="Count (people)") == (
        PUBLIC + "japan?measure=Count+%28people%29&lang=ja"
    )
    assert url_shown(monkeypatch, PUBLIC, None, run_lang="ko", lang="ko") == PUBLIC + "japan?lang=ko"  # once
    # English chosen in the link stays; English by default adds nothing (the recipient's browser chooses).
    assert url_shown(monkeypatch, PUBLIC, None, run_lang="en", lang="en") == PUBLIC + "japan?lang=en"
    assert url_shown(monkeypatch, PUBLIC, None, run_lang="en") == PUBLIC + "japan"


def test_with_neither_there_is_no_url(monkeypatch):
    assert url_shown(monkeypatch, None, None, measure="Count (people)") is None


@pytest.mark.usefixtures("record_downloads")
def test_card_citation_says_no_url_rather_than_inventing_one(monkeypatch):
    monkeypatch.setattr("settings.PUBLIC_BASE_URL", None)
    check = check_package(REAL_DATA)
    built = card_figure(card_rows(check))
    at = AppTest.from_function(card_script, args=(built, check), default_timeout=60).run()
    at.session_state[f"{built.key}-cite-more"] = True
    at = open_cards(at, expanders=("cite",))
    assert not at.exception
    citations = [c.value for c in at.code[:2]]
    version = package_version()[0]
    assert citations[0] == (
        f'Hikikomori in Numbers, "{built.title} (data version {version})". '
        f"{NO_URL} (accessed {date.today().isoformat()})."
    )
    assert "howpublished" not in citations[1] and NO_URL in citations[1]
    table = pd.read_csv(io.BytesIO(download(at, "Download the data shown")))
    assert set(table["figure_url"]) == {NO_URL} and set(table["figure"]) == {f"Hikikomori in Numbers: {built.title}"}
    first_line = ",".join(table.columns)
    assert not any("localhost" in text or "8501" in text for text in [*citations, first_line])


def test_public_url_setting_is_read_from_the_environment():
    env = {**os.environ, PUBLIC_URL_VAR: " https://hikikomori.example.org/dash "}
    out = subprocess.run(
        [sys.executable, "-c", "import settings; print(settings.PUBLIC_BASE_URL)"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == "https://hikikomori.example.org/dash/"
    assert public_base_url(None) is None and public_base_url("  ") is None
    with pytest.raises(ValueError, match=PUBLIC_URL_VAR):
        public_base_url("hikikomori.example.org")
