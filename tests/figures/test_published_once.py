"""A figure names a row's number once: a row that the whole table tells apart by 'as published 3.5 million' (another
row of the same people, ages and year gives a rate) is labelled without it where no row drawn beside it shares its
label, so the chart and its alt text read '… · 2016: 3.5 million', never '… as published 3.5 million: 3.5 million'."""

from pathlib import Path

import pytest

import i18n
from figures.homelessness import whole_year
from loaders.tables import check_package
from tests.figures.test_homelessness_words import add_homeless_row

SAME_PEOPLE = {  # two figures of one survey for the same young adults: a count (drawn) and a rate (named in a note)
    "country": "USA",
    "measure": "twelve_month_prevalence",
    "population_group": "young_adults",
    "age_min": "18",
    "age_max": "25",
    "year": "2016",
    "reference_date": "2016",
}
COUNT = {"row_id": "us-count", "value": "3500000", "as_published": "3.5 million", "rate_pct": ""}
RATE = {"row_id": "us-rate", "value": "", "as_published": "9.7%", "rate_pct": "9.7", "qualifier": "exact"}


@pytest.fixture
def same_people(package: Path) -> Path:
    for row in (COUNT, RATE):
        add_homeless_row(package, SAME_PEOPLE | row)
    return package


@pytest.mark.parametrize("lang", ["en", "ja", "it"])
def test_the_drawn_count_s_label_does_not_repeat_its_number(same_people, lang):
    with i18n.language(lang):
        figure = whole_year(check_package(same_people))
    (label,) = figure.rows["label"]
    figures_shown = [str(t) for trace in figure.chart.data if isinstance(trace.text, tuple) for t in trace.text]
    assert label.endswith("2016")  # place · group · ages · year, nothing after: the mark says the number
    for text in [*figure.points, *figures_shown]:
        parts = text.split(": ")
        assert len(set(parts)) == len(parts) or len(parts) == 1, text
        assert not any(text.count(number) > 1 for number in ("3.5", "350", "3,5")), text
