"""A claim chart's title quotes the claim's opening words whole: cut after a word (never inside one) with '…', and a
citation that quotes that title in the same marks nests them as the language does (『』 inside 「」, “ ” inside « »)."""

from datetime import date

import pytest

import i18n
from figures.claims import QUOTE_CHARS, claim_figure, short_quote, title
from loaders.tables import check_package
from shaping.citations import MARK, figure_citation, quoting
from shaping.words import say
from tests.conftest import set_cell

LONG = "social isolation was associated with about a 50% increased risk of dementia in older adults"
WITH_COMMA = "half a million Japanese youths, as well as more than half a million older people"


@pytest.mark.parametrize("quote", [LONG, WITH_COMMA, "word " * 30])
def test_a_long_claim_is_cut_after_a_whole_word(quote):
    cut = short_quote(quote)
    kept = cut.removesuffix("…")
    assert cut.endswith("…") and len(kept) <= QUOTE_CHARS
    assert quote.startswith(kept)
    assert quote[len(kept)] in " ,;:"  # the next character ends a word: none was cut through
    assert not kept.endswith((",", " "))


def test_a_short_claim_is_quoted_whole():
    quote = LONG[:QUOTE_CHARS]
    assert short_quote(quote) == quote


def test_a_single_word_longer_than_a_title_is_still_cut():
    assert short_quote("x" * (QUOTE_CHARS + 10)) == "x" * QUOTE_CHARS + "…"


@pytest.mark.parametrize(("lang", "outer", "inner"), [("ja", "「」", "『』"), ("it", "«»", "“”"), ("ko", "", "“”")])
def test_a_cited_claim_title_nests_its_quotation_marks(lang, outer, inner):
    with i18n.language(lang):
        named = title("six months or more", "counts")
        cited = figure_citation(named, None, date(2026, 12, 7))
    # The title as the reader sees it quotes the claim in the language's marks (the outer ones where it has both).
    assert "six months or more" in named
    assert f"{inner[0]}six months or more{inner[1]}" in cited
    if outer:
        assert f"{outer[0]}six months or more{outer[1]}" in named  # the title alone keeps its usual marks
        assert cited.count(outer[0]) == cited.count(outer[1]) == 1  # one pair of outer marks: round the title


@pytest.mark.parametrize(("lang", "inner"), [("ja", "『"), ("it", "“")])
def test_the_card_s_note_on_the_published_view_nests_a_claim_title_s_marks(lang, inner):
    """The app's 'The static edition publishes … its default: 「…」' put a claim title's 「」 inside 「」 again."""
    with i18n.language(lang):
        claim_title = title(LONG, "ratios")
        said = quoting(say("card.embed_default", title=MARK), claim_title)
    assert inner in said and claim_title not in said


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("quote", "whole"), [(LONG, True), ("compared to only 10,000 in Japan", False)])
def test_a_claim_cut_in_its_title_is_given_in_full_before_the_summary(package, lang, quote, whole):
    """A static claim page showed the claim only in its title, cut ('…about a 50% increased…'): nowhere could a
    reader read it whole. A claim short enough for the title is not said twice."""
    set_cell(package, "claims", 1, "quote", quote)
    check = check_package(package)
    with i18n.language(lang):
        figure = claim_figure(check, "c-jp-10k", "counts")
    assert (quote in figure.summary) is whole
