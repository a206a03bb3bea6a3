"""One headline figure per country, chosen by one rule, so every page and the static edition quote the same number.

The rule (CONTRIBUTING.md, "Which figure is the headline") favours like with like: a national figure as its survey's
publisher released it and read on a page; a rate before a count, so countries are compared in the same unit; among
figures fielded within CLOSE_YEARS of the latest, the concept closest to hikikomori (concepts.csv: headline_rank, which
puts current-state measures before lifetime ones); then the latest; then the widest, then the youngest age band.
"""

import tomllib
from functools import cache
from pathlib import Path

import pandas as pd

from settings import COUNTRY_NAMES
from shaping.estimates import annotate
from shaping.vocabulary import Vocabulary, strict_map
from shaping.words import fill

CLOSE_YEARS = 2  # fieldwork this close to the latest counts as the same time: concept closeness then beats recency
WORDS = Path(__file__).resolve().parent.parent / "words" / "headline.toml"
LIFETIME_CONCEPTS = ("hikikomori_lifetime",)


@cache
def caution_words() -> dict[str, str]:
    """The cautions' sentences, by key (words/headline.toml)."""
    with WORDS.open("rb") as file:
        return tomllib.load(file)["cautions"]


def _pick(candidates: pd.DataFrame) -> pd.DataFrame:
    """The headline among one country's candidates (annotated rows with _rank)."""
    rated = candidates[candidates["rate_pct"].notna()]
    pool = rated if not rated.empty else candidates
    years = pool["year"].astype("Float64")
    recent = pool[years.isna() | (years >= years.max() - CLOSE_YEARS)] if years.notna().any() else pool
    ordered = recent.assign(
        _year=recent["year"].astype("Float64").fillna(-1),
        _published=recent["published"].fillna("").astype(str),
        _width=(recent["age_max"].astype("Float64") - recent["age_min"].astype("Float64")).fillna(-1),
        _youngest=recent["age_min"].astype("Float64").fillna(999),
    ).sort_values(
        ["_rank", "_year", "_published", "_width", "_youngest", "estimate_id"],
        ascending=[True, False, False, False, True, True],
    )
    return ordered.head(1)


def headline_rows(rows: pd.DataFrame, read: set[str], vocab: Vocabulary) -> pd.DataFrame:
    """The headline row of each country (annotated, in settings' country order); `read` holds the ids whose figure a
    readable page holds (shaping.evidence.read_on_a_page). Projections by others, extrapolations, sums, advocacy,
    expert and press figures never headline: the methods that may are labels.csv's `headline` ones."""
    eligible = rows[
        (rows["area"] == "national") & rows["method"].isin(vocab.methods("headline")) & rows["estimate_id"].isin(read)
    ]
    if eligible.empty:
        return eligible
    candidates = annotate(eligible, vocab)
    candidates = candidates.assign(_rank=strict_map(candidates["concept"], vocab.headline_ranks(), "headline rank"))
    picks = [_pick(group) for _, group in candidates.groupby("country", sort=False)]
    order = {c: i for i, c in enumerate(COUNTRY_NAMES)}
    heads = pd.concat(picks).sort_values("country", key=lambda s: s.map(order))
    return heads.drop(columns=[c for c in heads.columns if c.startswith("_")])


def cautions(row: pd.Series) -> list[str]:
    """What a journalist quoting this headline must not drop, in the order of words/headline.toml, in the reader's
    language."""
    words = caution_words()
    applies = {
        "no_six_month_rule": pd.notna(row.get("six_month_rule")) and not bool(row.get("six_month_rule")),
        "students_only": row.get("scope") == "enrolled_students",
        "lifetime": row.get("concept") in LIFETIME_CONCEPTS,
        "households": row.get("unit") == "households",
        "not_national": row.get("area") != "national",
    }
    return [fill(words[key]) for key, holds in applies.items() if holds]
