"""Figures built once per data version and view, then shared by every session (Streamlit's cache_resource).

A page open used to rebuild each figure it shows (about 0.1–0.2 CPU-s each on this machine, docs/performance.md); now
the first reader of a view, or the warm-up at server start (asgi.py), builds it and everyone else reads it. The entry
is keyed on the package's content hash, so an edited CSV makes new entries and the old ones age out (bounded), and on
the reader's language (i18n.current()): a figure's words are in one language, so each language has its own entry."""

import time
from collections.abc import Callable, Hashable
from contextlib import suppress
from typing import TypeVar

import streamlit as st

import settings
from core.package_check import PackageCheck
from core.problems import DataError
from figures import catalog, claims, compare, overview
from figures.figure import Figure
from figures.finished import Finished, finish
from figures.params import HOMELESS_VIEWS, SCALES
from i18n import LANGUAGES, current, language, plotly_separators

T = TypeVar("T")

# How many times each builder has run in this process, by name: tests read it to see what the cache saved.
BUILDS: dict[str, int] = {}


@st.cache_resource(max_entries=settings.SHARED_FIGURES, show_spinner=False)
def _shared(content_hash: str, lang: str, name: str, params: tuple, _make: Callable[[], T]) -> T:
    BUILDS[name] = BUILDS.get(name, 0) + 1
    return _make()


def _frozen(value: object) -> Hashable:
    """A list or tuple parameter as a tuple (a widget gives a list, a default may be a tuple: the same view)."""
    return tuple(_frozen(v) for v in value) if isinstance(value, list | tuple) else value


def shared(check: PackageCheck, make: Callable[..., T], **params) -> T:
    """make(check, **params) in the current language, made once per data version, language and parameters and then
    read, never changed, by every session; made afresh each time for a check not from the cache (a candidate upload
    has no content hash)."""
    if check.content_hash is None:
        return make(check, **params)
    key = tuple(sorted((name, _frozen(value)) for name, value in params.items()))
    return _shared(
        check.content_hash, current(), f"{make.__module__}.{make.__qualname__}", key, lambda: make(check, **params)
    )


def _finished(builder: Callable[..., Figure | None]) -> Callable[..., Finished | None]:
    def make(check: PackageCheck, **params) -> Finished | None:
        figure = builder(check, **params)
        if figure is None:
            return None
        finished = finish(figure, check)
        # Plotly's own tick numbers with the language's separators (2,5 in Italian), before anyone shares the chart.
        finished.chart.update_layout(separators=plotly_separators(current()))
        return finished

    make.__module__, make.__qualname__ = builder.__module__, builder.__qualname__ + ":finished"
    return make


def shared_figure(check: PackageCheck, builder: Callable[..., Figure | None], **params) -> Finished | None:
    """The finished figure builder(check, **params) makes (None when the builder has nothing to draw), shared."""
    return shared(check, _finished(builder), **params)


# A default view's one-click neighbours (the other scale, measure or view of the same figure): built at start too,
# so a reader's first widget change finds its figure ready.
NEIGHBOURS = {"log": tuple(SCALES.values()), "measure": ("rate", "count"), "view": tuple(HOMELESS_VIEWS.values())}


def warm_views(entry) -> list[dict]:
    """The entry's default parameters, then each of its one-click neighbours."""
    views = [entry.params]
    for name, default in entry.params.items():
        views += [{**entry.params, name: other} for other in NEIGHBOURS.get(name, ()) if other != default]
    return views


def warm_jobs(check: PackageCheck) -> list[tuple[Callable[..., object], Callable[..., object], dict]]:
    """What the warm-up builds, most read first: (share function, builder, parameters). Each default view, the pages'
    own rows (Overview headlines, Compare's rows), the views one click away, then what the Claim check asks for besides
    the catalog (both kinds of every claim: a kind a claim lacks is a shared None)."""
    entries = catalog(check)
    jobs = [(shared_figure, entry.builder, entry.params) for entry in entries]
    jobs += [(shared, overview.headlines, {}), (shared, overview.coverage_text, {}), (shared, compare.estimates, {})]
    jobs += [(shared_figure, entry.builder, params) for entry in entries for params in warm_views(entry)[1:]]
    jobs += [
        (shared_figure, claims.claim_figure, {"claim_id": c, "kind": kind})
        for c in check.table("claims")["claim_id"]
        for kind in claims.KINDS
    ]
    return jobs


def warm(
    check: PackageCheck, budget: float = settings.WARM_UP_SECONDS, languages: tuple[str, ...] = LANGUAGES
) -> tuple[int, int]:
    """Build what readers open first (warm_jobs, in that order, each in every language) until done or `budget` seconds
    have passed, so a server on a much larger package still starts; what is left is built by its first reader.
    Returns (built, jobs). A job whose tables have problems is skipped: its page shows them."""
    began = time.perf_counter()
    try:
        jobs = [(job, lang) for job in warm_jobs(check) for lang in languages]
    except DataError:
        return 0, 0
    built = 0
    for (share, builder, params), lang in jobs:
        if time.perf_counter() - began > budget:
            break
        with suppress(DataError), language(lang):
            share(check, builder, **params)
            built += 1
    return built, len(jobs)
