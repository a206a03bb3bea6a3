"""ui.shared: a view is built once per data version and parameters, then the same object is read by every session."""

from dataclasses import replace

import pytest

import i18n
from figures import japan
from i18n import LANGUAGES
from shaping.words import figure_words
from ui import shared


@pytest.fixture
def check(real_check):
    shared._shared.clear()
    return replace(real_check, content_hash="hash-one")


def counting(calls: list):
    def make(check, **params):
        calls.append(params)
        return {"built": len(calls), **params}

    return make


def test_the_same_view_is_built_once_and_shared(check):
    calls = []
    make = counting(calls)
    first = shared.shared(check, make, measure="rate", countries=["JPN", "KOR"])
    again = shared.shared(check, make, countries=("JPN", "KOR"), measure="rate")  # a tuple default, another order
    assert again is first
    assert calls == [{"measure": "rate", "countries": ["JPN", "KOR"]}]


def test_another_view_or_data_version_is_built_anew(check):
    calls = []
    make = counting(calls)
    rate = shared.shared(check, make, measure="rate")
    count = shared.shared(check, make, measure="count")
    edited = shared.shared(replace(check, content_hash="hash-two"), make, measure="rate")
    assert (rate["built"], count["built"], edited["built"]) == (1, 2, 3)
    assert shared.shared(check, make, measure="rate") is rate


def test_a_check_not_from_the_cache_is_never_shared(real_check):
    calls = []
    make = counting(calls)
    candidate = replace(real_check, content_hash=None)  # an uploaded candidate package has no content hash
    assert shared.shared(candidate, make, measure="rate") is not shared.shared(candidate, make, measure="rate")
    assert len(calls) == 2


def test_a_shared_figure_is_finished_once(check):
    before = shared.BUILDS.get("figures.japan.rounds:finished", 0)
    shown = shared.shared_figure(check, japan.rounds, measure="count")
    assert shared.shared_figure(check, japan.rounds, measure="count") is shown
    assert shared.BUILDS["figures.japan.rounds:finished"] == before + 1
    assert shown.figure.title == figure_words("japan-rounds").text("title", "count")
    assert [a.name for a in shown.chart.layout.annotations].count("source-line") == 1


def test_the_cache_is_bounded(check):
    assert shared._shared._info.max_entries == shared.settings.SHARED_FIGURES > 0


def test_the_warm_up_builds_what_readers_open_first_and_stops_at_its_budget(check):
    from figures import catalog

    entries = catalog(check)
    jobs = shared.warm_jobs(check)
    assert [(builder, params) for _, builder, params in jobs[: len(entries)]] == [
        (e.builder, e.params) for e in entries
    ]
    before = dict(shared.BUILDS)
    # Every job in every language; over budget before the first build: nothing built.
    assert shared.warm(check, budget=0) == (0, len(jobs) * len(LANGUAGES))
    assert before == shared.BUILDS


def test_each_language_has_its_own_figure_with_its_words_and_separators(check):
    with i18n.language("en"):
        english = shared.shared_figure(check, japan.rounds, measure="count")
    with i18n.language("it"):
        italian = shared.shared_figure(check, japan.rounds, measure="count")
        assert shared.shared_figure(check, japan.rounds, measure="count") is italian  # shared within a language
        assert italian.figure.title == figure_words("japan-rounds").text("title", "count")
    assert italian is not english and italian.figure.title != english.figure.title
    assert (english.chart.layout.separators, italian.chart.layout.separators) == (".,", ",.")
