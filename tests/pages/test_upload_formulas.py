"""A formula in an upload's file name (or in a cell a problem quotes) must not survive into the problems table the
Check new data page shows, whose toolbar exports it as CSV (security probe 2026-12-07, row 11)."""

import pytest

from shaping.downloads import FORMULA_START
from tests.conftest import REAL_DATA

NAME = '=HYPERLINK("http://evil.example","x").csv'


@pytest.fixture
def checked(run_page):
    """The page after uploading population.csv, with one value broken, under a formula as its name."""
    content = (REAL_DATA / "population.csv").read_text(encoding="utf-8").replace("336806231", "-1").encode()
    at = run_page("views/check_data.py")
    at.get("file_uploader")[0].set_value((NAME, content, "text/csv"))
    return at.run()


def test_the_problems_table_shows_no_cell_starting_with_a_formula(checked):
    assert not checked.exception
    table = checked.dataframe[0].value
    assert table["file"].tolist()[0] == "'" + NAME + " (population.csv)"
    cells = [value for column in ("file", "column", "problem") for value in table[column].tolist()]
    assert not [cell for cell in cells if isinstance(cell, str) and cell.startswith(FORMULA_START)]
    assert not isinstance(table["line"].tolist()[0], str)  # numbers untouched
