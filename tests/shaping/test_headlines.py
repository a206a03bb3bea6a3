"""The one headline per country: the rule on small made-up rows (not today's data, which maintainers change)."""

import pandas as pd
import pytest

from shaping.headlines import CLOSE_YEARS, caution_words, cautions, headline_rows
from shaping.vocabulary import Vocabulary
from tests.conftest import VALID


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    """The fixture package's concepts and labels, read as the validator would type the columns the rule uses."""
    concepts = pd.read_csv(VALID / "concepts.csv", dtype={"headline_rank": "Int64"})
    labels = pd.read_csv(VALID / "labels.csv", dtype=str, keep_default_na=False)
    for flag in ("survey", "headline"):
        labels[flag] = labels[flag].map({"true": True, "false": False})
    return Vocabulary.from_frames(concepts, labels)


def estimate(estimate_id: str, country: str = "KOR", **cells) -> dict:
    """One recluse_estimates row: a national survey rate of 2024 unless told otherwise."""
    row = {
        "estimate_id": estimate_id,
        "country": country,
        "area": "national",
        "concept": "reclusive",
        "unit": "people",
        "value": pd.NA,
        "rate_pct": 5.0,
        "qualifier": "exact",
        "as_published": pd.NA,
        "age_min": 19,
        "age_max": 34,
        "scope": "residents",
        "six_month_rule": False,
        "fieldwork_start": "2024",
        "fieldwork_end": pd.NA,
        "published": "2025-03-11",
        "method": "national_survey",
        "source_id": "src",
    }
    return {**row, **cells}


def pick(vocab: Vocabulary, *rows: dict, read: set[str] | None = None) -> dict[str, str]:
    frame = pd.DataFrame(list(rows)).astype(
        {"value": "Float64", "rate_pct": "Float64", "age_min": "Int64", "age_max": "Int64"}
    )
    read = set(frame["estimate_id"]) if read is None else read
    heads = headline_rows(frame, read, vocab)
    return dict(zip(heads["country"], heads["estimate_id"], strict=True))


def test_a_new_round_of_the_same_survey_becomes_the_headline(vocab):
    assert pick(vocab, estimate("kr-2024"), estimate("kr-2026", fieldwork_start="2026", published="2027-03")) == {
        "KOR": "kr-2026"
    }


def test_a_projection_by_others_never_headlines_even_when_later(vocab):
    later = estimate(
        "kr-projection", value=537863.0, fieldwork_start="2024", published="2026-02", method="survey_projection"
    )
    assert pick(vocab, estimate("kr-2024"), later) == {"KOR": "kr-2024"}


@pytest.mark.parametrize(
    "method", ["advocacy_estimate", "expert_estimate", "press_figure", "sum_of_surveys", "extrapolation"]
)
def test_figures_that_are_not_surveys_never_headline(vocab, method):
    assert pick(vocab, estimate("kr-2024"), estimate("other", method=method, published="2026")) == {"KOR": "kr-2024"}


def test_a_rate_comes_before_a_count_so_countries_share_a_unit(vocab):
    count_only = estimate(
        "jp-count", "JPN", concept="hikikomori_broad", rate_pct=pd.NA, value=1460000.0, age_min=15, age_max=64
    )
    rate = estimate("jp-rate", "JPN", concept="hikikomori_broad", rate_pct=2.05, age_min=15, age_max=39)
    assert pick(vocab, count_only, rate) == {"JPN": "jp-rate"}
    assert pick(vocab, count_only) == {"JPN": "jp-count"}  # a count when no rate is read


def test_a_current_state_beats_a_lifetime_measure_fielded_close_in_time(vocab):
    lifetime = estimate(
        "it-lifetime", "ITA", concept="hikikomori_lifetime", fieldwork_start="2023", scope="enrolled_students"
    )
    current = estimate(
        "it-current", "ITA", concept="hikikomori", fieldwork_start=str(2023 - CLOSE_YEARS), scope="enrolled_students"
    )
    assert pick(vocab, lifetime, current) == {"ITA": "it-current"}


def test_recency_wins_when_fieldwork_years_are_far_apart(vocab):
    old = estimate("it-old", "ITA", concept="hikikomori", fieldwork_start=str(2023 - CLOSE_YEARS - 1))
    new = estimate("it-new", "ITA", concept="hikikomori_lifetime", fieldwork_start="2023")
    assert pick(vocab, old, new) == {"ITA": "it-new"}


def test_within_one_round_the_widest_then_the_youngest_band(vocab):
    young = estimate("jp-15-39", "JPN", concept="hikikomori_broad", age_min=15, age_max=39)
    old = estimate("jp-40-64", "JPN", concept="hikikomori_broad", age_min=40, age_max=64)
    wide = estimate("jp-15-64", "JPN", concept="hikikomori_broad", age_min=15, age_max=64)
    assert pick(vocab, old, young) == {"JPN": "jp-15-39"}
    assert pick(vocab, old, young, wide) == {"JPN": "jp-15-64"}


def test_a_city_or_a_row_no_page_holds_never_headlines(vocab):
    city = estimate("seoul", area="seoul", published="2026")
    unread = estimate("kr-unread", fieldwork_start="2026")
    assert pick(vocab, estimate("kr-2024"), city, unread, read={"kr-2024", "seoul"}) == {"KOR": "kr-2024"}
    assert pick(vocab, estimate("kr-2024"), read=set()) == {}


def test_one_headline_per_country_in_country_order(vocab):
    heads = pick(
        vocab,
        estimate("it", "ITA", concept="hikikomori"),
        estimate("kr"),
        estimate("jp", "JPN", concept="hikikomori_broad"),
    )
    assert list(heads) == ["JPN", "KOR", "ITA"]


def test_cautions_name_what_a_journalist_must_not_drop():
    words = caution_words()
    korea = pd.Series(estimate("kr"))
    italy = pd.Series(
        estimate("it", "ITA", concept="hikikomori_lifetime", six_month_rule=True, scope="enrolled_students")
    )
    japan = pd.Series(estimate("jp", "JPN", concept="hikikomori_broad", six_month_rule=True))
    assert cautions(korea) == [words["no_six_month_rule"]]
    assert cautions(italy) == [words["students_only"], words["lifetime"]]
    assert cautions(japan) == []
