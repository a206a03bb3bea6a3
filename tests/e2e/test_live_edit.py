"""A maintainer edits a CSV while readers have the dashboard open: one server, edits picked up on the next rerun.

A valid edit shows on the next reload, an invalid one turns only the pages that use the table into an error box
(other pages keep drawing their charts), a valid file again brings the pages back, and the server is never
restarted. The edits go to a copy of data/; the bundled data/ is never written.
"""

import shutil

import pytest

from tests.conftest import REAL_DATA, checksums, rows, set_cell, write_rows
from tests.e2e.conftest import settle, start_server, stop_server

TABLE = "recluse_estimates"
ROW = 1  # jp-cao-2010-broad: its note is in the "About this data" notes of the Compare (and Japan) page
MARKER = "LIVE-EDIT-MARKER-1"
MARKER_AGAIN = "LIVE-EDIT-MARKER-2"
# Where the page says its data was read: the data caption, or the error box (load_tables has then run).
DATA_SHOWN = """() => !!document.querySelector('[data-testid=stMain] h1') && (
    !!document.querySelector('[data-testid=stAlertContentError]') ||
    [...document.querySelectorAll('[data-testid=stCaptionContainer]')]
        .some(c => c.textContent.startsWith('Data package version')))"""


@pytest.fixture
def live_data(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(REAL_DATA, folder)
    return folder


def cell(folder, column: str) -> str:
    records = rows(folder / f"{TABLE}.csv")
    return records[ROW][records[0].index(column)]


def set_cells(folder, values: dict[str, str]) -> None:
    """Change several cells of the row in one save, as an editor would."""
    path = folder / f"{TABLE}.csv"
    records = rows(path)
    for column, value in values.items():
        records[ROW][records[0].index(column)] = value
    write_rows(path, records)


def reload_all(*pages) -> None:
    """Reload every tab (a reload is how a reader gets the next script run), then wait until each has settled."""
    for page in pages:
        page.reload(wait_until="commit")
    for page in pages:
        page.wait_for_function(DATA_SHOWN, polling=100, timeout=60_000)
        settle(page)


def open_about(page) -> None:
    """Open the first card's "About this data" (its notes run only when opened: a script run), then wait."""
    page.get_by_text("About this data", exact=True).first.click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stExpander] details[open]')].length > 0", timeout=60_000
    )
    settle(page)


def seen(page) -> dict:
    return page.evaluate(
        """(markers) => ({
        charts: document.querySelectorAll('[data-testid=stPlotlyChart]').length,
        drawn: [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
            .filter(c => c.querySelector('.main-svg')).length,
        errors: [...document.querySelectorAll('[data-testid=stAlertContentError]')].map(e => e.textContent),
        exceptions: document.querySelectorAll('[data-testid=stException]').length,
        markers: markers.filter(m => document.body.textContent.includes(m)),
    })""",
        [MARKER, MARKER_AGAIN],
    )


def assert_normal(page, charts: int, markers: list[str]) -> None:
    state = seen(page)
    assert state["errors"] == [] and state["exceptions"] == 0, state
    assert state["charts"] == state["drawn"] == charts, state
    assert state["markers"] == markers, state


def assert_error_box(page) -> None:
    state = seen(page)
    assert state["exceptions"] == 0, state
    assert len(state["errors"]) == 1 and "cannot be shown" in state["errors"][0], state
    assert state["charts"] == 0, state


def test_edits_are_picked_up_live_by_one_server(browser, live_data):
    bundled = checksums(REAL_DATA)
    note, value = cell(live_data, "note"), int(cell(live_data, "value"))
    server, base = start_server(env={"HIKIKOMORI_DATA_DIR": str(live_data)})
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(3)]
    try:
        # compare and overview use the table (compare shows the edited note), health does not
        compare, overview, health = (context.new_page() for context in contexts)
        for page, path in ((compare, "/compare"), (overview, "/"), (health, "/health")):
            page.goto(base + path, wait_until="commit")
        for page in (compare, overview, health):
            page.wait_for_function(DATA_SHOWN, polling=100, timeout=90_000)  # the first visit pays the imports
            settle(page)
        assert_normal(compare, 1, [])
        assert_normal(overview, 0, [])
        assert_normal(health, 2, [])

        set_cell(live_data, TABLE, ROW, "note", f"{note} {MARKER}")  # a valid edit
        reload_all(compare)
        open_about(compare)
        assert_normal(compare, 1, [MARKER])

        set_cell(live_data, TABLE, ROW, "value_low", str(value + 10_000))  # invalid: value_low above value
        reload_all(compare, overview, health)
        assert_error_box(compare)
        assert_error_box(overview)
        assert_normal(health, 2, [])  # a page that does not use the table

        set_cells(
            live_data, {"value_low": cell(REAL_DATA, "value_low"), "note": f"{note} {MARKER_AGAIN}"}
        )  # valid again, new note
        reload_all(compare, overview)
        open_about(compare)
        assert_normal(compare, 1, [MARKER_AGAIN])
        assert_normal(overview, 0, [])

        assert server.proc.poll() is None, "the server stopped: edits must never need a restart"
    finally:
        for context in contexts:
            context.close()
        stop_server(server)
    assert checksums(REAL_DATA) == bundled, "the bundled data/ was written"
