"""Figures shared between sessions: the warm-up (asgi.py) builds every page's default view, so a first reader builds
nothing, and no page run changes a shared figure (every session reads the same object)."""

import pytest

from figures import catalog
from i18n import LANGUAGES
from loaders.cache import cached_package
from shaping.words import pages
from tests.pages.helpers import card_keys, open_cards
from ui import shared

TITLES = {p.url: p.title for p in pages()}


@pytest.fixture
def warmed():
    shared._shared.clear()
    check = cached_package()
    jobs = len(shared.warm_jobs(check)) * len(LANGUAGES)  # every job in every language
    assert shared.warm(check) == (jobs, jobs)
    return check


def test_after_the_warm_up_no_page_builds_a_figure_at_its_default_view(warmed, run_page):
    built = dict(shared.BUILDS)
    drawn = {}
    for page in (
        "views/overview.py",
        "views/japan.py",
        "views/compare.py",
        "views/homelessness.py",
        "views/health.py",
        "views/claims.py",
    ):
        at = run_page(page)
        assert not at.exception, page
        drawn[page] = card_keys(at)
    assert built == shared.BUILDS  # every card on every page came from the warm-up
    declared = [e.key for e in catalog(warmed, "japan")]  # the declaration, so a new Japan figure changes no test
    assert len(declared) >= 3 and drawn["views/japan.py"] == declared
    assert drawn["views/compare.py"] == ["compare"]


def test_the_views_one_click_away_are_built_by_the_warm_up_too(warmed, run_page):
    built = dict(shared.BUILDS)
    for page, params in (
        ("views/japan.py", {"measure": "Count (people)"}),
        ("views/japan.py", {"scale": "Linear"}),
        ("views/compare.py", {"scale": "Logarithmic"}),
        ("views/compare.py", {"measure": "Count"}),
        ("views/homelessness.py", {"view": "Per 100,000 residents of the same ages (derived)"}),
        ("views/homelessness.py", {"scale": "Linear"}),
    ):
        at = run_page(page, **params)
        assert not at.exception and not at.info, (page, params)  # no notice: the link's values were all accepted
    assert built == shared.BUILDS
    at = run_page("views/compare.py", measure="Count", scale="Logarithmic")  # two clicks away: built on demand
    assert shared.BUILDS["figures.compare.build:finished"] == built["figures.compare.build:finished"] + 1


def test_a_page_run_changes_no_shared_figure(warmed, run_page):
    entries = [e for e in catalog(warmed) if e.page == "japan"]
    before = {e.key: shared.shared_figure(warmed, e.builder, **e.params) for e in entries}
    snapshot = {key: (shown.chart.to_json(), shown.figure.rows.to_json()) for key, shown in before.items()}
    at = run_page("views/japan.py")
    open_cards(at, "Chart", ("evidence", "about", "cite", "embed"))
    open_cards(at, "Table")
    assert not at.exception
    after = {e.key: shared.shared_figure(warmed, e.builder, **e.params) for e in entries}
    assert all(after[key] is before[key] for key in before)
    assert {key: (shown.chart.to_json(), shown.figure.rows.to_json()) for key, shown in after.items()} == snapshot
