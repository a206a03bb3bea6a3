"""Foreign keys checked against key tables made from the records report exactly what frictionless reports when each
lookup reads the whole referenced table."""

import pytest
from frictionless import Package

from core.package import file_name, resource, table_names
from loaders.precheck import read_table
from loaders.schema_check import _problem, _reported, _resource, schema_problems
from tests.conftest import REAL_DATA

# Validates the real package through frictionless twice (a few seconds): make test only.
pytestmark = pytest.mark.slow


def whole_table_problems(texts: dict[str, str], records: dict) -> dict[str, list]:
    """The problems with every table in one package, each lookup reading the whole referenced table (frictionless's
    own way)."""
    resources = {name: _resource(name, text, records) for name, text in texts.items()}
    Package(resources=list(resources.values()))
    found = {}
    for name, res in resources.items():
        fields = {f["name"]: f for f in resource(name)["schema"]["fields"]}
        errors = [e for task in res.validate().tasks for e in _reported(task.errors, name, fields)]
        found[name] = [_problem(e, name, file_name(name), records[name].starts, fields) for e in errors]
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
    ],
    ids=["valid", "source-id", "vocabulary"],
)
def test_same_problems_as_whole_table_lookups(breakage):
    texts = {name: (REAL_DATA / file_name(name)).read_text(encoding="utf-8") for name in table_names()}
    for name, (old, new) in breakage.items():
        assert old in texts[name]
        texts[name] = texts[name].replace(old, new, 1)
    records = {name: read_table(name, text, file_name(name))[0] for name, text in texts.items()}
    expected = whole_table_problems(texts, records)
    got = {
        name: schema_problems(name, text, file_name(name), records[name].starts, records)
        for name, text in texts.items()
    }
    assert got == expected
    assert any(expected.values()) == bool(breakage)
