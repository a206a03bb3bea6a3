"""The Compare page's figure: estimates of Japan, South Korea and Italy side by side, for a selection."""

from collections.abc import Iterable

import pandas as pd

import i18n
from core.package_check import PackageCheck
from figures.figure import Figure, declare
from settings import COMPARE_DEFAULT_CONCEPTS
from shaping.charts import dot_plot
from shaping.estimates import annotate, drawable, point_descriptions, select
from shaping.evidence import read_on_a_page
from shaping.headlines import cautions, headline_rows
from shaping.numbers import listed
from shaping.sentences import headline_summary, quote_sentence, summary_sentence
from shaping.vocabulary import Vocabulary
from shaping.words import FigureWords, figure_words, headings

COUNTRY_CODES = ("JPN", "KOR", "ITA")
# The table's columns and their headings' word keys (words/phrases.toml [columns]).
TABLE_COLUMNS = {
    "label": "estimate",
    "as_published": "as_published",
    "rate_pct": "rate",
    "rate_low_pct": "rate_low",
    "rate_high_pct": "rate_high",
    "value": "count",
    "interval": "interval",
    "six_month_rule": "six_month_rule",
    "scope": "who",
    "method_label": "evidence",
    "source_id": "source",
}
# Each country's rows as the subtitle names them (words/figures/compare.toml [labels]); Korea's by the concepts drawn.
COUNTRY_WORDS = {"JPN": "japan", "KOR": "korea", "ITA": "italy"}
KOREA_ALONE = {"reclusive": "korea_reclusive", "isolated": "korea_isolated"}
# What the page shows before a reader changes anything (years None: every year in the data).
DEFAULTS = {
    "countries": COUNTRY_CODES,
    "concepts": tuple(COMPARE_DEFAULT_CONCEPTS),
    "evidence": ("survey",),
    "years": None,
    "measure": "rate",
    "log": False,
    "cities": False,
}


def estimates(check: PackageCheck) -> pd.DataFrame:
    """The annotated estimates of the countries the page compares."""
    rows = annotate(check.table("recluse_estimates"), Vocabulary.of(check))
    return rows[rows["country"].isin(COUNTRY_CODES)]


def selection(
    rows: pd.DataFrame,
    countries: Iterable[str],
    concepts: Iterable[str],
    evidence: Iterable[str],
    years: tuple[int, int] | None,
    measure: str,
    cities: bool,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(chosen, shown): the rows the filters pick, and those of them that have the measure, in drawing order."""
    chosen = select(rows, countries, concepts, evidence, years, cities)
    return chosen, drawable(chosen, measure)


def shown_words(shown: pd.DataFrame, words: FigureWords) -> str:
    """What the chart draws, country by country, for its subtitle ('Hikikomori in Japan, reclusive youth in South
    Korea, …'): only what is drawn, so a view without Korea's isolated youth does not name them."""
    parts = []
    for country, name in COUNTRY_WORDS.items():
        concepts = set(shown.loc[shown["country"] == country, "concept"])
        if concepts:
            alone = KOREA_ALONE.get(next(iter(concepts))) if country == "KOR" and len(concepts) == 1 else None
            parts.append(words.text(f"labels.{alone or name}"))
    said = listed(parts)
    return said[:1].upper() + said[1:]


def compare(check: PackageCheck, shown: pd.DataFrame, measure: str = "rate", log: bool = False) -> Figure:
    """The dot plot of the rows shown (a selection's drawable rows), with the comparability caveats."""
    indexed_sources = check.table("sources").set_index("source_id", drop=False)
    read = read_on_a_page(check.table("evidence")) if not check.problems.get("evidence") else set()
    vocab = Vocabulary.of(check)
    # the package's headline of each country shown: the Overview's, whatever the filters draw
    heads = headline_rows(check.table("recluse_estimates"), read, vocab)
    heads = heads[heads["country"].isin(shown["country"])]
    words = figure_words("compare")
    return Figure(
        key="compare",
        title=words.text("title", measure),
        subtitle=words.text("subtitle", measure, shown=shown_words(shown, words)),
        summary=i18n.sentences((headline_summary(r, cautions(r)) for _, r in heads.iterrows()), i18n.current())
        if not heads.empty
        else summary_sentence(shown),
        chart=dot_plot(shown, measure, log),
        rows=shown,
        table_columns=headings(TABLE_COLUMNS),
        points=point_descriptions(shown, measure),
        concepts=list(shown["concept"]),
        caveats=words.caveats(),
        quotes=lambda: [quote_sentence(r, indexed_sources.loc[r["source_id"]], vocab) for _, r in heads.iterrows()],
    )


@declare(
    "compare",
    "compare",
    params=DEFAULTS,
    placeholders={
        "subtitle": ("shown",),
        **{f"labels.{n}": () for n in [*COUNTRY_WORDS.values(), *KOREA_ALONE.values()]},
    },
)
def build(check: PackageCheck, **params) -> Figure | None:
    """The Compare figure for a selection (DEFAULTS for what is not given), from the package alone; None when nothing
    matches (the page then says so instead)."""
    unknown = set(params) - set(DEFAULTS)
    if unknown:
        raise TypeError(f"unknown Compare parameter(s): {sorted(unknown)}")
    p = {**DEFAULTS, **params}
    _, shown = selection(
        estimates(check), p["countries"], p["concepts"], p["evidence"], p["years"], p["measure"], p["cities"]
    )
    return None if shown.empty else compare(check, shown, p["measure"], p["log"])
