"""Rules a Table Schema cannot state (across the columns of a row, or the rows of one table), as a table of rules per
table. A rule is a pure function of a typed DataFrame returning Problems that name the CSV line (column _line) and the
column to fix; most are made by `where` (a mask and a message) or `each` (a message read from the row's cells)."""

import re
from collections.abc import Callable
from datetime import date

import pandas as pd

from core.dates import date_span
from core.derive import wilson_interval
from core.model import LINE_COLUMN, TARGETS
from core.problems import Problem
from loaders.reader_words import Rule, plain_words
from loaders.vocabulary_rules import concepts_match_schema, labels_match_schema

Mask = Callable[[pd.DataFrame], pd.Series]
Message = str | Callable[[dict], str | None]
WILSON_TOLERANCE = 0.01  # percentage points: stored bounds are rounded to 2 decimals
LANGUAGES = ("ja", "ko", "it")  # the languages the glossary names every concept in
# Scripts that are not English: a quote in them needs a translation beside it.
NEEDS_TRANSLATION = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u1100-\u11ff\uff66-\uff9f]")
BOUNDS = ("value_low", "value_high", "rate_low_pct", "rate_high_pct")
READ = ("confirmed", "differs")  # evidence statuses that mean the figure was read on a page


def short(text: object, limit: int = 40) -> str:
    """A cell cut to fit in a message."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _num(value: object) -> str:
    """A number as a maintainer typed it: 900000, 1.34."""
    number = float(value)
    return f"{int(number)}" if number.is_integer() else f"{number:g}"


def _span(value: object) -> tuple[date, date] | None:
    """The first and last day a partial date (or a typed one) can mean; None when it is not a date (the schema says)."""
    try:
        return (value.date(), value.date()) if hasattr(value, "date") else date_span(value)
    except ValueError:
        return None


def filled(frame: pd.DataFrame, *columns: str) -> pd.Series:
    """True where each of the columns is filled (loaders.frames makes a blank cell missing)."""
    return frame[list(columns)].notna().all(axis=1)


def flag(frame: pd.DataFrame, mask: pd.Series, shown_as: str, column: str, message: Message, reads=()) -> list[Problem]:
    """The problem on each row the mask selects: a text, or a function of its cells (reads) saying None if fine."""
    selected = mask.fillna(False).to_numpy(dtype=bool)
    if not selected.any():
        return []  # most rules select no row: nothing to copy
    if isinstance(message, str):
        return [Problem(shown_as, int(line), column, message) for line in frame[LINE_COLUMN][selected].tolist()]
    columns = [LINE_COLUMN, *reads] if reads else list(frame.columns)
    cells = zip(*(frame[c][selected].tolist() for c in columns), strict=True)  # as to_dict("records") gives them
    said = ((row[LINE_COLUMN], message(row)) for row in (dict(zip(columns, c, strict=True)) for c in cells))
    return [Problem(shown_as, int(line), column, text) for line, text in said if text]


def where(mask: Mask, column: str, message: Message, reads: tuple[str, ...] = ()) -> Rule:
    """A rule: flag the rows the mask selects."""
    return lambda frame, shown_as: flag(frame, mask(frame), shown_as, column, message, reads)


def each(columns: tuple[str, ...], column: str, message: Callable[[dict], str | None], only: Mask = None) -> Rule:
    """A rule: message(row) on each row with every one of the columns filled (and that only selects)."""
    return where(lambda f: filled(f, *columns) & (True if only is None else only(f)), column, message, columns)


def not_above(low: str, high: str, only: Mask = None) -> Rule:
    """low <= high wherever both are present (and only selects the row)."""

    def said(row: dict) -> str | None:
        return f"{low} {_num(row[low])} is above {high} {_num(row[high])}" if row[low] > row[high] else None

    return each((low, high), low, said, only)


def ordered(low: str, mid: str, high: str) -> list[Rule]:
    """low <= mid <= high wherever both sides of a comparison are present (low <= high when mid is empty)."""
    return [not_above(low, mid), not_above(mid, high), not_above(low, high, only=lambda f: f[mid].isna())]


def dates_in_order(*columns: str) -> list[Rule]:
    """Partial dates that must not go backwards, e.g. fieldwork_start <= fieldwork_end <= published."""

    def before(first: str, second: str) -> Rule:
        def said(row: dict) -> str | None:
            earlier, later = _span(row[first]), _span(row[second])
            wrong = earlier and later and earlier[0] > later[1]
            return f"{first} {row[first]} is after {second} {row[second]}" if wrong else None

        return each((first, second), first, said)

    return [before(first, second) for i, first in enumerate(columns) for second in columns[i + 1 :]]


def not_in_future(*columns: str) -> list[Rule]:
    """Dates that cannot be later than today (a typo such as 2062 for 2026)."""

    def later(column: str) -> Rule:
        def said(row: dict) -> str | None:
            future = (_span(row[column]) or (date.min,))[0] > date.today()
            return f"{column} {str(row[column])[:10]} is in the future: a typo?" if future else None

        return each((column,), column, said)

    return [later(column) for column in columns]


def exactly_one(*columns: str) -> Rule:
    """A link row points at exactly one row: one of the columns filled."""
    said = "fill exactly one of " + ", ".join(columns)
    return where(lambda f: f[list(columns)].notna().sum(axis=1).ne(1), columns[0], said)


def needs_a_figure(*columns: str) -> Rule:
    """At least one of the figure columns is filled."""
    said = "row has no figure: fill " + " or ".join(columns)
    return where(lambda f: f[list(columns)].isna().all(axis=1), columns[0], said)


def both_or_neither(low: str, high: str) -> list[Rule]:
    """A confidence interval has both ends or none."""
    said = f"{low} and {high} go together: fill both or neither"
    return [where(lambda f, a=a, b=b: f[a].isna() & f[b].notna(), a, said) for a, b in ((low, high), (high, low))]


def status_needs(status: str, column: str, why: str, empty: bool = False) -> Rule:
    """A row of this status fills the column (or, given empty, leaves it empty)."""
    said = f"status is {status}, so {column} {'must be empty' if empty else 'is required'}: {why}"
    return where(lambda f: f["status"].eq(status) & (filled(f, column) == empty), column, said)


def in_quote(part: str, why: str, only: Mask = None) -> Rule:
    """The part is written in the row's quote exactly as there (a figure, a term)."""

    def said(row: dict) -> str | None:
        return None if str(row[part]) in str(row["quote"]) else f"'{short(row[part])}' does not appear in quote: {why}"

    return each((part, "quote"), part, said, only)


def interval_matches_bounds(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """interval says what the bounds are: none exactly when there are no bounds, and so on."""
    lows, highs = (frame[f"value_{side}"].notna() | frame[f"rate_{side}_pct"].notna() for side in ("low", "high"))
    pairs = filled(frame, "value_low", "value_high") | filled(frame, "rate_low_pct", "rate_high_pct")
    checks = [
        (["none"], lows | highs, "interval is none but a bound is filled: name the interval or clear the bound"),
        (
            ["published_ci95", "derived_ci95", "range"],
            ~pairs,
            "interval needs both bounds: value_low and value_high, or rate_low_pct and rate_high_pct",
        ),
        (["lower_bound"], ~lows, "interval is lower_bound but value_low (or rate_low_pct) is empty"),
        (["lower_bound"], highs, "interval is lower_bound, so value_high and rate_high_pct must be empty"),
        (["upper_bound"], ~highs, "interval is upper_bound but value_high (or rate_high_pct) is empty"),
        (["upper_bound"], lows, "interval is upper_bound, so value_low and rate_low_pct must be empty"),
    ]
    interval = frame["interval"]
    return [
        p for kinds, mask, why in checks for p in flag(frame, interval.isin(kinds) & mask, shown_as, "interval", why)
    ]


def _derived(frame: pd.DataFrame) -> pd.Series:
    return frame["interval"].eq("derived_ci95")


def _listed(row: dict) -> list[str]:
    return str(row["derived_fields"]).split() if pd.notna(row["derived_fields"]) else []


def _unlisted_bounds(row: dict) -> str | None:
    """A derived_ci95 interval lists its bound columns in derived_fields."""
    missing = [column for column in BOUNDS if pd.notna(row[column]) and column not in _listed(row)]
    return "interval is derived_ci95, so derived_fields must list " + " ".join(missing) if missing else None


def _empty_listed(row: dict) -> str | None:
    """derived_fields names filled columns only."""
    empty = [column for column in _listed(row) if column in row and pd.isna(row[column])]
    return f"derived_fields names {' '.join(empty)}, which is empty" if empty else None


def _wilson(row: dict) -> str | None:
    """A derived_ci95 rate interval equals the Wilson interval from cases and sample_size."""
    cases, size, rate_low, rate_high = row["cases"], row["sample_size"], row["rate_low_pct"], row["rate_high_pct"]
    if not 0 <= cases <= size:
        return None
    low, high = wilson_interval(int(cases), int(size))
    if abs(rate_low - low) <= WILSON_TOLERANCE and abs(rate_high - high) <= WILSON_TOLERANCE:
        return None
    wilson = f"the Wilson 95% interval from {cases} of {size} ({low:.2f}–{high:.2f})"
    return f"rate interval {_num(rate_low)}–{_num(rate_high)} does not match {wilson}"


def _year(row: dict) -> str | None:
    """year is the year of reference_date."""
    if (span := _span(row["reference_date"])) and span[0].year != row["year"]:
        return f"year {row['year']} does not match reference_date {row['reference_date']}"
    return None


def _accessed(row: dict) -> str | None:
    """A page cannot be read before it was published."""
    if (published := _span(row["published"])) and row["accessed"].date() < published[0]:
        return f"accessed {row['accessed'].date()} is before published {row['published']}"
    return None


def _untranslated(row: dict) -> str | None:
    """A quote in a script that is not English has an English translation beside it."""
    found = NEEDS_TRANSLATION.search(str(row["quote"]))
    return "the quote is not in English: give an English translation in quote_en" if found else None


def _every_language(frame: pd.DataFrame, shown_as: str, concepts: list[str] | None) -> list[Problem]:
    """A concept with a row in some language but not in all of ja, ko, it (given concepts, also one with no row)."""
    named, languages, first_line = frame[filled(frame, "concept")], {}, {}
    for line, concept, lang in zip(named[LINE_COLUMN], named["concept"], named["lang"], strict=True):
        languages.setdefault(str(concept), set()).add(str(lang))
        first_line.setdefault(str(concept), int(line))
    every, found = ", ".join(LANGUAGES), []
    for concept in sorted(languages, key=first_line.get):
        if missing := [lang for lang in LANGUAGES if lang not in languages[concept]]:
            said = (
                f"concept {concept} has no row for {', '.join(missing)}: every concept needs a row in each of {every}"
            )
            found.append(Problem(shown_as, first_line[concept], "lang", said))
    for concept in [c for c in concepts or [] if c not in languages]:
        said = f"concept {concept} has no row: every concept in concepts.csv needs a row in each of {every}"
        found.append(Problem(shown_as, None, "concept", said))
    return found


NO_SOURCE = "a quote means a source in this language uses the term (status sourced)"
GLOSSARY = [
    status_needs("sourced", "quote", "the sentence, verbatim, that uses the term"),
    status_needs("sourced", "url", "the page the quote was read on"),
    in_quote(
        "term", "a sourced term must be written exactly as the quote writes it", lambda f: f["status"].eq("sourced")
    ),
    status_needs("no_source_term", "quote", NO_SOURCE, empty=True),
    status_needs("no_source_term", "url", NO_SOURCE, empty=True),
    status_needs("no_source_term", "note", "say why no source in this language names the concept"),
]


def glossary_problems(frame: pd.DataFrame, shown_as: str, concepts: list[str] | None = None) -> list[Problem]:
    """Every rule of glossary.csv in line order, with `concepts` (concepts.csv's keys) one with no row at all too."""
    frame = frame.mask(frame.apply(lambda cells: cells.astype("string").str.strip().eq("").fillna(False)))  # blanks
    found = [p for rule in GLOSSARY for p in rule(frame, shown_as)] + _every_language(frame, shown_as, concepts)
    return sorted(found, key=lambda p: (p.line is None, p.line or 0, p.column or ""))


def translated_phrase_problems(concepts: pd.DataFrame, glossary: pd.DataFrame, shown_as: str) -> list[Problem]:
    """A concept's quote_phrase_<lang> (concepts.csv) names it with the glossary's term for that language: a
    translation may not coin its own technical term. Compared ignoring case ('Hikikomori' in '... (hikikomori)')."""
    terms = {
        (str(c), str(lang)): str(t)
        for c, lang, t in zip(glossary["concept"], glossary["lang"], glossary["term"], strict=True)
    }
    found = []
    for lang in LANGUAGES:
        column = f"quote_phrase_{lang}"
        rows = concepts[filled(concepts, column)] if column in concepts else concepts.iloc[0:0]
        for line, concept, phrase in zip(rows[LINE_COLUMN], rows["concept"], rows.get(column, []), strict=True):
            term = terms.get((str(concept), lang))
            if term and term.casefold() not in str(phrase).casefold():
                said = f"'{short(phrase)}' does not contain '{term}', the glossary's {lang} term for {concept}: name the concept with it"
                found.append(Problem(shown_as, int(line), column, said))
    return found


REQUIRED_WHEN_READ = (
    ("url", "the page it was read on"),
    ("quote", "the sentence or table cell that holds the figure, verbatim"),
    ("as_written", "the figure exactly as the quote writes it"),
    ("stated_value", "what the figure means in the row's unit"),
    ("locator", "where on the page (section, table, heading)"),
)
AGES, YEAR = not_above("age_min", "age_max"), each(("year", "reference_date"), "year", _year)
RULES: dict[str, list[Rule]] = {
    "sources": [
        each(("published", "accessed"), "accessed", _accessed),
        *not_in_future("published", "accessed"),
        plain_words("note"),
    ],
    "recluse_estimates": [
        needs_a_figure("value", "rate_pct", "value_low", "value_high"),
        *ordered("value_low", "value", "value_high"),
        *ordered("rate_low_pct", "rate_pct", "rate_high_pct"),
        interval_matches_bounds,
        where(_derived, "derived_fields", _unlisted_bounds, ("derived_fields", *BOUNDS)),
        where(
            lambda f: filled(f, "derived_fields") & f["derivation"].isna(),
            "derivation",
            "derived_fields is filled: say how in derivation",
        ),
        where(lambda f: filled(f, "derived_fields"), "derived_fields", _empty_listed),
        each(("cases", "sample_size", "rate_low_pct", "rate_high_pct"), "rate_low_pct", _wilson, _derived),
        not_above("cases", "sample_size"),
        AGES,
        *dates_in_order("fieldwork_start", "fieldwork_end", "published"),
        *not_in_future("fieldwork_start", "published"),
        plain_words("note"),
    ],
    "youth_homelessness": [
        needs_a_figure("value", "rate_pct"),
        *ordered("value_low", "value", "value_high"),
        AGES,
        YEAR,
        plain_words("note"),
    ],
    "isolation_health_risks": [
        *ordered("ci_low", "value", "ci_high"),
        *both_or_neither("ci_low", "ci_high"),
        plain_words("comparison", "population", "note"),
    ],
    "population": [AGES, YEAR, plain_words("note")],
    "claims": [plain_words("traced_origin", "explanation")],
    "claim_evidence": [exactly_one("estimate_id", "homelessness_row_id", "health_row_id", "source_id")],
    # the rules inside one evidence row; loaders.evidence_rules compares it with the row it supports
    "evidence": [
        exactly_one(*TARGETS),
        *(status_needs(status, column, why) for status in READ for column, why in REQUIRED_WHEN_READ),
        status_needs("differs", "note", "what the page says instead, and why the row keeps or changes its value"),
        status_needs("not_found", "note", "where the figure was looked for"),
        status_needs("not_found", "quote", "a quote means the figure was read", empty=True),
        in_quote("as_written", "copy the figure exactly as the quote writes it"),
        each(("quote",), "quote_en", _untranslated, lambda f: ~filled(f, "quote_en")),
        plain_words("note", where="evidence.csv's checker_note"),
    ],
    "concepts": [concepts_match_schema, plain_words("definition")],
    "labels": [labels_match_schema],
    "glossary": [glossary_problems, plain_words("label", "definition", "note")],
}


def rule_problems(name: str, frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """Every rule of one table, on the rows with a value (a line of commas is the schema check's blank row)."""
    frame = frame[frame.drop(columns=[LINE_COLUMN]).notna().any(axis=1)]
    return [p for rule in RULES[name] for p in rule(frame, shown_as)]
