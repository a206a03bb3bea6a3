"""Derived per-capita rates, like-with-like pairing, significance, and survival kept apart from risk."""
import pandas as pd
import pytest

from loaders.derive import per_100k, wilson_interval
from shaping.health import SURVIVAL_GROUP, forest_rows, percent_rows, significance
from shaping.homelessness import annotate, latest_pair, pair_sentence, with_per_100k


@pytest.fixture(scope="module")
def homeless(real_check):
    return with_per_100k(annotate(real_check.table("youth_homelessness")), real_check.table("population"))


def test_per_100k_arithmetic():
    assert per_100k(34703, 336806231) == pytest.approx(10.3036, abs=1e-4)
    with pytest.raises(ValueError):
        per_100k(1, 0)


def test_wilson_interval_known_values():
    low, high = wilson_interval(59, 3287)
    assert (round(low, 2), round(high, 2)) == (1.39, 2.31)
    with pytest.raises(ValueError):
        wilson_interval(5, 3)


def test_rates_use_same_year_total_population_only(homeless):
    rows = homeless.set_index("row_id")
    assert rows.loc["us-hud-2023", "per_100k"] == 10.3
    assert rows.loc["jp-mhlw-2019", "per_100k"] == pytest.approx(round(4555 / 126167000 * 1e5, 1))
    assert pd.isna(rows.loc["jp-mhlw-2003", "per_100k"])  # no 2003 population in population.csv
    assert rows.loc["jp-mhlw-2003", "per_100k_basis"].startswith("not computed: no total population for Japan in 2003")
    assert "(derived here)" in rows.loc["us-hud-2023", "per_100k_basis"]


def test_pair_is_one_night_counts_of_the_same_year(homeless):
    pair = latest_pair(homeless)
    assert sorted(pair["row_id"]) == ["jp-mhlw-2023", "us-hud-2023"]
    sentence = pair_sentence(pair)
    assert sentence.startswith("One night in January 2023.")
    assert "34,703 unaccompanied youth under 25 (10.3 per 100,000 residents, derived here)" in sentence
    assert "3,065 homeless people of all ages" in sentence


@pytest.mark.parametrize(("low", "high", "flag"), [(1.04, 1.59, "significant"), (0.98, 1.94, "not significant"),
                                                   (0.78, 1.09, "not significant"), (None, None, "no published CI")])
def test_significance_flag(low, high, flag):
    assert significance(pd.Series({"ci_low": low, "ci_high": high})) == flag


def test_survival_odds_are_their_own_group(real_check):
    rows = forest_rows(real_check.table("isolation_health_risks"))
    survival = rows[rows["direction"] == "survival"]
    assert set(survival["group"]) == {SURVIVAL_GROUP}
    assert SURVIVAL_GROUP not in set(rows[rows["direction"] == "risk"]["group"])
    assert survival["label"].str.contains("SURVIVAL").all()


def test_forest_rows_flag_and_label(real_check):
    rows = forest_rows(real_check.table("isolation_health_risks")).set_index("row_id")
    assert rows.loc["h-penninkilampi-2018-loneliness", "estimate_text"] == "RR 1.38 (0.98–1.94) · not significant"
    assert rows.loc["h-holt-2015-isolation", "estimate_text"] == "OR 1.29 (no published CI)"
    assert rows.loc["h-luchetti-2024-dementia", "estimate_text"] == "HR 1.306 (1.197–1.426)"
    assert "h-nasem-2020-dementia" not in rows.index  # a percentage, not a ratio
    assert rows["label"].is_unique


def test_percent_rows_are_the_percentage_statements(real_check):
    rows = percent_rows(real_check.table("isolation_health_risks"))
    assert set(rows["source_id"]) == {"h-nasem-2020", "h-surgeon-2023"}
    assert sorted(rows["value"]) == [29, 29, 32, 32, 50, 50]
