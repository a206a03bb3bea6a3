"""Comparability rules and the Compare filters (headline picks: test_headlines.py)."""

import pandas as pd

import i18n
from shaping.estimates import comparability_warnings, drawable, select


def test_like_for_like_rows_have_no_warning(estimates, vocab):
    same = estimates[estimates["estimate_id"].isin(["kr-opm-2024", "kr-opm-2022"])]
    assert comparability_warnings(same, vocab) == []


def test_unlike_rows_say_what_differs(estimates, vocab):
    rows = estimates[
        estimates["estimate_id"].isin(["jp-cao-2022-15-39", "kr-opm-2024", "it-cnr-2023-behaviour-hikikomori"])
    ]
    warnings = " ".join(comparability_warnings(rows, vocab))
    assert (
        "Different concepts: Hikikomori (survey's own definition); Hikikomori, broad (Cabinet Office); Reclusive"
        in warnings
    )
    assert "no six-month rule: South Korea" in warnings
    assert "Different age bands: 15–19, 15–39, 19–34." in warnings
    assert "enrolled students only" in warnings


def test_lists_in_a_warning_are_written_as_the_reader_s_language_writes_them(estimates, vocab):
    rows = estimates[
        estimates["estimate_id"].isin(["jp-cao-2022-15-39", "kr-opm-2024", "it-cnr-2023-behaviour-hikikomori"])
    ]
    with i18n.language("ja"):
        japanese = " ".join(comparability_warnings(rows, vocab))
    with i18n.language("it"):
        italian = " ".join(comparability_warnings(rows, vocab))
    assert "15～19歳、15～39歳、19～34歳" in japanese and "15～19歳, " not in japanese
    assert "15–19 anni, 15–39 anni e 19–34 anni" in italian


def test_advocacy_beside_survey_is_flagged(estimates, vocab):
    rows = estimates[estimates["estimate_id"].isin(["it-hi-2023", "it-cnr-2023-behaviour-hikikomori"])]
    assert any("not surveys" in w for w in comparability_warnings(rows, vocab))


def test_years_far_apart_are_flagged(estimates, vocab):
    rows = estimates[estimates["estimate_id"].isin(["jp-cao-2010-broad", "jp-cao-2022-15-39"])]
    assert "Years differ: 2010 to 2022." in comparability_warnings(rows, vocab)


def test_labels_are_unique(estimates):
    assert estimates["label"].is_unique


def test_a_projection_beside_its_survey_is_flagged_as_not_a_survey(estimates, vocab):
    """FKI multiplied the 2024 survey's rate by a population: a projection of that survey, not a second survey."""
    projections = estimates[estimates["method"] == "survey_projection"]
    assert not projections.empty
    projection = projections.iloc[0]
    same_survey = estimates[
        (estimates["country"] == projection["country"]) & (estimates["method"] == "national_survey")
    ]
    rows = pd.concat([same_survey.head(1), projections.head(1)])
    assert any("projections or extrapolations of a survey by others" in w for w in comparability_warnings(rows, vocab))


def test_the_headline_rule_is_written_for_maintainers():
    from tests.conftest import ROOT

    guide = (ROOT / "CONTRIBUTING.md").read_text()
    assert "### Which figure is the headline" in guide
    assert "survey_projection" in guide.split("### Which figure is the headline")[1].split("\n## ")[0]


def test_select_and_drawable_are_the_compare_filters(estimates):
    every = estimates["concept"].unique()
    chosen = select(estimates, ["ITA", "KOR"], every, ["survey", "not_survey"], None, cities=False)
    assert set(chosen["country"]) == {"ITA", "KOR"} and (chosen["area"] == "national").all()
    assert len(select(estimates, ["ITA", "KOR"], every, ["survey", "not_survey"], None, cities=True)) > len(chosen)
    assert select(estimates, ["ITA"], every, ["survey"], None, False)["survey"].all()
    assert select(estimates, ["ITA"], every, ["survey", "not_survey"], (2023, 2023), False)["year"].eq(2023).all()
    shown = drawable(chosen, "count")
    assert (shown["value"].notna() | shown["value_low"].notna()).all()  # a range with no point counts too
    assert shown["country"].tolist() == sorted(
        shown["country"], key=["JPN", "KOR", "ITA", "USA"].index
    )  # settings order
    for _, rows in shown.groupby("country"):
        assert rows["year"].is_monotonic_decreasing  # latest first
    assert drawable(chosen, "rate")["rate_pct"].notna().all()
