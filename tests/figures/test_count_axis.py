"""A count chart's axis names households only where a row counts them: 'Number (people, or households where stated)'
over a chart of people only sent a reader looking for households that were not there."""

from pathlib import Path

import pytest

import i18n
from figures.japan import other
from loaders.tables import check_package
from shaping.words import phrase
from tests.conftest import add_row
from tests.figures.test_household_counts import HOUSEHOLDS, NARROW, PEOPLE


def with_rows(package: Path, *rows: dict) -> Path:
    for row in rows:
        add_row(package, "recluse_estimates", row, like=NARROW)
        evidence = {"evidence_id": f"ev-{row['estimate_id']}-value", "estimate_id": row["estimate_id"]}
        add_row(package, "evidence", evidence, like=NARROW)
    return package


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(
    ("rows", "axis"), [((PEOPLE,), "chart.count_axis_people"), ((PEOPLE, HOUSEHOLDS), "chart.count_axis")]
)
def test_the_count_axis_names_households_only_when_a_row_counts_them(package, lang, rows, axis):
    with i18n.language(lang):
        figure = other(check_package(with_rows(package, *rows)), log=False)
        expected = phrase(axis)
    assert figure.chart.layout.xaxis.title.text == expected
