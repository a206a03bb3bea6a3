"""Evidence shaping on the small fixture: statuses, the quotes behind the rows shown, coverage and counts per source."""

import pandas as pd
import pytest

from loaders.tables import check_package
from shaping.evidence import (
    column_name,
    confirmed_by_source,
    coverage,
    coverage_sentence,
    held_text,
    quote_groups,
    quotes_for,
    read_on_a_page,
    row_status,
    unread_columns,
    unread_rows,
)
from tests.conftest import VALID

TABLES = ("recluse_estimates", "youth_homelessness", "isolation_health_risks", "population")


@pytest.fixture(scope="module")
def check():
    found = check_package(VALID)
    assert found.all_problems() == []
    return found


def test_row_status_takes_the_best_figure_evidence(check):
    status = row_status(check.table("evidence"))
    assert status.to_dict() == {
        "jp-cao-2010-broad": "confirmed",
        "jp-cao-2010-narrow": "not_found",
        "jp-mhlw-2019": "confirmed",
        "h-valtorta-2016-chd": "not_found",
        "usa-2023": "not_found",
    }


def test_a_differing_page_still_counts_as_read_but_ages_alone_do_not(check):
    evidence = check.table("evidence").copy()
    evidence.loc[evidence["evidence_id"] == "ev-jp-mhlw-2019-value", "status"] = "differs"
    evidence.loc[evidence["evidence_id"] == "ev-jp-cao-2010-broad-rate-pct", "column"] = "age_min"
    assert read_on_a_page(evidence) == {"jp-mhlw-2019"}


def test_quotes_for_the_rows_shown_only_in_their_order(check):
    estimates = check.table("recluse_estimates").iloc[::-1]
    quotes = quotes_for(estimates, check.table("evidence"))
    assert quotes["row_id"].tolist() == ["jp-cao-2010-narrow", "jp-cao-2010-broad"]
    assert quotes.iloc[1]["quote"] == "surveyed 3,287 people aged 15 to 39 and decided that 1.79 percent"
    homeless = quotes_for(check.table("youth_homelessness"), check.table("evidence"))
    assert homeless["evidence_id"].tolist() == ["ev-jp-mhlw-2019-value"]
    assert homeless.iloc[0]["quote_en"].startswith("2. The number of homeless people confirmed is 4,555")


def test_unread_rows_are_the_rows_shown_with_no_readable_page(check):
    assert unread_rows(check.table("recluse_estimates"), check.table("evidence")) == ["jp-cao-2010-narrow"]
    assert unread_rows(check.table("youth_homelessness"), check.table("evidence")) == []


def test_coverage_counts_rows_per_table_and_says_it_in_a_sentence(check):
    counts = coverage({t: check.table(t) for t in TABLES}, check.table("evidence"))
    assert counts.set_index("table").to_dict("index") == {
        "recluse_estimates": {"rows": 2, "confirmed": 1, "differs": 0, "not_found": 1},
        "youth_homelessness": {"rows": 1, "confirmed": 1, "differs": 0, "not_found": 0},
        "isolation_health_risks": {"rows": 1, "confirmed": 0, "differs": 0, "not_found": 1},
        "population": {"rows": 1, "confirmed": 0, "differs": 0, "not_found": 1},
    }
    assert (
        coverage_sentence(counts)
        == "2 of 5 figures confirmed on a readable page; 3 marked unconfirmed (no readable page found)."
    )


def test_the_coverage_sentence_joins_its_parts_as_each_language_writes(check):
    import i18n

    counts = coverage({t: check.table(t) for t in TABLES}, check.table("evidence"))
    with i18n.language("ja"):
        japanese = coverage_sentence(counts)
    with i18n.language("it"):
        italian = coverage_sentence(counts)
    assert ";" not in japanese and "、" in japanese  # an ASCII semicolon is not Japanese punctuation
    assert "; " in italian


def test_coverage_of_a_row_with_no_evidence_at_all_is_unconfirmed(check):
    evidence = check.table("evidence")
    counts = coverage({"population": check.table("population")}, evidence[evidence["population_id"].isna()])
    assert counts.iloc[0].to_dict() == {"table": "population", "rows": 1, "confirmed": 0, "differs": 0, "not_found": 1}


def test_confirmed_rows_per_source(check):
    assert confirmed_by_source(check.table("evidence")).to_dict() == {"jp-cao-2010": 1, "jp-mhlw-2019": 1}
    assert confirmed_by_source(check.table("evidence").iloc[0:0]).empty
    assert isinstance(confirmed_by_source(check.table("evidence")), pd.Series)


def test_quote_groups_show_each_quote_once_with_every_figure_it_holds_figures_first(check):
    evidence = check.table("evidence")
    same_quote = evidence[evidence["evidence_id"] == "ev-jp-cao-2010-broad-rate-pct"].assign(
        evidence_id="ev-jp-cao-2010-broad-sample-size", column="sample_size", as_written="3,287", stated_value="3287"
    )
    groups = quote_groups(quotes_for(check.table("recluse_estimates"), pd.concat([same_quote, evidence])))
    assert [(g["row_id"], g["quote"] is None) for g in groups] == [
        ("jp-cao-2010-broad", False),
        ("jp-cao-2010-narrow", True),
    ]
    assert groups[0]["figures"] == [
        ("rate_pct", "1.79 percent", "1.79", "confirmed"),
        ("sample_size", "3,287", "3287", "confirmed"),
    ]
    assert groups[1]["figures"] == [("value", None, None, "not_found")]
    assert groups[1]["notes"] == ["Fixture: looked for on the pages of jp-cao-2010."]


def test_a_figure_mixing_estimates_and_other_rows_finds_the_quotes_of_both(check):
    mixed = pd.concat([check.table("recluse_estimates").head(1), check.table("youth_homelessness")], ignore_index=True)
    assert mixed["estimate_id"].isna().any()  # the homelessness row has no estimate_id: its id is in row_id
    quotes = quotes_for(mixed, check.table("evidence"))
    assert quotes["row_id"].tolist() == ["jp-cao-2010-broad", "jp-mhlw-2019"]


def test_the_figures_a_quote_holds_are_named_the_same_on_every_page():
    figures = [
        ("rate_pct", "1.79 percent", "1.79", "confirmed"),
        ("sample_size", "3,287", "3287", "differs"),
        ("input", "59", "59", "confirmed"),
    ]
    assert (
        held_text(figures, "recluse_estimates")
        == "Rate % 1.79 percent; Valid respondents 3,287 (differs from the row); input of a figure derived here 59"
    )
    assert (
        unread_columns([("value", None, None, "not_found"), ("rate_low_pct", None, None, "not_found")], "population")
        == "Count, Rate low %"
    )
    # a health row's value is a ratio, not a count of people
    assert column_name("value", "isolation_health_risks") != column_name("value", "recluse_estimates")


def test_where_it_says_so_shows_the_readers_note_never_the_checkers(check):
    evidence = check.table("evidence").copy()
    evidence["note"] = evidence["note"].astype("string")
    evidence.loc[evidence.index[0], "note"] = "The page rounds to one decimal."
    evidence["checker_note"] = "Compared with the 2019 report; was 1.8, corrected on 2026-12-07."
    estimates = check.table("recluse_estimates")
    groups = quote_groups(quotes_for(estimates, evidence))
    shown = repr(groups)
    assert "The page rounds to one decimal." in shown
    assert "Compared with the 2019 report" not in shown
