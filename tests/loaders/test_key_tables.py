"""Foreign keys checked on the records' own text (schema_check.key_problems) report the cells frictionless's own
foreign-key check reports when each lookup reads the whole referenced table, and quote the value."""

import pytest
from frictionless import Package, Schema

from core.package import file_name, resource, table_names
from loaders.precheck import read_table
from loaders.schema_check import _resource, schema_problems
from tests.conftest import REAL_DATA

# Validates the real package through frictionless twice (a few seconds): make test only.
pytestmark = pytest.mark.slow


def frictionless_key_cells(texts: dict[str, str], records: dict) -> dict[str, set]:
    """(line, column, value) of each foreign-key error frictionless reports on a cell no constraint already refuses."""
    resources = {name: _resource(name, text) for name, text in texts.items()}
    for name, res in resources.items():
        keys = resource(name)["schema"].get("foreignKeys", [])
        res.schema = Schema.from_descriptor({**res.schema.to_descriptor(), "foreignKeys": keys})
    Package(resources=list(resources.values()))
    found = {}
    for name, res in resources.items():
        errors = res.validate(limit_errors=100_000).tasks[0].errors
        refused = {(e.row_number, e.field_name) for e in errors if e.type == "constraint-error"}
        keys = [e for e in errors if e.type == "foreign-key" and (e.row_number, e.field_names[0]) not in refused]
        found[name] = {(records[name].starts[e.row_number - 1], e.field_names[0], e.field_cells[0]) for e in keys}
    return found


@pytest.mark.parametrize(
    "breakage",
    [
        {},
        # a source id changed: rows of five tables point at an id that is gone, and evidence at a source that is too
        {"sources": ("jp-cao-2010,", "jp-cao-2010-gone,")},
        # a label and a concept removed: sources, claims and estimates lose values they use
        {
            "labels": ("sources,source_type,official_survey,", "sources,source_type,official_survey_gone,"),
            "concepts": ("\nhikikomori_broad,", "\nhikikomori_gone,"),
        },
        # a producer's name given for a producer sources.csv does not have (it matches no source's producer)
        {"producer_names": ("\nStatistics Korea,ja,", "\nStatistics Korea (KOSTAT),ja,")},
    ],
    ids=["valid", "source-id", "vocabulary", "producer"],
)
def test_same_cells_as_frictionless_whole_table_lookups(breakage):
    texts = {name: (REAL_DATA / file_name(name)).read_text(encoding="utf-8") for name in table_names()}
    for name, (old, new) in breakage.items():
        assert old in texts[name]
        texts[name] = texts[name].replace(old, new, 1)
    records = {name: read_table(name, text, file_name(name))[0] for name, text in texts.items()}
    expected = frictionless_key_cells(texts, records)
    keyed = {(fk["fields"]) for name in table_names() for fk in resource(name)["schema"].get("foreignKeys", [])}
    for name, text in texts.items():
        problems = schema_problems(name, text, file_name(name), records[name], records)
        got = [p for p in problems if p.column in keyed and (" is not a " in p.message or "has no label" in p.message)]
        assert {(p.line, p.column) for p in got} == {(line, column) for line, column, _ in expected[name]}
        values = {(line, column): value for line, column, value in expected[name]}
        assert all(p.message.startswith(f"'{values[p.line, p.column]}'") for p in got)
    assert any(expected.values()) == bool(breakage)
