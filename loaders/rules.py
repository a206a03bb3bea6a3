"""Rules a Table Schema cannot state (across the columns of a row, the rows of one table, or evidence and the rows it
supports), as a table of rules per table. A rule is a pure function of a typed DataFrame returning Problems that name
the CSV line (column _line) and the column to fix; most are made by `where` (a mask and a message) or `each` (a
message read from the row's cells)."""

import math
import re
from collections.abc import Callable
from datetime import date
from functools import cache, partial

import pandas as pd

from core.dates import date_span
from core.derive import wilson_interval
from core.model import CONCEPTS, EVIDENCE, INPUT, LABELS, LINE_COLUMN, TARGETS
from core.package import descriptor, file_name, resource, table_names
from core.problems import Problem

Rule = Callable[[pd.DataFrame, str], list[Problem]]
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
    """True where each of the columns is filled (loaders.tables makes a blank cell missing)."""
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


def _after(first: str, second: str, row: dict) -> str | None:
    """The row's first date is after its second: every day the first can mean is after every day of the second."""
    earlier, later = _span(row[first]), _span(row[second])
    wrong = earlier and later and earlier[0] > later[1]
    return f"{first} {row[first]} is after {second} {row[second]}" if wrong else None


def dates_in_order(*columns: str) -> list[Rule]:
    """Partial dates that must not go backwards, e.g. fieldwork_start <= fieldwork_end <= published."""
    pairs = [(first, second) for i, first in enumerate(columns) for second in columns[i + 1 :]]
    return [each((first, second), first, partial(_after, first, second)) for first, second in pairs]


def _in_future(column: str, row: dict) -> str | None:
    """The row's date is later than today (a typo such as 2062 for 2026)."""
    future = (_span(row[column]) or (date.min,))[0] > date.today()
    return f"{column} {str(row[column])[:10]} is in the future: a typo?" if future else None


def not_in_future(*columns: str) -> list[Rule]:
    """Dates that cannot be later than today."""
    return [each((column,), column, partial(_in_future, column)) for column in columns]


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
    return str(row["derived_fields"]).split() if pd.notna(row.get("derived_fields")) else []


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


def _every_language(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """A concept with a row in some language but not in all of ja, ko, it."""
    named, found = frame[filled(frame, "concept")], []
    every = f"every concept needs a row in each of {', '.join(LANGUAGES)}"
    for concept, rows in named.groupby(named["concept"].astype(str), sort=False):
        if missing := [lang for lang in LANGUAGES if lang not in set(rows["lang"].astype(str))]:
            said = f"concept {concept} has no row for {', '.join(missing)}: {every}"
            found.append(Problem(shown_as, int(rows[LINE_COLUMN].iloc[0]), "lang", said))
    return found


# Reader-facing text is written for readers: a checker's working language is refused in the columns readers see (a
# checker's notes belong in evidence.csv's checker_note, which no page, image or download shows).
_URL = re.compile(r"https?://\S+")
# (pattern, what it is): words that belong to a checker's working notes, never to a reader's.
WORKING_WORDS = (
    (re.compile(r"\bshould become\b", re.I), "should become"),
    (re.compile(r"\bproposed\b", re.I), "proposed"),
    (re.compile(r"\bfixed in\b", re.I), "fixed in"),
    (re.compile(r"\bHEAD\b"), "HEAD"),
    (re.compile(r"commit", re.I), "commit"),
    (re.compile(r"\bworking[- ]tree\b", re.I), "working tree"),
    (re.compile(r"\bmain\b", re.I), "main"),
    (re.compile(r"(?<!resident )\bregister\b", re.I), "register"),
    (re.compile(r"\baudit", re.I), "audit"),
    (re.compile(r"(?<![\w:/.])(?:/[\w.~-]+){2,}|\b[\w-]+\.(?:csv|md|py|json|toml)\b"), "a file path"),
)


def working_words(text: str) -> list[str]:
    """The working-language words a reader's text holds ('should become', 'HEAD', a file path...), in list order."""
    text = _URL.sub(" ", text)
    return [name for pattern, name in WORKING_WORDS if pattern.search(text)]


def plain_words(*columns: str, where: str = "a checker's note in evidence.csv") -> Rule:
    """A rule for columns readers see: a problem per cell using working language, naming it and where it belongs."""

    def rule(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
        found = []
        for column in columns:
            filled = frame[frame[column].notna()]
            for line, text in zip(filled[LINE_COLUMN].tolist(), filled[column].tolist(), strict=True):
                if words := working_words(str(text)):
                    message = (
                        f"readers see {column}, but it uses a checker's working language ({', '.join(words)}): "
                        f"say it in plain words for a reader, and move the working note to {where}"
                    )
                    found.append(Problem(shown_as, int(line), column, message))
        return found

    return rule


# The vocabulary tables (concepts.csv, labels.csv) against the schema: every allowed value labelled exactly once, no
# label for a value the schema does not allow, and the grouping a field needs filled in.
METHOD = ("recluse_estimates", "method")  # the one labelled field whose rows say survey and headline
NOT_ALLOWED = "add it to that field's enum in datapackage.json, or delete this row"


def labelled_fields(target: str) -> dict[tuple[str, str], list[str]]:
    """(resource, field) -> allowed values, for every field with a foreign key to the target table."""
    found = {}
    for res in descriptor()["resources"]:
        fields = {f["name"]: f for f in res["schema"]["fields"]}
        for fk in res["schema"].get("foreignKeys", []):
            allowed = fields[fk["fields"]].get("constraints", {}).get("enum")
            if fk["reference"]["resource"] == target and allowed:  # a coded field; glossary.concept only refers
                found[(res["name"], fk["fields"])] = allowed
    return found


def _unlabelled(shown_as: str, column: str, where: str, values: list[str], add: str) -> list[Problem]:
    """A whole-file problem for each allowed value no row labels."""
    said = f"{where} allows '<value>' (datapackage.json) but no row here labels it: {add}"
    return [Problem(shown_as, None, column, said.replace("<value>", value)) for value in values]


def concepts_match_schema(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """One row per concept recluse_estimates.csv allows, and none for a concept it does not allow."""
    problems = []
    listed = set(frame["concept"].dropna())
    for (name, column), allowed in labelled_fields(CONCEPTS).items():
        where = f"{file_name(name)}'s {column}"
        add = "add a row <value>,<label>,<definition>,<quote_phrase>,<headline_rank>"
        problems += _unlabelled(shown_as, "concept", where, [v for v in allowed if v not in listed], add)
        stray = frame[frame["concept"].notna() & ~frame["concept"].isin(allowed)]
        problems += [
            Problem(shown_as, int(line), "concept", f"'{concept}' is not a value {where} allows: {NOT_ALLOWED}")
            for line, concept in zip(stray[LINE_COLUMN], stray["concept"], strict=True)
        ]
    return problems


def _label_row(row: dict, fields: dict[tuple[str, str], list[str]]) -> list[tuple[str, str]]:
    """The (column, message) problems of one labels.csv row."""
    key, where = (row["resource"], row["field"]), file_name(row["resource"])
    if key not in fields:
        labelled = ", ".join(f"{n}.{c}" for n, c in fields)
        return [("field", f"{where} has no labelled field {row['field']} (labelled: {labelled})")]
    if row["value"] not in fields[key]:
        return [("value", f"'{row['value']}' is not a value {where}'s {row['field']} allows: {NOT_ALLOWED}")]
    if key != METHOD:
        message = f"applies to methods only: leave it empty for {row['field']}"
        return [(column, message) for column in ("survey", "headline") if pd.notna(row[column])]
    found = [(column, "is required for a method: true or false") for column in ("survey", "headline")]
    found = [(column, message) for column, message in found if pd.isna(row[column])]
    if row["headline"] is True and row["survey"] is False:
        found.append(("headline", "a method that is not a survey cannot headline"))
    return found


def labels_match_schema(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """One row per allowed value of each labelled field, none other; survey and headline for methods only."""
    fields = labelled_fields(LABELS)
    problems = []
    for (name, column), allowed in fields.items():
        listed = set(frame.loc[(frame["resource"] == name) & (frame["field"] == column), "value"].dropna())
        missing = [v for v in allowed if v not in listed]
        add = f"add a row {name},{column},<value>,<label>"
        problems += _unlabelled(shown_as, "value", f"{file_name(name)}'s {column}", missing, add)
    rows = frame[frame["resource"].notna() & frame["field"].notna() & frame["value"].notna()]
    for row in rows.to_dict("records"):
        # a resource that is not a table of the package: the schema's enum for resource reports it, with this line
        if row["resource"] in table_names():
            problems += [Problem(shown_as, int(row[LINE_COLUMN]), c, m) for c, m in _label_row(row, fields)]
    return problems


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


def glossary_problems(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """Every rule of glossary.csv in line order."""
    frame = frame.mask(frame.apply(lambda cells: cells.astype("string").str.strip().eq("").fillna(False)))  # blanks
    found = [p for rule in GLOSSARY for p in rule(frame, shown_as)] + _every_language(frame, shown_as)
    return sorted(found, key=lambda p: (p.line is None, p.line or 0, p.column or ""))


def translated_phrase_problems(concepts: pd.DataFrame, glossary: pd.DataFrame, shown_as: str) -> list[Problem]:
    """A concept's quote_phrase_<lang> (concepts.csv) names it with the glossary's term for that language: a
    translation may not coin its own technical term. Compared ignoring case ('Hikikomori' in '... (hikikomori)')."""
    terms = glossary[["concept", "lang", "term"]].astype(str).set_index(["concept", "lang"])["term"].to_dict()
    found = []
    for lang in LANGUAGES:
        column = f"quote_phrase_{lang}"
        rows = concepts[filled(concepts, column)]
        for line, concept, phrase in zip(rows[LINE_COLUMN], rows["concept"], rows[column], strict=True):
            term = terms.get((str(concept), lang))
            if term and term.casefold() not in str(phrase).casefold():
                said = (
                    f"'{short(phrase)}' does not contain '{term}', the glossary's {lang} term for {concept}: "
                    "name the concept with it"
                )
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
    # the rules inside one evidence row; evidence_problems below compares it with the row it supports
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
    "producer_names": [
        in_quote("name", "copy the name exactly as the quote writes it: a name no page uses is never shown"),
        plain_words("note"),
    ],
}


def rule_problems(name: str, frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """Every rule of one table, on the rows with a value (a line of commas is the schema check's blank row)."""
    frame = frame[frame.drop(columns=[LINE_COLUMN]).notna().any(axis=1)]
    return [p for rule in RULES[name] for p in rule(frame, shown_as)]


# Rules between evidence.csv and the rows it supports, run once the whole package is typed: every row has evidence,
# a confirmed quote states the row's figure, and each page is one of its source's.
@cache
def _columns(table: str) -> tuple[dict[str, str], set[str]]:
    """Each column's type, and those a confirmed quote must state exactly (not free text, the maintainer's wording)."""
    fields = resource(table)["schema"]["fields"]
    exact = ("integer", "number", "boolean", "date")
    checked = {f["name"] for f in fields if f["type"] in exact or {"enum", "pattern"} & set(f.get("constraints", {}))}
    return {f["name"]: f["type"] for f in fields}, checked


def _derived_columns(table: str, row: dict) -> set[str]:
    """Columns of a data row that were computed here, so a quote can confirm only their inputs."""
    return set(_listed(row)) | ({"value"} if table == "population" and row.get("status") == "derived" else set())


def _same(stated: str, actual: object, kind: str) -> bool | None:
    """Whether stated_value equals the row's cell; None when stated_value cannot be read as the cell's type."""
    stated = stated.strip()
    if kind in ("integer", "number"):
        try:
            return math.isclose(float(stated.replace(",", "")), float(actual), rel_tol=1e-9, abs_tol=1e-9)
        except ValueError:
            return None
    if kind == "boolean":
        return (stated.lower() == "true") == bool(actual) if stated.lower() in ("true", "false") else None
    return stated == (str(actual)[:10] if kind == "date" else str(actual))


def _unlisted_pages(evidence: pd.DataFrame, sources: pd.DataFrame, shown_as: str) -> list[Problem]:
    """Evidence rows whose page is not among their source's url and other_urls."""
    urls = {}
    for source_id, url, other_urls in zip(sources["source_id"], sources["url"], sources["other_urls"], strict=True):
        urls[str(source_id)] = {url} if pd.notna(url) else set()
        urls[str(source_id)] |= set(str(other_urls).split()) if pd.notna(other_urls) else set()
    found = []
    read = evidence[evidence["url"].notna()]
    for line, url, source_id in zip(read[LINE_COLUMN], read["url"], read["source_id"], strict=True):
        if str(source_id) in urls and url not in urls[str(source_id)]:
            message = (
                f"this page is not a url or other_urls of {source_id} in sources.csv: add it there, so readers can "
                "open it from the source"
            )
            found.append(Problem(shown_as, int(line), "url", message))
    return found


def _compared(quote: dict, row: dict, table: str, row_id: str) -> tuple[str, str] | None:
    """A quote that read a figure against the cell it names: the column to fix and why, or None when they agree."""
    column, status, stated = quote["column"], quote["status"], quote["stated_value"]
    (types, checked), actual = _columns(table), row[column]
    kind = types[column]
    derived = column in _derived_columns(table, row)
    if status == "differs":  # a stale status misleads in any column, text too
        if derived or pd.isna(actual) or not _same(str(stated), actual, kind):
            return None
        why = f"status is differs but stated_value {short(stated)} now equals {row_id}'s {column}: "
        return "status", why + "mark it confirmed and say in note what the quote shows"
    if column not in checked:
        return None
    if derived:
        why = f"{column} of {row_id} is derived here, so a quote cannot confirm it: "
        return "column", why + f"confirm the figures it is derived from with column {INPUT}"
    if pd.isna(actual):
        why = f"{row_id} has no {column}, but this confirmed quote states {short(stated)}: "
        return "stated_value", why + "fill the row, or mark the evidence differs"
    same = _same(str(stated), actual, kind)
    if same is None:
        return "stated_value", f"'{short(stated)}' is not {kind} like {column}"
    shown = str(actual)[:10] if kind == "date" else actual
    why = f"status is confirmed but stated_value {short(stated)} is not {row_id}'s {column} ({shown}): "
    return None if same else ("stated_value", why + "correct the row, or mark the evidence differs")


def cross_problems(
    evidence: pd.DataFrame, frames: dict[str, pd.DataFrame], shown_as: str, broken_lines: dict[str, set[int]]
) -> list[Problem]:
    """Each evidence row against the row it supports, unless that has a problem of its own (its values are unsure)."""
    found = _unlisted_pages(evidence, frames["sources"], shown_as) if "sources" in frames else []
    single = evidence[list(TARGETS)].notna().sum(axis=1).eq(1)
    for target, (table, key) in TARGETS.items():
        if table not in frames or not frames[table][key].is_unique:
            continue  # no table, or ids the primary-key check already reports
        broken, types = broken_lines.get(table, set()), _columns(table)[0]
        rows = {str(row[key]): row for row in frames[table].to_dict("records") if row[LINE_COLUMN] not in broken}
        pointing = evidence[single & evidence[target].notna()]
        for quote in pointing[[LINE_COLUMN, target, "column", "status", "stated_value"]].to_dict("records"):
            row_id, column = str(quote[target]), str(quote["column"])
            if row_id not in rows or column == INPUT:
                continue  # a row the foreign-key check already reports, or one with a problem of its own
            if column not in types:
                why = f"'{short(column)}' is not a column of {resource(table)['path']} (or {INPUT}, for an input of a "
                found.append(Problem(shown_as, int(quote[LINE_COLUMN]), "column", why + "derived number)"))
            elif quote["status"] in READ and pd.notna(quote["stated_value"]):
                problem = _compared({**quote, "column": column}, rows[row_id], table, row_id)
                found += [Problem(shown_as, int(quote[LINE_COLUMN]), *problem)] if problem else []
    return found


def missing_evidence(
    evidence: pd.DataFrame, frames: dict[str, pd.DataFrame], shown_as: dict[str, str]
) -> dict[str, list[Problem]]:
    """Every row of the data tables has an evidence row (a quote, or a not_found row saying where it was looked for)."""
    found: dict[str, list[Problem]] = {}
    for column, (table, key) in TARGETS.items():
        if table in frames:
            frame = frames[table]
            rows = frame[frame[key].notna() & ~frame[key].isin(set(evidence[column].dropna().tolist()))]
            why = "has no evidence row in evidence.csv: add the quote that holds this figure, or a not_found row "
            found[table] = [
                Problem(shown_as[table], int(line), key, f"'{row_id}' {why}saying where it was looked for")
                for row_id, line in zip(rows[key], rows[LINE_COLUMN], strict=True)
            ]
    return found


def evidence_problems(
    frames: dict[str, pd.DataFrame],
    shown_as: dict[str, str],
    skip_lines: dict[str, set[int]],
    flagged_lines: dict[str, set[int]],
) -> dict[str, list[Problem]]:
    """Every rule between evidence and data, per table: skip_lines are not read, rows in flagged_lines not compared."""
    if EVIDENCE not in frames:
        return {}
    evidence = frames[EVIDENCE]
    evidence = evidence[evidence.drop(columns=[LINE_COLUMN]).notna().any(axis=1)]
    usable = evidence[~evidence[LINE_COLUMN].isin(skip_lines.get(EVIDENCE, set()))]
    found = missing_evidence(evidence, frames, shown_as)
    found[EVIDENCE] = cross_problems(usable, frames, shown_as[EVIDENCE], flagged_lines)
    return found
