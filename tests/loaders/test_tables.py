"""Validation of a data folder: each rule fails on a broken fixture and passes on the valid one."""

from pathlib import Path

import pandas as pd
import pytest

from core.problems import DataError
from loaders.tables import check_package
from tests.conftest import add_row, checksums, rows, set_cell, write_rows

# Each test validates its own copy of the fixture package through frictionless: make test only.
pytestmark = pytest.mark.slow


def problems_of(folder: Path) -> list[str]:
    return [str(p) for p in check_package(folder).all_problems()]


def test_valid_fixture_has_no_problems(package):
    assert check_package(package).all_problems() == []


def test_tables_have_schema_dtypes(package):
    estimates = check_package(package).table("recluse_estimates")
    assert str(estimates["value"].dtype) == "Int64"
    assert str(estimates["sample_size"].dtype) == "Int64"
    assert estimates["cases"].isna().tolist() == [False, True]  # a missing count stays missing, not 0
    assert estimates["rate_pct"].dtype == "float64"
    assert str(estimates["six_month_rule"].dtype) == "boolean"
    sources = check_package(package).table("sources")
    assert pd.api.types.is_datetime64_any_dtype(sources["accessed"])
    assert estimates["_line"].tolist() == [2, 3]


# (table, data row, column, bad value, expected column, words in the message)
CASES = [
    ("recluse_estimates", 1, "value_low", "900000", "value_low", "value_low 900000 is above value 696000"),
    ("recluse_estimates", 1, "value_high", "600000", "value", "value 696000 is above value_high 600000"),
    ("recluse_estimates", 1, "rate_high_pct", "1.5", "rate_pct", "rate_pct 1.79 is above rate_high_pct 1.5"),
    ("recluse_estimates", 1, "rate_pct", "101", "rate_pct", "must be at most 100"),
    ("recluse_estimates", 1, "value", "-5", "value", "must be at least 0"),
    ("recluse_estimates", 1, "value", "696,000", "value", "is not a whole number"),
    ("recluse_estimates", 1, "interval", "none", "interval", "interval is none but a bound is filled"),
    ("recluse_estimates", 2, "interval", "range", "interval", "interval needs both bounds"),
    ("recluse_estimates", 2, "interval", "lower_bound", "interval", "value_low (or rate_low_pct) is empty"),
    (
        "recluse_estimates",
        1,
        "fieldwork_start",
        "2010-03-01",
        "fieldwork_start",
        "fieldwork_start 2010-03-01 is after fieldwork_end 2010-02-28",
    ),
    (
        "recluse_estimates",
        1,
        "fieldwork_end",
        "2010-08",
        "fieldwork_end",
        "fieldwork_end 2010-08 is after published 2010-07",
    ),
    ("recluse_estimates", 1, "published", "2010-13", "published", "must be a date written YYYY, YYYY-MM or YYYY-MM-DD"),
    ("recluse_estimates", 1, "age_min", "40", "age_min", "age_min 40 is above age_max 39"),
    ("recluse_estimates", 1, "cases", "4000", "cases", "cases 4000 is above sample_size 3287"),
    (
        "recluse_estimates",
        1,
        "rate_low_pct",
        "1.34",
        "rate_low_pct",
        "does not match the Wilson 95% interval from 59 of 3287 (1.39–2.31)",
    ),
    (
        "recluse_estimates",
        1,
        "derived_fields",
        "value_low",
        "derived_fields",
        "derived_fields must list value_high rate_low_pct rate_high_pct",
    ),
    ("recluse_estimates", 2, "derived_fields", "value", "derivation", "say how in derivation"),
    ("recluse_estimates", 1, "country", "JAP", "country", "must be one of: JPN, KOR, ITA, USA"),
    ("recluse_estimates", 1, "concept", "hermit", "concept", "must be one of: hikikomori_broad"),
    ("recluse_estimates", 1, "six_month_rule", "yes", "six_month_rule", "is not true or false"),
    (
        "recluse_estimates",
        1,
        "source_id",
        "jp-cao-2099",
        "source_id",
        "'jp-cao-2099' is not a source_id in sources.csv",
    ),
    ("recluse_estimates", 1, "method", "", "method", "is required but empty"),
    ("recluse_estimates", 1, "note", "<script>alert(1)</script>", "note", "contains HTML markup"),
    ("recluse_estimates", 1, "note", "see [here](https://example.org)", "note", "contains a Markdown link"),
    (
        "recluse_estimates",
        1,
        "as_published",
        '=HYPERLINK("http://x")',
        "as_published",
        "starts with '=', which spreadsheets run as a formula",
    ),
    ("recluse_estimates", 1, "rate_pct", "NaN", "rate_pct", "'NaN' is not a number"),
    ("sources", 1, "url", "javascript:alert(1)", "url", "must be a web address starting with http:// or https://"),
    ("sources", 1, "url", "data:text/html,hi", "url", "must be a web address starting with http:// or https://"),
    ("sources", 1, "accessed", "2009-01-01", "accessed", "accessed 2009-01-01 is before published 2010-07"),
    ("sources", 1, "accessed", "25/11/2026", "accessed", "is not a date written YYYY-MM-DD"),
    ("sources", 1, "source_type", "blog", "source_type", "must be one of: official_survey"),
    ("sources", 1, "accessed", "2999-01-01", "accessed", "accessed 2999-01-01 is in the future"),
    ("recluse_estimates", 1, "published", "2099-07", "published", "published 2099-07 is in the future"),
    ("youth_homelessness", 1, "year", "2018", "year", "year 2018 does not match reference_date 2019-01"),
    ("youth_homelessness", 1, "value", "", "value", "row has no figure: fill value or rate_pct"),
    ("isolation_health_risks", 1, "ci_low", "1.4", "ci_low", "ci_low 1.4 is above value 1.29"),
    ("isolation_health_risks", 1, "ci_high", "", "ci_high", "ci_low and ci_high go together"),
    ("isolation_health_risks", 1, "value", "inf", "value", "'inf' is not a number"),
    ("population", 1, "value", "0", "value", "must be at least 1"),
    (
        "claims",
        1,
        "verdict",
        "false",
        "verdict",
        "must be one of: consistent, superseded, unsourced, misdated, not_comparable",
    ),
    ("claim_evidence", 1, "estimate_id", "jp-cao-2010-broad", "estimate_id", "fill exactly one of"),
    (
        "claim_evidence",
        1,
        "homelessness_row_id",
        "nope",
        "homelessness_row_id",
        "'nope' is not a row_id in youth_homelessness.csv",
    ),
]


@pytest.mark.parametrize(
    ("table", "row", "column", "value", "expected_column", "words"),
    CASES,
    ids=[f"{c[0]}-{c[2]}-{c[3][:12]}" for c in CASES],
)
def test_rule_names_file_line_column(package, table, row, column, value, expected_column, words):
    set_cell(package, table, row, column, value)
    found = check_package(package).all_problems()
    matching = [p for p in found if words in p.message]
    assert matching, f"no problem mentions {words!r}; got {[str(p) for p in found]}"
    problem = matching[0]
    assert problem.file.endswith(f"{table}.csv")
    assert problem.line == row + 1
    assert problem.column == expected_column


def test_duplicate_id_names_both_lines(package):
    add_row(package, "recluse_estimates", {})
    found = check_package(package).problems["recluse_estimates"]
    assert any(p.line == 4 and "used twice (also line 2)" in p.message for p in found), [str(p) for p in found]


def test_all_problems_are_collected_not_just_the_first(package):
    set_cell(package, "recluse_estimates", 1, "value_low", "900000")
    set_cell(package, "recluse_estimates", 2, "country", "XXX")
    set_cell(package, "sources", 2, "url", "ftp://x")
    found = check_package(package).all_problems()
    assert {(Path(p.file).name, p.line) for p in found} >= {
        ("recluse_estimates.csv", 2),
        ("recluse_estimates.csv", 3),
        ("sources.csv", 3),
    }


def test_line_numbers_count_lines_inside_quoted_cells(package):
    set_cell(package, "recluse_estimates", 1, "note", "first line\nsecond line")
    set_cell(package, "recluse_estimates", 2, "value_low", "999999")
    problem = check_package(package).problems["recluse_estimates"][0]
    assert problem.line == 4  # row 2 starts on line 4 because row 1's note spans two lines


def test_bad_table_raises_with_its_problems_and_other_tables_still_load(package):
    set_cell(package, "isolation_health_risks", 1, "ci_low", "1.4")
    check = check_package(package)
    with pytest.raises(DataError) as error:
        check.table("isolation_health_risks")
    assert "ci_low 1.4 is above value 1.29" in str(error.value)
    assert len(check.table("recluse_estimates")) == 2


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "file is empty"),
        (b"   \n", "file is empty"),
        (b"estimate_id;register_id;country\njp;JP;JPN\n", "separated by semicolons"),
        ("source_id,producer\nx,Caf\u00e9\n".encode("cp1252"), "not UTF-8: byte 0xE9 at line 2"),
        ("source_id,producer\nx,\u6771\u4eac\n".encode("shift_jis"), "not UTF-8: byte 0x93 at line 2"),
    ],
)
def test_unreadable_files_get_a_clear_message(package, content, words):
    (package / "sources.csv").write_bytes(content)
    found = check_package(package).problems["sources"]
    assert any(words in p.message for p in found), [str(p) for p in found]


def test_missing_file(package):
    (package / "population.csv").unlink()
    assert [p.message for p in check_package(package).problems["population"]] == ["file is missing"]


def test_header_problems_name_the_column(package):
    records = rows(package / "population.csv")
    header = records[0]
    records = [[c for i, c in enumerate(r) if header[i] != "series"] + ["x"] for r in records]
    records[0][-1] = "comment"
    write_rows(package / "population.csv", records)
    found = {(p.line, p.column): p.message for p in check_package(package).problems["population"]}
    assert found[(1, "series")] == "column 'series' is missing from the header"
    assert found[(1, "comment")].startswith("unknown column 'comment'")


def test_wrong_column_order(package):
    records = rows(package / "claims.csv")
    records = [[r[1], r[0], *r[2:]] for r in records]
    write_rows(package / "claims.csv", records)
    assert "columns are in the wrong order" in check_package(package).problems["claims"][0].message


def test_header_only_file(package):
    (package / "claims.csv").write_text(
        rows(package / "claims.csv")[0] and ",".join(rows(package / "claims.csv")[0]) + "\n"
    )
    assert check_package(package).problems["claims"][0].message == "file has a header but no data rows"


def test_bom_and_crlf_are_accepted_silently(package):
    path = package / "recluse_estimates.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    check = check_package(package)
    assert check.all_problems() == []
    assert check.table("recluse_estimates")["estimate_id"].tolist() == ["jp-cao-2010-broad", "jp-cao-2010-narrow"]


def test_stray_quote_is_reported_with_its_line(package):
    path = package / "claims.csv"
    path.write_text(path.read_text() + 'c-x,C-X,"unclosed quote,japan_hikikomori,x,unsourced,y\n')
    found = check_package(package).problems["claims"]
    assert found and all(p.line is None or p.line >= 2 for p in found)
    assert [(p.line, p.column) for p in found] == [(3, "quote")]  # the appended line, the cell the quote opens
    assert found[0].message.startswith("a quote opens this cell and is never closed")


def test_validation_never_writes(package):
    set_cell(package, "recluse_estimates", 1, "value_low", "900000")
    before = checksums(package)
    check_package(package)
    assert checksums(package) == before


def test_a_type_error_is_not_followed_by_rule_messages_about_the_same_line(package):
    set_cell(package, "youth_homelessness", 1, "value", "abc")  # the only figure of the row, mistyped
    found = check_package(package).problems["youth_homelessness"]
    on_line = [p.message for p in found if p.line == 2]
    assert len(on_line) == 1 and "abc" in on_line[0], on_line  # the type error, not also "row has no figure"
    set_cell(package, "youth_homelessness", 1, "value", "")  # empty instead: now the rule speaks
    assert any("row has no figure" in p.message for p in check_package(package).problems["youth_homelessness"])
