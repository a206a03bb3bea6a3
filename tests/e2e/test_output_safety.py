"""Hostile text in the data never runs in the browser: no dialog, no injected element, no javascript: link."""

import shutil

import pytest

from tests.conftest import REAL_DATA, set_cell
from tests.e2e.conftest import open_expanders, settle, start_server, stop_server

PAYLOAD = '<img src=x onerror="window.__xss=1;alert(1)">'


@pytest.fixture
def hostile_data(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(REAL_DATA, folder)
    return folder


def watch(page) -> list[str]:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs


def assert_nothing_ran(page, dialogs) -> None:
    assert dialogs == []
    assert page.evaluate("() => window.__xss === undefined")
    assert page.query_selector_all("img[src='x']") == []
    assert (
        page.evaluate(
            "() => [...document.querySelectorAll('a')]"
            ".filter(a => /^\\s*(javascript|data):/i.test(a.getAttribute('href') || '')).length"
        )
        == 0
    )


def test_markup_in_a_note_is_refused_and_its_error_box_runs_nothing(browser, hostile_data):
    set_cell(hostile_data, "recluse_estimates", 1, "note", PAYLOAD)
    set_cell(hostile_data, "population", 1, "series", PAYLOAD)
    server, base = start_server(env={"HIKIKOMORI_DATA_DIR": str(hostile_data)})
    page = browser.new_page()
    try:
        dialogs = watch(page)
        for path in ("/japan", "/homelessness", "/health"):
            page.goto(base + path)
            settle(page)
            assert_nothing_ran(page, dialogs)
        page.goto(base + "/japan")
        settle(page)
        assert "cannot be shown" in page.inner_text("[data-testid=stAlertContentError]")
    finally:
        page.close()
        stop_server(server)


def test_a_javascript_address_in_text_stays_text(browser, hostile_data):
    set_cell(
        hostile_data,
        "recluse_estimates",
        1,
        "note",
        "Read more at javascript:window.__xss=1 or data:text/html,x (not links).",
    )
    server, base = start_server(env={"HIKIKOMORI_DATA_DIR": str(hostile_data)})
    page = browser.new_page()
    try:
        dialogs = watch(page)
        page.goto(base + "/japan")
        settle(page)
        open_expanders(page)  # the note is in "About this data"
        assert "javascript:window.__xss=1" in page.inner_text("body")
        assert_nothing_ran(page, dialogs)
    finally:
        page.close()
        stop_server(server)


def test_hostile_url_parameters_are_dropped_with_a_notice(page, base_url):
    dialogs = watch(page)
    page.goto(
        base_url
        + "/compare?countries=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&evil=%3Cscript%3Ealert(1)%3C%2Fscript%3E"
    )
    settle(page)
    notices = page.inner_text("body")
    assert "Ignored" in notices and "unknown link parameter 'evil'" in notices
    assert_nothing_ran(page, dialogs)
