"""Rules for glossary.csv: a term the sources use is shown in its quote, and every concept is named in every language.

A pure function of the typed glossary frame, in the style of loaders.rules: it returns Problems naming the
file, the CSV line (column _line) and the column to fix. The Table Schema checks types, enums and the
(concept, lang) key; these are the rules across columns and rows it cannot state.
"""

import pandas as pd

from core.model import LINE_COLUMN
from core.problems import Problem

LANGUAGES = ("ja", "ko", "it")  # the languages the glossary names every concept in
SOURCED = "sourced"  # a source in that language uses the term for the concept: quote shows it
NO_SOURCE_TERM = "no_source_term"  # no source in that language names the concept: term kept in its original language
REQUIRED_WHEN_SOURCED = (
    ("quote", "the sentence, verbatim, that uses the term"),
    ("url", "the page the quote was read on"),
)
EMPTY_WHEN_NO_SOURCE_TERM = ("quote", "url")


def _short(text: object, limit: int = 40) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _filled(frame: pd.DataFrame, column: str) -> pd.Series:
    """True where the cell holds something other than blanks."""
    if column not in frame:
        return pd.Series(False, index=frame.index)
    values = frame[column]
    return values.notna() & values.astype("string").str.strip().ne("").fillna(False)


def _where(frame: pd.DataFrame, mask: pd.Series, shown_as: str, column: str, message: str) -> list[Problem]:
    """The same problem on every row the mask selects."""
    return [
        Problem(shown_as, int(line), column, message)
        for line in frame.loc[mask.fillna(False).astype(bool), LINE_COLUMN]
    ]


def _term_in_quote(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    rows = frame[frame["status"].eq(SOURCED).fillna(False) & _filled(frame, "term") & _filled(frame, "quote")]
    found = []
    for line, term, quote in zip(rows[LINE_COLUMN], rows["term"], rows["quote"], strict=True):
        if str(term) not in str(quote):
            message = f"'{_short(term)}' does not appear in quote: a sourced term must be written exactly as the quote writes it"
            found.append(Problem(shown_as, int(line), "term", message))
    return found


def _every_language(frame: pd.DataFrame, shown_as: str, concepts: list[str] | None) -> list[Problem]:
    """A concept with a row in some language but not in all of ja, ko, it (or, given the concepts, with no row at all)."""
    named = frame[_filled(frame, "concept")]
    languages: dict[str, set[str]] = {}
    first_line: dict[str, int] = {}
    for line, concept, lang in zip(named[LINE_COLUMN], named["concept"], named["lang"], strict=True):
        languages.setdefault(str(concept), set()).add(str(lang))
        first_line.setdefault(str(concept), int(line))
    found = []
    for concept in sorted(languages, key=first_line.get):
        missing = [lang for lang in LANGUAGES if lang not in languages[concept]]
        if missing:
            message = f"concept {concept} has no row for {', '.join(missing)}: every concept needs a row in each of {', '.join(LANGUAGES)}"
            found.append(Problem(shown_as, first_line[concept], "lang", message))
    for concept in concepts or []:
        if concept not in languages:
            message = f"concept {concept} has no row: every concept in concepts.csv needs a row in each of {', '.join(LANGUAGES)}"
            found.append(Problem(shown_as, None, "concept", message))
    return found


def glossary_problems(frame: pd.DataFrame, shown_as: str, concepts: list[str] | None = None) -> list[Problem]:
    """Every cross-column and cross-row rule of glossary.csv.

    - a sourced row needs a quote and a url, and its term must appear verbatim in its quote;
    - a no_source_term row has no quote (and no url) and a note saying why;
    - every concept named in the glossary has a row for each of ja, ko and it. Given `concepts` (the keys of
      concepts.csv), a concept with no row at all is refused too, with no line (the whole file).
    """
    status = frame["status"]
    found = []
    for column, meaning in REQUIRED_WHEN_SOURCED:
        mask = status.eq(SOURCED) & ~_filled(frame, column)
        found += _where(frame, mask, shown_as, column, f"status is sourced, so {column} is required: {meaning}")
    found += _term_in_quote(frame, shown_as)
    for column in EMPTY_WHEN_NO_SOURCE_TERM:
        mask = status.eq(NO_SOURCE_TERM) & _filled(frame, column)
        message = f"status is no_source_term, so {column} must be empty: a quote means a source in this language uses the term (status sourced)"
        found += _where(frame, mask, shown_as, column, message)
    mask = status.eq(NO_SOURCE_TERM) & ~_filled(frame, "note")
    found += _where(
        frame,
        mask,
        shown_as,
        "note",
        "status is no_source_term, so note is required: say why no source in this language names the concept",
    )
    found += _every_language(frame, shown_as, concepts)
    return sorted(found, key=lambda p: (p.line is None, p.line or 0, p.column or ""))


def translated_phrase_problems(concepts: pd.DataFrame, glossary: pd.DataFrame, shown_as: str) -> list[Problem]:
    """A concept's quote_phrase_<lang> (concepts.csv) must name it with the glossary's term for that language: a
    translation may not coin its own technical term. Compared ignoring case ('Hikikomori' in '... (hikikomori)')."""
    terms = {
        (str(c), str(lang)): str(t)
        for c, lang, t in zip(glossary["concept"], glossary["lang"], glossary["term"], strict=True)
    }
    found = []
    for lang in LANGUAGES:
        column = f"quote_phrase_{lang}"
        rows = concepts[_filled(concepts, column)]
        for line, concept, phrase in zip(rows[LINE_COLUMN], rows["concept"], rows.get(column, []), strict=True):
            term = terms.get((str(concept), lang))
            if term and term.casefold() not in str(phrase).casefold():
                message = f"'{_short(phrase)}' does not contain '{term}', the glossary's {lang} term for {concept}: name the concept with it"
                found.append(Problem(shown_as, int(line), column, message))
    return found
