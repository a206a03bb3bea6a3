"""glossary.csv rules on small made-up frames (a pure function: no package, no frictionless): each rule fails
with the right line, column and message, and a glossary naming one concept in ja, ko and it passes."""

import pandas as pd
import pytest

from core.model import LINE_COLUMN
from core.problems import Problem
from loaders.rules import glossary_problems

SHOWN = "data/glossary.csv"
COLUMNS = [
    "concept",
    "lang",
    "term",
    "label",
    "definition",
    "source_id",
    "url",
    "quote",
    "quote_en",
    "locator",
    "checked",
    "status",
    "note",
]


def _row(lang: str, **cells) -> dict:
    """A valid row for concept c_one: sourced in ja, no_source_term in ko and it."""
    if lang == "ja":
        row = {
            "term": "広義のひきこもり",
            "source_id": "jp-x",
            "url": "https://example.org/ja",
            "quote": "…者を「広義のひきこもり」と定義している。",
            "status": "sourced",
            "note": None,
        }
    else:
        row = {
            "term": "広義のひきこもり",
            "source_id": None,
            "url": None,
            "quote": None,
            "status": "no_source_term",
            "note": "No source in this language names it.",
        }
    row = {
        "concept": "c_one",
        "lang": lang,
        "label": "a label",
        "definition": "a definition",
        "quote_en": None,
        "locator": None,
        "checked": "2026-12-07",
        **row,
    }
    return {**row, **cells}


def _frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame[LINE_COLUMN] = range(2, len(rows) + 2)  # line 1 is the header
    return frame


def _valid() -> list[dict]:
    return [_row("ja"), _row("ko"), _row("it")]


def test_a_concept_named_in_every_language_passes():
    assert glossary_problems(_frame(_valid()), SHOWN) == []


def test_a_sourced_term_must_appear_verbatim_in_its_quote():
    rows = _valid()
    rows[0] = _row("ja", term="広義のひきこもり群")  # not in the quote: only 「広義のひきこもり」 is
    found = glossary_problems(_frame(rows), SHOWN)
    assert found == [
        Problem(
            SHOWN,
            2,
            "term",
            "'広義のひきこもり群' does not appear in quote: "
            "a sourced term must be written exactly as the quote writes it",
        )
    ]


def test_a_term_differing_only_in_spelling_is_refused():
    rows = _valid()
    rows[0] = _row("ja", term="広義の引きこもり")  # kanji where the quote has kana
    assert [(p.line, p.column) for p in glossary_problems(_frame(rows), SHOWN)] == [(2, "term")]


@pytest.mark.parametrize(
    ("column", "meaning"),
    [("quote", "the sentence, verbatim, that uses the term"), ("url", "the page the quote was read on")],
)
@pytest.mark.parametrize("empty", [None, "", "  "])
def test_a_sourced_row_needs_a_quote_and_a_url(column, meaning, empty):
    rows = _valid()
    rows[0] = _row("ja", **{column: empty})
    found = glossary_problems(_frame(rows), SHOWN)
    assert found == [Problem(SHOWN, 2, column, f"status is sourced, so {column} is required: {meaning}")]


def test_a_no_source_term_row_with_a_quote_is_refused():
    rows = _valid()
    rows[2] = _row("it", quote="Una frase con 広義のひきこもり.")
    found = glossary_problems(_frame(rows), SHOWN)
    message = (
        "status is no_source_term, so quote must be empty: "
        "a quote means a source in this language uses the term (status sourced)"
    )
    assert found == [Problem(SHOWN, 4, "quote", message)]


def test_a_no_source_term_row_with_a_url_is_refused():
    rows = _valid()
    rows[1] = _row("ko", url="https://example.org/ko")
    assert [(p.line, p.column) for p in glossary_problems(_frame(rows), SHOWN)] == [(3, "url")]


def test_a_no_source_term_row_needs_a_note():
    rows = _valid()
    rows[1] = _row("ko", note=None)
    found = glossary_problems(_frame(rows), SHOWN)
    assert found == [
        Problem(
            SHOWN,
            3,
            "note",
            "status is no_source_term, so note is required: say why no source in this language names the concept",
        )
    ]


@pytest.mark.parametrize(("dropped", "missing"), [("ja", "ja"), ("ko", "ko"), ("it", "it")])
def test_a_concept_missing_a_language_is_refused_on_its_first_line(dropped, missing):
    rows = [r for r in _valid() if r["lang"] != dropped]
    found = glossary_problems(_frame(rows), SHOWN)
    message = f"concept c_one has no row for {missing}: every concept needs a row in each of ja, ko, it"
    assert found == [Problem(SHOWN, 2, "lang", message)]


def test_each_concept_is_checked_on_its_own():
    rows = _valid() + [_row("ja", concept="c_two"), _row("it", concept="c_two")]
    found = glossary_problems(_frame(rows), SHOWN)
    assert found == [
        Problem(SHOWN, 5, "lang", "concept c_two has no row for ko: every concept needs a row in each of ja, ko, it")
    ]


def test_problems_come_in_line_order():
    rows = _valid()
    rows[2] = _row("it", quote="x", note=None)
    rows[0] = _row("ja", url=None)
    found = glossary_problems(_frame(rows), SHOWN)
    assert [(p.line, p.column) for p in found] == [(2, "url"), (4, "note"), (4, "quote")]
