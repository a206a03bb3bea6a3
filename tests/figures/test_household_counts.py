"""A row that counts households reads as households wherever its number is shown: the chart's label over the mark and
the alt text's points say 約26万世帯 (ja), 약 26만 가구 (ko), never 人/명, which would count people."""

from pathlib import Path

import pytest

import i18n
from figures.japan import other
from loaders.tables import check_package
from tests.conftest import add_row

NARROW = 2  # the fixture's second estimate (a people count, no interval), copied for the new rows
HOUSEHOLDS = {
    "estimate_id": "jp-households",
    "register_id": "JP-HH",
    "concept": "hikikomori_in_household",
    "unit": "households",
    "value": "260000",
    "qualifier": "about",
    "as_published": "about 260,000 households",
    "scope": "households",
    "method": "household_survey",
}
PEOPLE = {"estimate_id": "jp-people", "register_id": "JP-CITY", "value": "25000", "method": "regional_survey"}
COUNTER = {"ja": ("世帯", "人"), "ko": ("가구", "명")}


@pytest.fixture
def households(package: Path) -> Path:
    for row in (HOUSEHOLDS, PEOPLE):
        add_row(package, "recluse_estimates", row, like=NARROW)
        evidence = {"evidence_id": f"ev-{row['estimate_id']}-value", "estimate_id": row["estimate_id"]}
        add_row(package, "evidence", evidence, like=NARROW)
    return package


@pytest.mark.parametrize("lang", ["ja", "ko"])
def test_a_household_count_is_labelled_with_the_household_counter(households, lang):
    with i18n.language(lang):
        figure = other(check_package(households))
    labelled = [trace for trace in figure.chart.data if isinstance(trace.text, tuple)]
    marks = {name: text for trace in labelled for name, text in zip(trace.y, trace.text, strict=True)}
    points = dict(point.rsplit(": ", 1) for point in figure.points)
    household, person = COUNTER[lang]
    for _, row in figure.rows.iterrows():
        counter = household if row["unit"] == "households" else person
        other_counter = person if counter == household else household
        shown = [text for name, text in marks.items() if row["label"] in str(name)] + [points[row["label"]]]
        assert len(shown) >= 2  # the mark's label and the alt text's point
        for text in shown:
            figure_words = text.rsplit(": ", 1)[-1]  # the number after a row's label, where the label comes along
            assert figure_words.endswith(counter), (row["unit"], text)
            assert other_counter not in figure_words, (row["unit"], text)
