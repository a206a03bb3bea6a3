"""Each page shows exactly the figures declared for it (figures.figure.declare, collected by figures.catalog), in order,
and each card shows what its builder makes.

Each page of words/pages.toml runs through app.py at its default view (the Claim check once per screen of claims): the
cards' keys are the keys declared for that page and view, in order; each card's title is the built figure's title (from
its words file) and its CSV holds exactly the built figure's rows.
"""

import io
from functools import cache

import pandas as pd
import pytest

from figures import catalog
from loaders.tables import check_package
from shaping.downloads import rows_csv
from shaping.text import markdown_plain
from shaping.words import pages
from tests.conftest import REAL_DATA
from tests.figures.test_nothing_raw import raw_in
from tests.pages.helpers import card_keys, csv_bytes


@cache
def entries():
    check = check_package(REAL_DATA)
    return check, catalog(check)


def views() -> list[tuple[str, str, dict]]:
    """(file, url path, link parameters) of every view the catalog's entries are on, plus each page's default view."""
    _, listed = entries()
    found = []
    for page in pages():
        queries = [{}] + [e.query for e in listed if e.page == page.url and e.query]
        found += [(page.file, page.url, dict(q)) for q in {tuple(sorted(q.items())): q for q in queries}.values()]
    return found


@pytest.mark.usefixtures("record_downloads")
@pytest.mark.parametrize(
    ("file", "url", "query"), views(), ids=[f"{u}{'?' + str(q) if q else ''}" for _, u, q in views()]
)
def test_cards_drawn_are_the_catalog_entries_and_their_builds(run_page, file, url, query):
    check, listed = entries()
    expected = [e for e in listed if e.page == url and e.query == query]
    at = run_page(file, **query)
    assert not at.exception and not at.error
    if url != "sources":  # Sources and method documents the CSV's columns for those who download it
        prose = [
            e.value
            for kind in ("title", "subheader", "markdown", "caption", "info", "warning", "success")
            for e in at.get(kind)
        ]
        prose = [
            text for text in prose if not text.startswith("# What's new")
        ]  # the data changelog names rows by id, for CSV users
        assert not {text[:80]: raw_in(text) for text in prose if raw_in(text)}, url
    assert card_keys(at) == [e.key for e in expected]
    titles = [s.value for s in at.subheader if s.proto.anchor]
    sources = check.table("sources")
    for i, entry in enumerate(expected):
        built = entry.build(check)
        assert titles[i] == markdown_plain(built.title), entry.key
        drawn = pd.read_csv(io.BytesIO(csv_bytes(at, i)))
        expected = pd.read_csv(io.BytesIO(rows_csv(built.rows, sources, {})))
        pd.testing.assert_frame_equal(drawn[list(expected.columns)], expected, obj=entry.key)


def test_every_catalog_entry_is_on_a_view_run_above():
    _, listed = entries()
    run = {(url, tuple(sorted(q.items()))) for _, url, q in views()}
    assert all((e.page, tuple(sorted(e.query.items()))) in run for e in listed)
