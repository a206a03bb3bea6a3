"""The Compare subtitle names only what its chart draws: the default view draws Korea's reclusive youth, and its
subtitle named Korea's 고립 청년 (isolated youth) too."""

import csv

import pandas as pd
import pytest

import i18n
from figures import compare
from shaping.words import figure_words
from tests.conftest import ROOT

ISOLATED = {"isolated", "isolated_or_reclusive"}  # the concepts that count Korea's isolated youth
RECLUSIVE = {"reclusive", "isolated_or_reclusive"}


def term(concept: str, lang: str) -> str:
    """A concept's term in lang, as data/glossary.csv gives it (the source of every translated term)."""
    with (ROOT / "data" / "glossary.csv").open(encoding="utf-8") as f:
        return next(r["term"] for r in csv.DictReader(f) if r["concept"] == concept and r["lang"] == lang)


def drawn(korea: set[str]) -> pd.DataFrame:
    pairs = [("JPN", "hikikomori_broad"), *(("KOR", c) for c in sorted(korea)), ("ITA", "hikikomori")]
    return pd.DataFrame(pairs, columns=["country", "concept"])


@pytest.mark.parametrize("lang", ["en", "ja", "ko", "it"])
@pytest.mark.parametrize(
    "korea", [set(), {"reclusive"}, {"isolated"}, {"reclusive", "isolated"}, {"isolated_or_reclusive"}]
)
def test_the_subtitle_names_korea_s_isolated_youth_only_where_they_are_drawn(lang, korea):
    with i18n.language(lang):
        said = compare.shown_words(drawn(korea), figure_words("compare"))
    isolated, reclusive = (term(c, lang) if lang != "en" else c for c in ("isolated", "reclusive"))
    assert (isolated in said) == bool(korea & ISOLATED), said
    assert (reclusive in said) == bool(korea & RECLUSIVE), said
    assert said[:1] == said[:1].upper()  # a subtitle starts as a sentence does


@pytest.mark.parametrize("lang", ["ja", "ko", "it"])
def test_the_default_compare_subtitle_names_what_its_rows_are(real_check, lang):
    with i18n.language(lang):
        figure = compare.build(real_check)
    isolated = term("isolated", lang)
    assert (isolated in figure.subtitle) == bool(set(figure.rows["concept"]) & ISOLATED), figure.subtitle
    assert (term("reclusive", lang) in figure.subtitle) == bool(set(figure.rows["concept"]) & RECLUSIVE)
