"""Foreign keys checked against recorded key values report exactly what frictionless reports reading whole tables."""

import pytest
from frictionless import Package

from loaders.key_lookup import validation_order
from loaders.package import file_name, resource, table_names
from loaders.precheck import record_lines
from loaders.schema_check import _problem, _reported, _resource, schema_problems
from tests.conftest import REAL_DATA

# Validates the real package through frictionless twice (a few seconds): make test only.
pytestmark = pytest.mark.slow


def whole_table_problems(texts: dict[str, str], shown_as: dict[str, str], lines: dict[str, list[int]]) -> dict[str, list]:
    """The problems with every table in one package, each lookup reading the whole referenced table (frictionless's own way)."""
    resources = {name: _resource(name, text, texts) for name, text in texts.items()}
    Package(resources=list(resources.values()))
    found = {}
    for name, res in resources.items():
        fields = {f["name"]: f for f in resource(name)["schema"]["fields"]}
        found[name] = [_problem(e, name, shown_as[name], lines[name], fields) for task in res.validate().tasks for e in _reported(task.errors, name, fields)]
    return found


def real_texts() -> dict[str, str]:
    return {name: (REAL_DATA / file_name(name)).read_text(encoding="utf-8") for name in table_names()}


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
    texts = real_texts()
    for name, (old, new) in breakage.items():
        assert old in texts[name]
        texts[name] = texts[name].replace(old, new, 1)
    shown_as = {name: file_name(name) for name in texts}
    lines = {name: record_lines(text) for name, text in texts.items()}
    expected = whole_table_problems(texts, shown_as, lines)
    assert schema_problems(texts, shown_as, lines) == expected
    assert any(expected.values()) == bool(breakage)


def test_referenced_tables_are_validated_first():
    resources = {name: _resource(name, text, real_texts()) for name, text in real_texts().items()}
    order = validation_order(resources)
    assert sorted(order) == sorted(table_names())
    assert order.index("labels") < order.index("sources") < order.index("recluse_estimates") < order.index("evidence")
