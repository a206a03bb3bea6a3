"""The headline-percentages figure's note on a share of people (not a risk) the bars leave out is its row's own note,
marked as English for other readers: a note built from its comparison and population read
'share of people 65+ who are socially isolated: 24% (US community-…)', lowercase and unmarked in Japanese."""

import pytest

import i18n
from figures.health import percent
from loaders.tables import check_package
from shaping.words import english_marker
from tests.conftest import set_cell

PREVALENCE = (
    "h-share,H-SHARE,social_isolation,share of people 65+ who are socially isolated,isolation_prevalence,"
    '"people 65+, 2011",percent,prevalence,24,,,,,,h-valtorta-2016,"A share of people, not a risk.",false'
)

NOT_FOUND = "ev-h-share,,,h-share,,value,h-valtorta-2016,https://example.org/share,,,,,page,2026-12-07,not_found,,"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_share_the_bars_leave_out_is_noted_in_its_row_s_own_words(package, lang):
    path = package / "isolation_health_risks.csv"
    path.write_text(path.read_text().rstrip("\n") + "\n" + PREVALENCE + "\n")
    evidence = package / "evidence.csv"  # every figure names where it was read, or where it was looked for
    evidence.write_text(evidence.read_text().rstrip("\n") + "\n" + NOT_FOUND + "\n")
    set_cell(package, "isolation_health_risks", 1, "measure", "percent_increase")  # a bar, so the figure is drawn
    check = check_package(package)
    assert not check.problems.get("isolation_health_risks"), check.problems
    with i18n.language(lang):
        notes = percent(check).extra_notes
        marker = english_marker()
    assert notes == [" ".join(filter(None, ["A share of people, not a risk.", marker]))]
