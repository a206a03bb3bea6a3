"""Numbers for people: never more precise, never less precise than published."""

import pandas as pd
import pytest

from shaping.numbers import age_band, count, count_short, pct, qualified


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (696000, "696,000"),
        (1460000, "1.46 million"),
        (1000000, "1 million"),
        (4200000, "4.2 million"),
        (1682900, "1,682,900"),
        (537863, "537,863"),
        (34703, "34,703"),
        (pd.NA, "–"),
        (None, "–"),
    ],
)
def test_count_keeps_published_precision(value, text):
    assert count(value) == text


def test_short_count_and_percent():
    assert count_short(1460000) == "1.46 M"
    assert pct(2.05) == "2.05%"
    assert pct(5.2) == "5.2%"
    assert pct(float("nan")) == "–"


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [(15, 39, "15–39"), (15, None, "15+"), (None, 24, "under 25"), (0, 24, "under 25"), (None, None, "all ages")],
)
def test_age_band(low, high, text):
    assert age_band(low, high) == text


def test_qualifier_words():
    assert qualified("100,000", "more_than") == "more than 100,000"
    assert qualified("41,000", "almost") == "almost 41,000"
    assert qualified("696,000", "exact") == "696,000"
