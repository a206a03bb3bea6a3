"""Sentences generated from the data: summary, quote and the arithmetic behind a number."""

import pandas as pd

import i18n
from shaping.estimates import population_for
from shaping.sentences import how_made, quote_sentence, summary_sentence


def test_summary_names_latest_round_with_its_fieldwork_and_ages(estimates):
    japan = estimates[(estimates["country"] == "JPN") & estimates["register_id"].str.startswith("JP-CAO")]
    assert (
        summary_sentence(japan, "Japan")
        == "Japan's latest national survey (fieldwork Nov 2022) estimates about 1.46 million people aged 15–64."
    )


def test_summary_of_a_rate_only_row_says_of_whom(estimates):
    italy = estimates[estimates["estimate_id"] == "it-epiprev-2025-lifetime"]
    assert (
        summary_sentence(italy) == "Italy's latest school survey (fieldwork 2023) estimates 2% of students aged 15–19."
    )


def test_summary_of_nothing():
    import pandas as pd

    assert (
        summary_sentence(pd.DataFrame(columns=["fieldwork_start", "published", "value"]))
        == "No rows match the current selection."
    )


def test_quote_for_japan_2022(row, sources, vocab):
    r = row("jp-cao-2022-15-64")
    assert quote_sentence(r, sources.loc[r["source_id"]], vocab) == (
        "About 1.46 million people aged 15–64 in Japan were socially withdrawn (hikikomori) for six months or more, "
        "according to a national survey fielded in November 2022 (Cabinet Office of Japan); "
        "the estimate is scaled up from 230 respondents."
    )


def test_quote_flags_the_caveat_that_matters(row, sources, vocab):
    def quote(estimate_id):
        r = row(estimate_id)
        return quote_sentence(r, sources.loc[r["source_id"]], vocab)

    assert quote("kr-opm-2024").endswith(
        "the survey uses no six-month rule, so it is not comparable with the Cabinet Office's national hikikomori rates"
        " for Japan."
    )
    assert quote("it-hi-2023").startswith("More than 100,000 people in Italy")
    assert quote("it-hi-2023").endswith("this is an advocacy estimate, not a survey result.")
    assert "households in Japan had a family member aged 20–49" in quote("jp-mhlw-hh")
    assert quote("jp-tokyo-2008").endswith("the publisher calls it a lower bound.")
    with i18n.language("it"):  # a city takes 'a' in Italian, a country 'in'
        assert " a Tokyo (Giappone) " in quote("jp-tokyo-2008") and " in Giappone " in quote("jp-cao-2022-15-64")
    assert "About 44,000 students (1.7%) aged 15–19 in Italy" in quote("it-cnr-2023-behaviour-hikikomori")


def test_how_made_shows_the_arithmetic_for_2018(row, real_check):
    r = row("jp-cao-2018-broad")
    steps = how_made(r, *population_for(real_check.table("population"), r))
    assert steps[0] == "47 of 3,248 valid respondents met the definition = 1.45% (published: 1.45%)."
    assert steps[1].startswith("1.45% × 42.35 million people (population aged 40–64, 2018")
    assert steps[1].endswith("≈ 614,000 (published: 613,000).")
    assert steps[2].startswith("95% interval derived here, not published: 1.09%–1.92% → 460,000–810,000 people. Wilson")


def test_how_made_without_a_population_uses_the_implied_base(row):
    steps = how_made(row("jp-cao-2010-broad"))
    assert "the population implied by the published count and rate" in steps[1]


def test_how_made_for_a_subtraction(row):
    assert how_made(row("jp-cao-2015-quasi"))[0].startswith("Derived here: Subtraction: 541,000")


def test_a_headline_leads_with_its_rate_and_gives_the_count_beside_it():
    from shaping.sentences import headline_detail, headline_figure

    both = pd.Series(
        {
            "value": 35792.0,
            "rate_pct": 1.6,
            "qualifier": "about",
            "scope": "enrolled_students",
            "concept_label": "Hikikomori",
        }
        | {"ages": "14–17", "year": 2022}
    )
    assert headline_figure(both) == "1.6%"
    assert "about 35,792 students" in headline_detail(both)
    count_only = both.drop("rate_pct")
    assert headline_figure(count_only) == "about 35,792"
