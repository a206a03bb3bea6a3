"""The health forest's summary counts one set of rows: the risk estimates shown, survival odds (a group of their own,
where above 1 means better survival) left out of all three counts, so 'N of the M ... ; K cross 1' adds up."""

import re
from pathlib import Path

import pytest

import i18n
from figures.health import forest
from loaders.tables import check_package
from shaping.health import survival_group
from tests.conftest import add_row

# Beside the fixture's significant risk (Valtorta 2016, RR 1.29, 1.04-1.59): a risk whose interval crosses 1, one
# with no published interval, and two survival odds, one above 1 and one crossing 1.
MORE_ROWS = [
    {"row_id": "h-risk-crosses", "outcome": "stroke", "value": "1.10", "ci_low": "0.90", "ci_high": "1.30"},
    {"row_id": "h-risk-no-ci", "outcome": "stroke", "value": "1.40", "ci_low": "", "ci_high": ""},
    {
        "row_id": "h-survival-above",
        "outcome": "all_cause_mortality",
        "direction": "survival",
        "value": "1.50",
        "ci_low": "1.42",
        "ci_high": "1.59",
    },
    {
        "row_id": "h-survival-crosses",
        "outcome": "all_cause_mortality",
        "direction": "survival",
        "value": "1.19",
        "ci_low": "0.99",
        "ci_high": "1.44",
    },
]
VALTORTA_EVIDENCE = 4  # the fixture's evidence row for the Valtorta value (a not_found row), copied for each new row


@pytest.fixture
def risks(package: Path) -> Path:
    for row in MORE_ROWS:
        add_row(package, "isolation_health_risks", row)
        evidence = {"evidence_id": f"ev-{row['row_id']}-value", "health_row_id": row["row_id"]}
        add_row(package, "evidence", evidence, like=VALTORTA_EVIDENCE)
    return package


def test_the_summary_s_two_parts_add_up_to_the_risks_it_counts(risks):
    with i18n.language("en"):
        figure = forest(check_package(risks))
        survival = figure.rows["group"] == survival_group()
    counts = re.match(r"(\d+) of the (\d+) risk estimates .*?; (\d+) cross 1", figure.summary)
    significant, shown, unclear = map(int, counts.groups())
    assert survival.sum() == 2  # the fixture's survival odds are drawn, in their own group
    assert shown == (~survival).sum()
    assert significant == ((figure.rows["significance"] == "significant") & ~survival).sum()
    assert significant + unclear == shown
