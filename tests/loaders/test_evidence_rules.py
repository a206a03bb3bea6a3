"""evidence.csv rules: each fails on a broken fixture with the right file, line, column and message,
and the valid fixture (one confirmed quote in English, one in Japanese, three not_found rows) passes."""

import pytest

from loaders.tables import check_package
from tests.conftest import add_row, rows, set_cell, write_rows

# Each test validates its own copy of the fixture package through frictionless: make test only.
pytestmark = pytest.mark.slow

# Data rows of tests/fixtures/valid/evidence.csv: 1 jp-cao-2010-broad rate_pct (confirmed, English),
# 2 jp-cao-2010-narrow (not_found), 3 jp-mhlw-2019 value (confirmed, Japanese), 4 valtorta (not_found),
# 5 usa-2023 (not_found).
CASES = [
    # (row, column, bad value, expected column, words in the message)
    (
        1,
        "as_written",
        "1.8 percent",
        "as_written",
        "'1.8 percent' does not appear in quote: copy the figure exactly as the quote writes it",
    ),
    (3, "as_written", "4555人", "as_written", "'4555人' does not appear in quote"),
    (
        1,
        "stated_value",
        "1.8",
        "stated_value",
        "status is confirmed but stated_value 1.8 is not jp-cao-2010-broad's rate_pct (1.79)",
    ),
    (3, "stated_value", "4,556", "stated_value", "stated_value 4,556 is not jp-mhlw-2019's value (4555)"),
    (3, "stated_value", "four thousand", "stated_value", "'four thousand' is not integer like value"),
    (
        1,
        "column",
        "rate_high_pct",
        "column",
        "rate_high_pct of jp-cao-2010-broad is derived here, so a quote cannot confirm it",
    ),
    (1, "column", "percent", "column", "'percent' is not a column of recluse_estimates.csv"),
    (
        1,
        "column",
        "value",
        "stated_value",
        "status is confirmed but stated_value 1.79 is not jp-cao-2010-broad's value (696000)",
    ),
    (3, "quote_en", "", "quote_en", "the quote is not in English: give an English translation in quote_en"),
    (1, "quote", "", "quote", "status is confirmed, so quote is required"),
    (1, "url", "", "url", "status is confirmed, so url is required"),
    (
        1,
        "url",
        "https://example.org/other",
        "url",
        "this page is not a url or other_urls of jp-cao-2010 in sources.csv",
    ),
    (1, "status", "differs", "note", "status is differs, so note is required"),
    (2, "note", "", "note", "status is not_found, so note is required: where the figure was looked for"),
    (2, "quote", "some words", "quote", "status is not_found, so quote must be empty"),
    (
        1,
        "homelessness_row_id",
        "jp-mhlw-2019",
        "estimate_id",
        "fill exactly one of estimate_id, homelessness_row_id, health_row_id, population_id",
    ),
    (1, "estimate_id", "jp-cao-2099", "estimate_id", "'jp-cao-2099' is not a estimate_id in recluse_estimates.csv"),
    (1, "status", "read", "status", "must be one of: confirmed, differs, not_found"),
    (1, "checked", "", "checked", "is required but empty"),
    (
        1,
        "note",
        "Should become 3.",
        "note",
        "readers see note, but it uses a checker's working language (should become)",
    ),
    (2, "note", "Not on the page in HEAD.", "note", "working language (HEAD)"),
    (3, "note", "As in data/recluse_estimates.csv.", "note", "working language (a file path)"),
]


@pytest.mark.parametrize(
    ("row", "column", "value", "expected_column", "words"), CASES, ids=[f"{c[1]}-{c[2][:14] or 'empty'}" for c in CASES]
)
def test_evidence_rule_names_file_line_column(package, row, column, value, expected_column, words):
    set_cell(package, "evidence", row, column, value)
    found = check_package(package).problems["evidence"]
    matching = [p for p in found if words in p.message]
    assert matching, f"no problem mentions {words!r}; got {[str(p) for p in found]}"
    assert matching[0].file.endswith("evidence.csv")
    assert matching[0].line == row + 1
    assert matching[0].column == expected_column


def test_a_row_with_no_evidence_is_refused_on_its_own_line(package):
    records = rows(package / "evidence.csv")
    write_rows(package / "evidence.csv", [r for r in records if r[1] != "jp-cao-2010-narrow"])
    found = check_package(package).problems["recluse_estimates"]
    assert [(p.line, p.column, p.message) for p in found] == [
        (
            3,
            "estimate_id",
            "'jp-cao-2010-narrow' has no evidence row in evidence.csv: add the quote that holds this figure, "
            "or a not_found row saying where it was looked for",
        )
    ]


def test_every_table_needs_evidence(package):
    header = rows(package / "evidence.csv")[0]
    write_rows(package / "evidence.csv", [header, rows(package / "evidence.csv")[1]])
    check = check_package(package)
    missing = {
        name: [p.line for p in check.problems[name] if "has no evidence row" in p.message]
        for name in ("recluse_estimates", "youth_homelessness", "isolation_health_risks", "population")
    }
    assert missing == {
        "recluse_estimates": [3],
        "youth_homelessness": [2],
        "isolation_health_risks": [2],
        "population": [2],
    }


def test_a_confirmed_input_of_a_derived_number_passes_without_matching_the_row(package):
    add_row(
        package,
        "evidence",
        {"evidence_id": "ev-jp-cao-2010-broad-cases", "column": "input", "as_written": "3,287", "stated_value": "3287"},
    )
    assert check_package(package).all_problems() == []


def test_a_differing_figure_with_a_note_passes(package):
    set_cell(package, "evidence", 1, "status", "differs")
    set_cell(package, "evidence", 1, "note", "The page rounds differently.")
    set_cell(package, "evidence", 1, "stated_value", "1.8")
    assert check_package(package).all_problems() == []


def test_an_evidence_line_with_a_type_error_gets_that_message_only(package):
    set_cell(package, "evidence", 1, "checked", "30/11/2026")
    set_cell(package, "evidence", 1, "as_written", "nowhere in the quote")
    found = [p for p in check_package(package).problems["evidence"] if p.line == 2]
    assert [p.column for p in found] == ["checked"]


def test_a_missing_evidence_file_is_one_problem_not_one_per_row(package):
    (package / "evidence.csv").unlink()
    check = check_package(package)
    assert [p.message for p in check.problems["evidence"]] == ["file is missing"]
    assert check.problems["recluse_estimates"] == []


def test_a_data_row_with_a_schema_problem_is_reported_there_not_again_in_evidence(package):
    set_cell(package, "youth_homelessness", 1, "value", "lots")
    check = check_package(package)
    assert [p.column for p in check.problems["youth_homelessness"]] == ["value"]
    assert check.problems["evidence"] == []


def test_a_data_row_breaking_a_rule_is_reported_there_not_again_in_evidence(package):
    set_cell(package, "youth_homelessness", 1, "value", "")  # row has no figure: a rule, not the schema
    check = check_package(package)
    assert [p.message for p in check.problems["youth_homelessness"]] == ["row has no figure: fill value or rate_pct"]
    assert check.problems["evidence"] == []


def test_evidence_pointing_at_a_row_whose_id_was_emptied_is_not_reported_twice(package):
    set_cell(package, "population", 1, "population_id", "")
    check = check_package(package)
    assert [p.message for p in check.problems["population"]] == ["is required but empty"]
    assert check.problems["evidence"] == []


def test_a_differs_row_whose_row_now_equals_its_figure_is_a_stale_status(package):
    set_cell(package, "evidence", 1, "status", "differs")
    set_cell(package, "evidence", 1, "note", "The page rounds differently.")
    found = check_package(package).problems["evidence"]
    assert [(p.line, p.column, p.message) for p in found] == [
        (
            2,
            "status",
            "status is differs but stated_value 1.79 now equals jp-cao-2010-broad's rate_pct: "
            "mark it confirmed and say in note what the quote shows",
        )
    ]


def test_a_differs_row_in_a_text_column_equal_to_its_row_is_stale_too(package):
    set_cell(package, "evidence", 1, "status", "differs")
    set_cell(package, "evidence", 1, "note", "The page words the scope differently.")
    set_cell(package, "evidence", 1, "column", "scope")
    scope = rows(package / "recluse_estimates.csv")[1][rows(package / "recluse_estimates.csv")[0].index("scope")]
    set_cell(package, "evidence", 1, "stated_value", scope)
    found = check_package(package).problems["evidence"]
    assert [(p.line, p.column) for p in found] == [(2, "status")]


def test_working_language_in_a_checker_note_passes(package):
    set_cell(
        package, "evidence", 1, "checker_note", "Should become 3; fixed in main at commit abc; see data/evidence.csv."
    )
    assert check_package(package).all_problems() == []


def test_working_language_in_a_data_table_note_names_that_table(package):
    set_cell(package, "recluse_estimates", 1, "note", "Value proposed by the audit.")
    found = check_package(package).problems["recluse_estimates"]
    assert [(p.line, p.column) for p in found] == [(2, "note")]
    assert "(proposed, audit)" in found[0].message
