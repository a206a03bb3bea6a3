"""Derived per-capita rates, like-with-like pairing, significance, and survival kept apart from risk."""

import pandas as pd
import pytest

import i18n
from core.derive import per_100k, wilson_interval
from shaping.charts import dot_plot, forest_plot
from shaping.health import estimate_text, forest_rows, percent_rows, significance, study_name, survival_group
from shaping.homelessness import annotate, describe, latest_pair, pair_sentence, with_per_100k
from shaping.vocabulary import Vocabulary


@pytest.fixture(scope="module")
def homeless(real_check, vocab):
    return with_per_100k(annotate(real_check.table("youth_homelessness"), vocab), real_check.table("population"))


def test_per_100k_arithmetic():
    assert per_100k(34703, 336806231) == pytest.approx(10.3036, abs=1e-4)
    with pytest.raises(ValueError):
        per_100k(1, 0)


def test_wilson_interval_known_values():
    low, high = wilson_interval(59, 3287)
    assert (round(low, 2), round(high, 2)) == (1.39, 2.31)
    with pytest.raises(ValueError):
        wilson_interval(5, 3)


def _count(
    row_id: str, country: str, age_min, age_max, year: int, value: int, measure: str = "one_night_count"
) -> dict:
    return {
        "row_id": row_id,
        "country": country,
        "area": "national",
        "measure": measure,
        "population_group": "unaccompanied_youth",
        "age_min": age_min,
        "age_max": age_max,
        "year": year,
        "value": value,
    }


def _population(country: str, year: int, age_min, age_max, value: int) -> dict:
    return {
        "country": country,
        "year": year,
        "age_min": age_min,
        "age_max": age_max,
        "scope": "residents",
        "value": value,
        "series": "test series",
        "reference_date": f"{year}-07-01",
    }


def test_a_published_range_is_drawn_as_a_bar_and_not_called_missing(vocab):
    """NISMART's 1,682,900 has a published 95% interval: the chart drew no bar, and its legend said none was."""
    rows = [
        {
            **_count("with-range", "USA", None, 17, 1999, 1682900, "runaway_episodes"),
            "value_low": 1425400,
            "value_high": 1940500,
        },
        {**_count("without", "USA", None, 17, 2002, 1000, "runaway_episodes"), "value_low": None, "value_high": None},
    ]
    annotated = annotate(pd.DataFrame(rows), vocab).assign(qualifier="exact")
    assert list(annotated["interval"]) == ["range", "none"]
    fig = dot_plot(annotated, "count", log=True)
    bars = [t for t in fig.data if t.error_x is not None and t.error_x.array is not None]
    assert len(bars) == 1 and list(bars[0].x) == [1682900]
    annotated["interval"] = "none"  # as it was: the bar gone, and the legend's line for "no published interval"
    redrawn = dot_plot(annotated, "count", log=True)
    assert not any(t.error_x is not None and t.error_x.array is not None for t in redrawn.data)


def test_a_rate_divides_by_the_population_of_the_same_ages_and_year(vocab):
    counts = annotate(
        pd.DataFrame(
            [
                _count("us-youth", "USA", None, 24, 2023, 34703),
                _count("us-youth-old", "USA", None, 24, 2019, 30000),
                _count("jp-all", "JPN", None, None, 2023, 3065, "daytime_street_count"),
            ]
        ),
        vocab,
    )
    population = pd.DataFrame(
        [
            _population("USA", 2023, None, None, 336806231),  # all ages: not the youth count's population
            _population("USA", 2019, 0, 24, 103258356),  # under 25 in 2019: the same band
            _population("JPN", 2023, None, None, 124352000),
        ]
    )
    rows = with_per_100k(counts, population).set_index("row_id")
    assert pd.isna(rows.loc["us-youth", "per_100k"])
    assert rows.loc["us-youth", "per_100k_basis"] == (
        "No rate per 100,000: this site's data have no population of United States under 25 for 2023, "
        "and a rate divides by the population the count covers (same ages, same year)."
    )
    assert rows.loc["us-youth-old", "per_100k"] == round(30000 / 103258356 * 1e5, 1)
    assert "residents under 25" in rows.loc["us-youth-old", "per_100k_basis"]
    assert rows.loc["jp-all", "per_100k"] == round(3065 / 124352000 * 1e5, 1)
    assert "residents of all ages" in rows.loc["jp-all", "per_100k_basis"]
    assert "(derived here)" in rows.loc["jp-all", "per_100k_basis"]


def test_a_school_count_of_pupils_has_no_all_ages_label_and_no_rate_over_all_residents(vocab):
    """A school year's count of homeless pupils has no ages: it read 'all ages' and was divided by every resident
    (1.5 million over 326,608,609: 459.3 per 100,000), a rate of a population it does not cover."""
    pupils = _count("pupils", "USA", None, None, 2017, 1500000, "school_year_count")
    street = _count("street", "JPN", None, None, 2017, 5534, "daytime_street_count")
    counts = annotate(pd.DataFrame([{**pupils, "population_group": "homeless_students"}, street]), vocab)
    population = pd.DataFrame(
        [_population("USA", 2017, None, None, 326608609), _population("JPN", 2017, None, None, 1)]
    )
    rows = with_per_100k(counts, population).set_index("row_id")
    assert pd.isna(rows.loc["pupils", "per_100k"])
    assert rows.loc["pupils", "per_100k_basis"].startswith("No rate per 100,000: the count is of pupils enrolled")
    assert "all ages" not in rows.loc["pupils", "label"] and "ages not stated" in rows.loc["pupils", "label"]
    assert "all ages" in rows.loc["street", "label"] and pd.notna(rows.loc["street", "per_100k"])
    assert "of unstated ages" in describe(pd.concat([rows.loc["pupils"], pd.Series({"qualifier": "exact"})]))


def test_a_city_s_count_is_not_divided_by_its_country_s_residents(vocab):
    """population.csv holds whole countries: Tokyo's 4,000 over Japan's residents would be a rate of nobody."""
    tokyo = {**_count("tokyo", "JPN", None, None, 2016, 4000, "net_cafe_count"), "area": "tokyo"}
    nation = _count("nation", "JPN", None, None, 2016, 5400, "net_cafe_count")
    counts = annotate(
        pd.DataFrame([{**r, "population_group": "net_cafe_without_housing"} for r in (tokyo, nation)]), vocab
    )
    rows = with_per_100k(counts, pd.DataFrame([_population("JPN", 2016, None, None, 127000000)])).set_index("row_id")
    assert pd.isna(rows.loc["tokyo", "per_100k"]) and "covers Tokyo only" in rows.loc["tokyo", "per_100k_basis"]
    assert rows.loc["nation", "per_100k"] == round(5400 / 127000000 * 1e5, 1)


def test_real_rates_use_only_populations_of_the_same_band(homeless, real_check):
    population = real_check.table("population")
    for row in homeless[homeless["per_100k"].notna()].to_dict("records"):
        same = population[
            (population["country"] == row["country"])
            & (population["year"] == row["year"])
            & (population["age_min"].fillna(0) == (0 if pd.isna(row["age_min"]) else row["age_min"]))
            & (population["age_max"].isna() if pd.isna(row["age_max"]) else population["age_max"].eq(row["age_max"]))
        ]
        assert len(same) >= 1, row["row_id"]
        assert row["per_100k"] == round(row["value"] / same["value"].iloc[0] * 1e5, 1)


def test_pair_is_street_counts_of_the_same_year_and_says_what_each_counts(homeless):
    pair = latest_pair(homeless)
    assert sorted(pair["row_id"]) == ["jp-mhlw-2023", "us-hud-2023"]
    assert set(pair["measure"]) == {"one_night_count", "daytime_street_count"}
    sentence = pair_sentence(pair)
    assert sentence.startswith("January 2023. ")
    assert "34,703 unaccompanied youth under 25 counted in shelters and on the street on one night" in sentence
    assert (
        "3,065 homeless people of all ages seen in parks, riverbanks, roads and stations by a daytime patrol"
        in sentence
    )
    assert "neither is a rate of the other" in sentence


@pytest.mark.parametrize(
    ("low", "high", "flag"),
    [
        (1.04, 1.59, "significant"),
        (0.98, 1.94, "not significant"),
        (0.78, 1.09, "not significant"),
        (None, None, "no CI found"),
    ],
)
def test_significance_flag(low, high, flag):
    assert significance(pd.Series({"ci_low": low, "ci_high": high})) == flag


def test_survival_odds_are_their_own_group(real_check, vocab):
    rows = forest_rows(real_check.table("isolation_health_risks"), vocab)
    survival = rows[rows["direction"] == "survival"]
    assert set(survival["group"]) == {survival_group()}
    assert survival_group() not in set(rows[rows["direction"] == "risk"]["group"])
    assert survival["label"].str.contains("→ survival").all()


def test_forest_rows_flag_and_label(real_check, vocab):
    rows = forest_rows(real_check.table("isolation_health_risks"), vocab).set_index("row_id")
    assert rows.loc["h-penninkilampi-2018-loneliness", "estimate_text"] == "RR 1.38 (0.98–1.94) · not significant"
    assert rows.loc["h-holt-2015-isolation", "estimate_text"] == "OR 1.29 (no CI found)"
    assert rows.loc["h-luchetti-2024-dementia", "estimate_text"] == "HR 1.306 (1.197–1.426)"
    assert "h-nasem-2020-dementia" not in rows.index  # a percentage, not a ratio
    assert rows["label"].is_unique


def test_percent_rows_are_the_percentage_statements(real_check, vocab):
    rows = percent_rows(real_check.table("isolation_health_risks"), vocab)
    assert set(rows["source_id"]) == {"h-nasem-2020", "h-surgeon-2023"}
    assert sorted(rows["value"]) == [29, 29, 32, 32, 50, 50]


def test_a_study_is_named_by_its_source_s_producer_and_year_never_its_id():
    """The forest plot read 'Surgeon 2023' and 'Holt 2015', cut from source ids, beside 'Holt-Lunstad 2010'."""
    assert study_name("Holt-Lunstad J., Smith T.B., Layton J.B.", "2010") == "Holt-Lunstad 2010"
    assert study_name("Cudjoe T.K.M., Roth D.L.", "2020") == "Cudjoe 2020"
    assert study_name("Kuiper J.S. et al.", "2015") == "Kuiper 2015"
    assert study_name("US Surgeon General", "2023") == "US Surgeon General 2023"
    assert study_name("National Academies of Sciences, Engineering, and Medicine", "2020") == "NASEM 2020"
    assert study_name("J Epidemiol Community Health (conference abstract)", "2019") == "JECH 2019"


def test_forest_labels_take_the_study_s_name_from_the_sources_and_survival_in_the_reader_s_words(real_check):
    vocab = Vocabulary.of(real_check)
    sources = real_check.table("sources").set_index("source_id")
    rows = forest_rows(real_check.table("isolation_health_risks"), vocab)
    for _, row in rows.iterrows():
        source = sources.loc[row["source_id"]]
        assert row["label"].startswith(study_name(source["producer"], str(source["published"])[:4]) + " · ")
    survival = rows[rows["direction"] == "survival"]
    with i18n.language("ja"):
        japanese = forest_rows(real_check.table("isolation_health_risks"), vocab)
    assert not survival.empty and all("→ survival" in label for label in survival["label"])
    assert not any("survival" in label for label in japanese.loc[survival.index, "label"])


@pytest.mark.parametrize(
    ("value", "low", "high", "lang", "expected"),
    [
        (1.26, 1.2, 1.33, "en", "HR 1.26 (1.20–1.33)"),
        (3.74, 1.82, 7.7, "en", "HR 3.74 (1.82–7.70)"),
        (1.393, 1.29, 1.504, "it", "HR 1,393 (1,290–1,504)"),
        (1.5, None, None, "en", "HR 1.5"),
    ],
)
def test_a_ratio_and_its_interval_keep_the_decimals_they_were_published_with(value, low, high, lang, expected):
    """The CSV's 1.26 (1.20–1.33) is read as numbers: the chart read 'HR 1.26 (1.2–1.33)', as if less precise."""
    row = pd.Series({"measure": "HR", "value": value, "ci_low": low, "ci_high": high})
    with i18n.language(lang):
        assert estimate_text(row).startswith(expected)


def test_an_exposure_group_has_one_colour_and_shape_on_every_forest_plot(real_check):
    """Loneliness was a blue circle on one chart and an orange square on the next: colours went by order of appearance.
    The legend's mark is a filled one where the group has a significant estimate (it showed a hollow one)."""
    vocab = Vocabulary.of(real_check)
    rows = forest_rows(real_check.table("isolation_health_risks"), vocab)
    charts = [forest_plot(rows), forest_plot(rows[rows["exposure_group"] != rows["exposure_group"].iloc[0]])]
    looks = [
        {
            t.name: (t.marker.color, t.marker.symbol[0].removesuffix("-open"))
            for t in c.data
            if t.error_x.array is not None
        }
        for c in charts
    ]
    shared = set(looks[0]) & set(looks[1])
    assert shared and all(looks[0][name] == looks[1][name] for name in shared)
    for chart in charts:
        for trace in (t for t in chart.data if t.error_x.array is not None):
            part = rows[rows["exposure_group"] == trace.name]
            assert trace.marker.symbol[0].endswith("-open") == (part["significance"] != "significant").all()


@pytest.mark.parametrize(
    ("column", "first", "second"),
    [
        ("note", "Minimally adjusted: for age and sex.", "Fully adjusted: and for health."),
        ("population", "UK Biobank", "Million Women Study (UK)"),
    ],
)
def test_two_rows_told_apart_by_the_data_s_english_are_marked_english_for_other_readers(column, first, second):
    """The health forest plot told Elovainio 2017's two rows apart by '(Minimally adjusted)' and '(Fully adjusted)',
    the opening of the data's English note, unmarked inside a Japanese label: a reader meets it marked as row notes
    are, and an English reader meets it as before."""
    from loaders.tables import check_package
    from tests.conftest import VALID

    check = check_package(VALID)
    one = check.table("isolation_health_risks").iloc[[0, 0]].reset_index(drop=True)
    one["row_id"] = ["a", "b"]
    one[column] = [first, second]
    vocab = Vocabulary.of(check)
    told = [w.split(":")[0] for w in (first, second)]
    english = forest_rows(one, vocab).set_index("row_id")["label"]
    assert [english["a"].endswith(f" ({told[0]})"), english["b"].endswith(f" ({told[1]})")] == [True, True]
    for lang in ("ja", "ko", "it"):
        marker = i18n.translator(lang).gettext("(in English)")
        with i18n.language(lang):
            labels = forest_rows(one, vocab).set_index("row_id")["label"]
        assert labels["a"].endswith(f" ({told[0]}) {marker}") and labels["b"].endswith(f" ({told[1]}) {marker}")


def test_a_japanese_ratio_puts_its_interval_s_full_width_bracket_against_the_number():
    """'RR 1.59 （1.31–1.96）': a space before a full-width bracket, which brings its own."""
    with i18n.language("ja"):
        text = estimate_text(pd.Series({"measure": "RR", "value": 1.59, "ci_low": 1.31, "ci_high": 1.96}))
    assert text == "RR 1.59（1.31–1.96）"
