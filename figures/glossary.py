"""Each concept's term in Japanese, Korean and Italian (data/glossary.csv) beside the source quote that uses it: what
the Sources page (views/sources.py) and the static edition's index show under "Terms in each language".

Pure: values only. Every link has passed shaping.text.safe_url (None for anything but http(s)); the quote's language
is the glossary row's own, for its element's lang attribute; a no_source_term row says so in the reader's words.
"""

from urllib.parse import urlparse

import pandas as pd

import i18n
from core.model import GLOSSARY
from shaping.text import safe_url
from shaping.vocabulary import TRANSLATED, Vocabulary
from shaping.words import phrase, say

NO_SOURCE_TERM = "no_source_term"
MARK = "\x00"  # where a sentence holds the term or quote, so a page can put it in its own element


def _around(sentence: str) -> tuple[str, str]:
    """The words before and after the mark: a translation may put the term anywhere in its sentence."""
    before, _, after = sentence.partition(MARK)
    return before, after


def _text(value: object) -> str | None:
    return str(value) if isinstance(value, str) and value.strip() else None


def _term(row: pd.Series, sourced_in: dict[str, str]) -> dict:
    """One language's term: the term and its language, the quote, its English, the link and its words. A kept term
    (no_source_term) is written in its source's language: the language of the row that quotes it, else its script's
    (広義のひきこもり for an Italian reader is Japanese), else none (the page's, rather than a wrong one)."""
    lang = str(row["lang"])
    url = safe_url(row.get("url"))
    quote = _text(row.get("quote"))
    kept = row["status"] == NO_SOURCE_TERM
    locator = _text(row.get("locator"))
    return {
        "lang": lang,
        "language": i18n.NAMES[lang],
        "term": str(row["term"]),
        "term_lang": (sourced_in.get(str(row["term"])) or i18n.quote_language(str(row["term"]), True))
        if kept
        else lang,
        "quote": quote,
        "quote_en": _text(row.get("quote_en")) if quote else None,
        "url": url,
        "where": phrase("glossary.where", locator=locator, host=urlparse(url).hostname) if url and locator else None,
        "no_source": phrase("glossary.no_source_term") if kept else None,
        "term_around": _around(phrase("glossary.term", language=i18n.NAMES[lang], term=MARK)),
        "english_around": _around(say("card.in_english", quote=MARK)),
    }


def glossary_terms(check) -> list[dict]:
    """Per concept, in concepts.csv's order: its label in the reader's language and its term in each language
    (ja, ko, it), each with its quote. Empty when the glossary has problems (the validator names them)."""
    try:
        glossary = check.table(GLOSSARY)
    except Exception:  # DataError, or a package without a glossary: the section is left out, not the page
        return []
    labels = Vocabulary.of(check).concept_labels()
    terms = []
    for concept, label in labels.items():
        rows = glossary[glossary["concept"] == concept]
        sourced = rows[rows["status"] != NO_SOURCE_TERM]
        sourced_in = {str(t): str(lang) for t, lang in zip(sourced["term"], sourced["lang"], strict=True)}
        by_lang = {str(r["lang"]): _term(r, sourced_in) for _, r in rows.iterrows()}
        found = [by_lang[lang] for lang in TRANSLATED if lang in by_lang]
        if found:
            terms.append({"concept": concept, "label": label, "terms": found})
    return terms


def glossary_words() -> dict[str, str]:
    """The section's heading and lead in the reader's language."""
    return {"heading": phrase("glossary.heading"), "intro": phrase("glossary.intro")}
