"""Data text a reader of another language meets in English: the rows' notes, the evidence's notes and locators ('news
item, para 1'), which the data package writes only in English (and a derived interval's derivation, counted, not
marked: it sits inside a translated sentence). Where they are shown they are marked (the element says lang="en", a
short "(in English)" in the reader's language follows) and the static build counts them, per language.

Pure: no Streamlit, no Jinja. The app's card (ui/card.py) and the static figure page (publish/templates/figure.html)
show what these functions return; publish/untranslated.py reports the counts.
"""

import html
from collections.abc import Iterable, Mapping

import pandas as pd

import i18n
from figures.card import CardContent
from figures.figure import Figure, row_notes
from shaping.words import english_marker, say

ROW_NOTES, QUOTE_NOTES = "row notes", "notes on the quotes"
LOCATORS = "locators"  # where on its page a quote is ('abstract, Results'): free text, no parser reads it
DERIVATIONS = "derivations"
KINDS = (ROW_NOTES, QUOTE_NOTES, LOCATORS, DERIVATIONS)
# Shown in an element of their own, marked; a derived interval's derivation sits inside
# the translated sentence of "How the numbers were made"
MARKED = (ROW_NOTES, QUOTE_NOTES, LOCATORS)


def in_english_around() -> tuple[str, str]:
    """The reader's words before and after a quote's English translation ('In English: ', ''), so the app and the
    static page can each mark the English itself lang="en" (screen readers switch voice)."""
    before, _, after = say("card.in_english", quote="\x00").partition("\x00")
    return before, after


def in_english_html(quote_en: str) -> str:
    """'In English: …' in the reader's language as HTML for the app's card, the English marked lang="en"; escaped."""
    before, after = in_english_around()
    english = html.escape(" ".join(quote_en.split()))
    return f'{html.escape(before)}<span lang="en">{english}</span>{html.escape(after)}'


def marked_row_notes(figure: Figure, lang: str) -> list[dict[str, str | None]]:
    """'About this data''s rows (figures.figure.row_notes) with, for a reader of another language, `lang` "en" and
    the marker where the note is the data's own (English) text; a row with no note says so in the reader's words."""
    marker = english_marker(lang)
    notes = []
    for item, (_, row) in zip(row_notes(figure), figure.rows.iterrows(), strict=True):
        english = bool(marker) and pd.notna(row.get("note"))
        notes.append({**item, "lang": "en" if english else None, "marker": marker if english else ""})
    return notes


def english_texts(cards: Iterable[CardContent], lang: str = i18n.DEFAULT) -> dict[str, set[str]]:
    """The distinct data texts these cards show a reader of lang only in English, by kind: the rows' notes, the
    quotes' notes (no translated column), where on its page each quote is ("Where it says so") and how a derived
    number was made where derivation_<lang> is empty (inside "How the numbers were made"); places are coded and
    labelled in labels.csv."""
    found: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for card in cards:
        rows = card.figure.rows
        if "note" in rows:
            found[ROW_NOTES] |= {str(n) for n in rows["note"].dropna()}
        if "derivation" in rows:  # those with no translation in lang (derivation_<lang>)
            translated = rows.get(f"derivation_{lang}", pd.Series(pd.NA, index=rows.index))
            found[DERIVATIONS] |= {str(d) for d in rows["derivation"][translated.isna()].dropna()}
        quotes = [q for row in card.evidence for q in row["quotes"]]
        found[QUOTE_NOTES] |= {q["notes"] for q in quotes if q["notes"]}
        found[LOCATORS] |= {q["locator"] for q in quotes if q["found"] and q["locator_lang"] == "en"}
    return found


def english_counts(cards_by_language: Mapping[str, Iterable[CardContent]]) -> dict[str, dict[str, int]]:
    """Per language, how many distinct data texts of each kind its reader meets in English (none for English)."""
    return {
        lang: dict.fromkeys(KINDS, 0)
        if lang == i18n.DEFAULT
        else {kind: len(texts) for kind, texts in english_texts(cards, lang).items()}
        for lang, cards in cards_by_language.items()
    }
