"""The bundled data package: valid, complete where the register is, and carrying the key figures."""

import subprocess
import sys

import pandas as pd
import pytest

from tests.conftest import REAL_DATA, ROOT


@pytest.fixture(scope="module")
def real(real_check):
    check = real_check
    assert check.all_problems() == [], [str(p) for p in check.all_problems()]
    return check


def one(frame: pd.DataFrame, **where) -> pd.Series:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    found = frame[mask]
    assert len(found) == 1, f"{where} matched {len(found)} rows"
    return found.iloc[0]


@pytest.mark.slow  # a fresh Python process: seconds of imports
def test_frictionless_cli_validates_the_package():
    done = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "data/datapackage.json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:]


@pytest.mark.parametrize(
    ("estimate_id", "value", "rate", "age_min", "age_max"),
    [
        ("jp-cao-2010-broad", 696000, 1.79, 15, 39),
        ("jp-cao-2015-broad", 541000, 1.57, 15, 39),
        ("jp-cao-2018-broad", 613000, 1.45, 40, 64),
        ("jp-cao-2022-15-64", 1460000, None, 15, 64),
        ("jp-cao-2022-15-39", None, 2.05, 15, 39),
        ("jp-cao-2022-40-64", None, 2.02, 40, 64),
        ("kr-opm-2024", None, 5.2, 19, 34),
        ("it-cnr-2023-behaviour-hikikomori", 44000, 1.7, 15, 19),
        ("it-cnr-2023-selflabel", 54000, 2.1, 15, 19),
    ],
)
def test_key_estimates_with_their_population(real, estimate_id, value, rate, age_min, age_max):
    row = one(real.table("recluse_estimates"), estimate_id=estimate_id)
    assert pd.isna(row["value"]) if value is None else row["value"] == value
    assert pd.isna(row["rate_pct"]) if rate is None else row["rate_pct"] == rate
    assert (row["age_min"], row["age_max"]) == (age_min, age_max)


def test_italy_counts_students_only(real):
    estimates = real.table("recluse_estimates")
    italy = estimates[estimates["country"] == "ITA"]
    surveys = italy[italy["method"] == "student_survey"]
    assert set(surveys["scope"]) == {"enrolled_students"}


def test_korea_2024_has_no_six_month_rule(real):
    assert not one(real.table("recluse_estimates"), estimate_id="kr-opm-2024")["six_month_rule"]


def test_homelessness_key_counts(real):
    homeless = real.table("youth_homelessness")
    us = one(homeless, row_id="us-hud-2023")
    assert (us["value"], us["measure"], us["age_max"], us["year"]) == (34703, "one_night_count", 24, 2023)
    jp = one(homeless, row_id="jp-mhlw-2019")
    assert (jp["value"], jp["measure"], jp["year"]) == (
        4555,
        "daytime_street_count",
        2019,
    )  # a daytime patrol, not a night
    assert pd.isna(jp["age_min"]) and pd.isna(jp["age_max"])  # all ages


def test_japan_street_count_series_is_whole(real):
    homeless = real.table("youth_homelessness")
    series = homeless[(homeless["country"] == "JPN") & (homeless["measure"] == "daytime_street_count")]
    assert sorted(series["year"]) == [2003, 2007, 2019, 2020, 2021, 2022, 2023, 2024, 2025]
    assert dict(zip(series["year"], series["value"], strict=True))[2024] == 2820


def test_chd_relative_risk(real):
    row = one(real.table("isolation_health_risks"), row_id="h-valtorta-2016-chd")
    assert (row["measure"], row["value"], row["ci_low"], row["ci_high"]) == ("RR", 1.29, 1.04, 1.59)


def test_survival_odds_are_marked_as_survival(real):
    risks = real.table("isolation_health_risks")
    assert set(risks[risks["register_id"] == "H-HOLT-2010"]["direction"]) == {"survival"}


def test_every_source_has_web_address_and_accessed_date(real):
    sources = real.table("sources")
    assert sources["url"].str.match(r"^https?://").all()
    assert sources["accessed"].notna().all()


def test_every_source_is_used(real):
    used = set()
    for name in ("recluse_estimates", "youth_homelessness", "isolation_health_risks", "population", "claim_evidence"):
        used |= set(real.table(name)["source_id"].dropna())
    unused = set(real.table("sources")["source_id"]) - used
    assert unused <= {"kr-mohw-2023", "kr-mogef-2024"}, unused  # listed for their notes: opt-in surveys give no rate


def test_hud_2014_children_is_hud_s_own_6274(real):
    children = one(real.table("youth_homelessness"), row_id="us-hud-2014-children")
    young_adults = one(real.table("youth_homelessness"), row_id="us-hud-2014-18-24")
    assert children["value"] == 45205 - young_adults["value"] == 6274


def test_every_row_of_the_four_tables_has_evidence_and_a_quote_holds_its_figure(real):
    evidence = real.table("evidence")
    for table, key, column in (
        ("recluse_estimates", "estimate_id", "estimate_id"),
        ("youth_homelessness", "row_id", "homelessness_row_id"),
        ("isolation_health_risks", "row_id", "health_row_id"),
        ("population", "population_id", "population_id"),
    ):
        assert set(real.table(table)[key]) <= set(evidence[column].dropna()), table
    read = evidence[evidence["status"].isin(["confirmed", "differs"])]
    assert all(a in q for a, q in zip(read["as_written"], read["quote"], strict=True))


def test_unverified_figures_are_not_evidence(real):
    estimates = real.table("recluse_estimates")
    homeless = real.table("youth_homelessness")
    assert not estimates["value"].isin([612000, 841000, 3600000]).any()  # JP-CAO-2022-split, JP-3.6M
    assert not homeless["value"].isin([35038, 34210, 10000]).any()  # US-HUD-2019/2020, JP-10K


def test_derived_numbers_say_so(real):
    estimates = real.table("recluse_estimates")
    derived = estimates[estimates["interval"] == "derived_ci95"]
    assert len(derived) == 4
    assert derived["derivation"].str.contains("Wilson").all()
    assert one(estimates, estimate_id="jp-115m")["method"] == "sum_of_surveys"


def test_every_claim_has_evidence(real):
    claims = set(real.table("claims")["claim_id"])
    links = real.table("claim_evidence")
    assert claims == set(links[links["role"] == "evidence"]["claim_id"])
    assert len(claims) == 9


def test_version_date_and_changelog_move_together():
    import json
    import re

    package = json.loads((REAL_DATA / "datapackage.json").read_text())
    heading = re.search(r"^## (\S+) — (\d{4}-\d{2}-\d{2})$", (REAL_DATA / "CHANGELOG.md").read_text(), re.M)
    assert heading, "CHANGELOG.md needs a '## VERSION — YYYY-MM-DD' heading"
    assert heading.groups() == (package["version"], package["updated"])
    for resource in package["resources"]:
        assert resource["updated"] <= package["updated"], resource["name"]
