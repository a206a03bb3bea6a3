"""concepts.csv and labels.csv against the schema: an allowed value with no label, and a label for a value the
schema does not allow, are problems with file, line and column; the fixture's vocabulary passes."""

from loaders.tables import check_package
from tests.conftest import add_row, rows, set_cell, write_rows


def problems_of(folder) -> list[str]:
    return [str(p) for p in check_package(folder).all_problems()]


def _drop(folder, table: str, keep) -> None:
    path = folder / f"{table}.csv"
    records = rows(path)
    write_rows(path, [records[0]] + [r for r in records[1:] if keep(r)])


def test_fixture_vocabulary_passes(package):
    check = check_package(package)
    assert check.all_problems() == []
    assert set(check.table("concepts")["concept"]) >= {"hikikomori_broad", "reclusive"}


def test_allowed_method_with_no_label_is_refused(package):
    _drop(package, "labels", lambda r: r[2] != "national_survey")
    found = problems_of(package)
    assert (
        f"{package / 'labels.csv'}: value: "
        "recluse_estimates.csv's method allows 'national_survey' (datapackage.json) but no row here labels it: "
        "add a row recluse_estimates,method,national_survey,<label>" in found
    )
    # the estimate that uses it is named too, by line and column
    assert any(
        p.startswith(f"{package / 'recluse_estimates.csv'}:")
        and ": method: 'national_survey' has no label in labels.csv" in p
        for p in found
    )


def test_label_for_a_value_the_schema_does_not_allow_is_refused(package):
    add_row(package, "labels", {"value": "blog", "label": "blog"}, like=1)  # like a source_type row
    line = len(rows(package / "labels.csv"))
    assert problems_of(package) == [
        f"{package / 'labels.csv'}:{line}: value: 'blog' is not a value sources.csv's source_type allows: "
        "add it to that field's enum in datapackage.json, or delete this row"
    ]


def test_label_for_a_field_with_no_labels_is_refused(package):
    add_row(package, "labels", {"field": "topic"}, like=1)  # sources has no topic
    line = len(rows(package / "labels.csv"))
    assert any(
        p.startswith(f"{package / 'labels.csv'}:{line}: field: sources.csv has no labelled field topic")
        for p in problems_of(package)
    )


def test_method_needs_survey_and_headline_and_others_leave_them_empty(package):
    records = rows(package / "labels.csv")
    method = next(i for i, r in enumerate(records) if r[1] == "method")
    topic = next(i for i, r in enumerate(records) if r[1] == "topic")
    set_cell(package, "labels", method, "survey", "")
    set_cell(package, "labels", topic, "headline", "true")
    assert problems_of(package) == [
        f"{package / 'labels.csv'}:{method + 1}: survey: is required for a method: true or false",
        f"{package / 'labels.csv'}:{topic + 1}: headline: applies to methods only: leave it empty for topic",
    ]


def test_headline_method_must_be_a_survey(package):
    records = rows(package / "labels.csv")
    line = next(i for i, r in enumerate(records) if r[2] == "press_figure")
    set_cell(package, "labels", line, "headline", "true")
    assert problems_of(package) == [
        f"{package / 'labels.csv'}:{line + 1}: headline: a method that is not a survey cannot headline"
    ]


def test_concept_with_no_row_and_row_with_no_concept_are_refused(package):
    records = rows(package / "concepts.csv")
    line = next(i for i, r in enumerate(records) if r[0] == "at_risk")
    set_cell(package, "concepts", line, "concept", "at_rsk")
    problems = problems_of(package)
    glossary = [p for p in problems if p.startswith(str(package / "glossary.csv"))]
    assert glossary and all("'at_risk' is not a concept in concepts.csv" in p for p in glossary)  # its rows now dangle
    assert [p for p in problems if p not in glossary] == [
        f"{package / 'concepts.csv'}: concept: "
        "recluse_estimates.csv's concept allows 'at_risk' (datapackage.json) but no row here "
        "labels it: add a row at_risk,<label>,<definition>,<quote_phrase>,<headline_rank>",
        f"{package / 'concepts.csv'}:{line + 1}: concept: "
        "'at_rsk' is not a value recluse_estimates.csv's concept allows: "
        "add it to that field's enum in datapackage.json, or delete this row",
    ]


def test_headline_rank_is_unique(package):
    set_cell(package, "concepts", 2, "headline_rank", rows(package / "concepts.csv")[1][4])
    assert any(": headline_rank: " in p and "must be unique" in p for p in problems_of(package))


def test_a_label_for_a_table_the_package_does_not_have_is_one_schema_message_not_a_crash(package):
    set_cell(package, "labels", 1, "resource", "sources-x1")
    found = {(p.line, p.column): p.message for p in check_package(package).problems["labels"]}
    assert found[(2, "resource")].startswith("'sources-x1' must be one of: sources, recluse_estimates")
    assert set(found) == {(2, "resource"), (None, "value")}  # and the value that row labelled now has no label
