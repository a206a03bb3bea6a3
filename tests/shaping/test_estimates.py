"""Headline picks and comparability rules."""

import pytest

from shaping.estimates import comparability_warnings, drawable, headline_rows, select
from shaping.evidence import read_on_a_page


@pytest.fixture(scope="module")
def read(real_check):
    return read_on_a_page(real_check.table("evidence"))


def test_headline_is_the_latest_national_survey_per_country(real_check, read, vocab):
    estimates = real_check.table("recluse_estimates")
    heads = headline_rows(estimates, read, vocab)
    assert heads["country"].tolist() == ["JPN", "KOR", "ITA"]
    surveys = estimates[(estimates["area"] == "national") & estimates["method"].isin(["national_survey", "student_survey"])]
    for _, head in heads.iterrows():  # nothing published later in that country (robust to new rounds)
        same = surveys[surveys["country"] == head["country"]]
        assert (same["published"].fillna("") <= head["published"]).all()
    assert heads.set_index("country").loc["JPN", "estimate_id"] == "jp-cao-2022-15-64"  # the widest band of the 2022 round


def test_headline_never_uses_advocacy_or_city_figures(real_check, read, vocab):
    estimates = real_check.table("recluse_estimates")
    surveys_removed = estimates[estimates["method"] != "national_survey"]
    heads = headline_rows(surveys_removed, read, vocab)
    assert set(heads["method"]) <= {"student_survey", "regional_survey", "household_survey"}
    assert set(heads["area"]) == {"national"}


def test_like_for_like_rows_have_no_warning(estimates, vocab):
    same = estimates[estimates["estimate_id"].isin(["kr-opm-2024", "kr-opm-2022"])]
    assert comparability_warnings(same, vocab) == []


def test_unlike_rows_say_what_differs(estimates, vocab):
    rows = estimates[estimates["estimate_id"].isin(["jp-cao-2022-15-39", "kr-opm-2024", "it-cnr-2023-behaviour-hikikomori"])]
    warnings = " ".join(comparability_warnings(rows, vocab))
    assert "Different concepts: Hikikomori (survey's own definition); Hikikomori, broad (Cabinet Office); Reclusive" in warnings
    assert "no six-month rule: South Korea" in warnings
    assert "Different age bands: 15–19, 15–39, 19–34." in warnings
    assert "enrolled students only" in warnings


def test_advocacy_beside_survey_is_flagged(estimates, vocab):
    rows = estimates[estimates["estimate_id"].isin(["it-hi-2023", "it-cnr-2023-behaviour-hikikomori"])]
    assert any("not surveys" in w for w in comparability_warnings(rows, vocab))


def test_years_far_apart_are_flagged(estimates, vocab):
    rows = estimates[estimates["estimate_id"].isin(["jp-cao-2010-broad", "jp-cao-2022-15-39"])]
    assert "Years differ: 2010 to 2022." in comparability_warnings(rows, vocab)


def test_labels_are_unique(estimates):
    assert estimates["label"].is_unique


def test_a_count_others_derived_from_a_survey_never_headlines(real_check, read, vocab):
    """FKI/KIHASA multiplied the 2024 survey's 5.2% by a population and published 537,863: the headline is the survey."""
    estimates = real_check.table("recluse_estimates")
    korea = headline_rows(estimates, read, vocab).set_index("country").loc["KOR"]
    assert korea["estimate_id"] == "kr-opm-2024" and korea["rate_pct"] == 5.2
    projections = estimates[estimates["method"] == "survey_projection"]
    assert projections["estimate_id"].tolist() == ["kr-fki-2026"]
    assert "kr-fki-2026" in read  # read on a page, and still not the headline: the rule is the method
    warnings = comparability_warnings(estimates[estimates["estimate_id"].isin(["kr-opm-2024", "kr-fki-2026"])], vocab)
    assert "Different survey methods: national survey, projection from survey data." in warnings


def test_a_row_no_readable_page_holds_never_headlines(real_check, read, vocab):
    estimates = real_check.table("recluse_estimates")
    japan = headline_rows(estimates, read, vocab).set_index("country").loc["JPN", "estimate_id"]
    assert japan in read
    without = headline_rows(estimates, read - {japan}, vocab).set_index("country")
    assert without.loc["JPN", "estimate_id"] != japan
    assert set(without["estimate_id"]) <= read - {japan}
    assert headline_rows(estimates, set(), vocab).empty


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
    assert shown["country"].tolist() == sorted(shown["country"], key=["JPN", "KOR", "ITA", "USA"].index)  # settings order
    for _, rows in shown.groupby("country"):
        assert rows["year"].is_monotonic_decreasing  # latest first
    assert drawable(chosen, "rate")["rate_pct"].notna().all()
