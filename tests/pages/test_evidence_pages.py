"""Readers see the evidence: quotes behind the rows on screen, rows no page holds marked,
coverage and counts per source."""

import csv
import html
import io
import re

import pandas as pd
import pytest

from loaders.tables import check_package
from shaping.evidence import confirmed_by_source, coverage, coverage_sentence, quote_groups, quotes_for
from shaping.sources import source_usage
from shaping.text import markdown_plain
from tests.conftest import REAL_DATA, rows, write_rows
from tests.pages.helpers import card_keys, download_csv, open_cards

TABLES = ("recluse_estimates", "youth_homelessness", "isolation_health_risks", "population")


def quotes_on_screen(at) -> list[str]:
    """Each quote shown, as text (ui.card.quote_html writes it as an escaped <blockquote lang=…>)."""
    found = [re.fullmatch(r'<blockquote(?: lang="\w+")?>(.*)</blockquote>', m.value) for m in at.markdown]
    return [html.unescape(f.group(1)) for f in found if f]


def unread(folder, row_id: str) -> None:
    """Turn every evidence row of one data row into not_found, as if no page held it."""
    records = rows(folder / "evidence.csv")
    header = records[0]
    column = {name: header.index(name) for name in header}
    for record in records[1:]:
        if row_id in (record[column["estimate_id"]], record[column["homelessness_row_id"]]):
            for name in ("url", "quote", "as_written", "stated_value", "quote_en", "locator"):
                record[column[name]] = ""
            record[column["status"]] = "not_found"
            record[column["note"]] = "Test: no page holds it."
    write_rows(folder / "evidence.csv", records)


@pytest.mark.usefixtures("record_downloads")
def test_where_it_says_so_lists_the_quotes_of_the_rows_on_screen_and_only_those(run_page):
    at = run_page("views/japan.py")
    assert not quotes_on_screen(at)  # closed: nothing built
    open_cards(at, expanders=("evidence",))
    evidence = check_package(REAL_DATA).table("evidence")
    shown = quotes_on_screen(at)
    expected = []
    for i, _ in enumerate(card_keys(at)):
        rows_shown = download_csv(at, i)
        groups = quote_groups(quotes_for(rows_shown, evidence))
        expected += [" ".join(g["quote"].split()) for g in groups if g["quote"] is not None]
    assert shown == expected  # each quote once per row, in the order shown
    assert len(shown) > 15
    assert any("In English: " in c.value for c in at.caption)  # Japanese quotes come with a translation


@pytest.mark.usefixtures("record_downloads")
def test_a_row_no_page_holds_is_marked_on_its_card(run_page, data_copy):
    def marks(at) -> list[str]:
        return [w.value for w in at.warning if w.value.startswith("No readable page found")]

    before = marks(run_page("views/japan.py"))  # the real data's own unconfirmed rows (2018 split)
    unread(data_copy, "jp-cao-2010-broad")
    at = run_page("views/japan.py")
    assert not at.exception
    added = [m for m in marks(at) if m not in before]
    assert len(added) == 1
    table = download_csv(at, 0)
    label = table.loc[table["estimate_id"] == "jp-cao-2010-broad", "label"].iloc[0]
    assert added[0].startswith(f"No readable page found for 1 of the {len(table)} rows shown: {markdown_plain(label)}.")


@pytest.mark.usefixtures("record_downloads")
def test_no_card_is_marked_on_the_real_data_for_rows_that_were_read(run_page):
    at = run_page("views/homelessness.py")
    evidence = check_package(REAL_DATA).table("evidence")
    marks = [w.value for w in at.warning if w.value.startswith("No readable page found")]
    unread_ids = set(evidence["homelessness_row_id"].dropna()) - set(
        evidence[
            evidence["status"].isin(["confirmed", "differs"]) & evidence["column"].isin(["value", "rate_pct", "input"])
        ]["homelessness_row_id"].dropna()
    )
    assert bool(marks) == bool(unread_ids & set(download_csv(at, 0)["row_id"]))


def test_overview_states_the_package_coverage(run_page):
    at = run_page("views/overview.py")
    check = check_package(REAL_DATA)
    sentence = coverage_sentence(coverage({t: check.table(t) for t in TABLES}, check.table("evidence")))
    assert [m.value for m in at.markdown if m.value.startswith("**Where it says so.**")] == [
        "**Where it says so.** "
        + markdown_plain(sentence)
        + " Every chart's *Where it says so* lists the sentence each figure was read in, verbatim, with its page."
    ]


def test_overview_headline_never_uses_a_row_no_page_holds(run_page, data_copy):
    from figures import overview

    before = run_page("views/overview.py")
    japan = next(m for m in before.metric if m.label == "Japan").value
    headline = overview.headlines(check_package(data_copy)).set_index("country").loc["JPN", "estimate_id"]
    unread(data_copy, headline)  # whichever row the rule picks today: no page holds it any more
    after = run_page("views/overview.py")
    assert not after.exception
    assert next(m for m in after.metric if m.label == "Japan").value != japan


def test_a_broken_evidence_file_keeps_charts_and_says_why_quotes_are_missing(run_page, data_copy):
    text = (data_copy / "evidence.csv").read_text(encoding="utf-8")
    records = list(csv.reader(io.StringIO(text)))
    records[1][records[0].index("as_written")] = "not in the quote"
    write_rows(data_copy / "evidence.csv", records)
    japan = run_page("views/japan.py")
    assert not japan.exception and not japan.error
    assert len(japan.get("plotly_chart")) == 3
    assert any("evidence.csv has problems" in w.value for w in japan.warning)
    overview = run_page("views/overview.py")
    assert overview.error and overview.dataframe[0].value.iloc[0]["file"].endswith("evidence.csv")


def test_sources_page_counts_rows_confirmed_on_each_source(run_page):
    at = run_page("views/sources.py")
    table = next(d.value for d in at.dataframe if "confirmed" in d.value.columns)
    check = check_package(REAL_DATA)
    expected = confirmed_by_source(check.table("evidence"))
    # the reader's table names each source by its citation (no ids): one citation per source
    source_of = source_usage(check).set_index("citation")["source_id"]
    assert source_of.index.is_unique
    counts = table.set_index("citation")["confirmed"]
    assert counts.to_dict() == source_of[counts.index].map(expected).fillna(0).astype("int64").to_dict()
    assert counts.sum() > 100 and isinstance(counts, pd.Series)
