"""Cells against datapackage.json: row validation by frictionless, fed the text in memory and the key values of the
tables it points into, its errors made Problems a maintainer can act on; then cell text a schema type accepts but
readers must never get: NaN/inf numbers, digits Python reads and pandas does not, HTML, Markdown links or images, and
spreadsheet formulas."""

import copy
import re
from bisect import bisect_right
from itertools import accumulate, zip_longest

from frictionless import Dialect, Resource, Schema

from core.package import resource
from core.problems import Problem
from loaders.precheck import Records

HTML_TAG = re.compile(r"<\s*[a-zA-Z!/?]")
MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\s*\(")
FORMULA_SIGNS = ("=", "+", "-", "@")  # a stripped cell starting so is refused; downloads also escape tab and CR
NON_FINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}
URL_FIELDS = {"url", "other_urls"}
SEPARATOR = "\x00"  # between the cells of a joined column: loaders.precheck refuses text holding it
# A cell with none of these has no problem: a number cell of ASCII digits, dots, signs and exponents only; a text cell
# without '<' or '[' that starts with a letter or digit (which strip() keeps, so no formula sign can come first).
NUMBER_SUSPECT = re.compile(r"[^0-9.eE+\-\x00]")
TEXT_SUSPECT = re.compile(r"<|\[|\x00[^A-Za-z0-9\x00]")


def number_problem(value: str) -> str | None:
    """What is wrong with a number cell's stripped text, or None."""
    if value.lower() in NON_FINITE:
        return f"'{value}' is not a number: leave the cell empty if it is unknown"
    try:
        float(value)  # Python (so frictionless) reads full-width digits and 1_000; the typed table would not
    except ValueError:
        return None
    if value.isascii() and "_" not in value:
        return None
    why = "retype it in half-width digits, without underscores or spaces"
    return f"'{value}' is not written with the digits 0-9 only: {why}"


def text_problem(value: str) -> str | None:
    """What is wrong with a text cell's stripped text, or None."""
    if HTML_TAG.search(value):
        return "contains HTML markup ('<' followed by a tag): text cells are plain text"
    if MARKDOWN_LINK.search(value):
        return "contains a Markdown link or image: put web addresses in sources.csv"
    if value.startswith(FORMULA_SIGNS):
        return f"starts with '{value[0]}', which spreadsheets run as a formula: reword the cell"
    return None


def cell_problems(name: str, records: Records, shown_as: str) -> list[Problem]:
    """The problem cells, column by column: each searched once, joined, for the characters such a cell must hold."""
    types = {f["name"]: f["type"] for f in resource(name)["schema"]["fields"]}
    found = []
    for column, cells in zip(records.header, zip_longest(*records.rows, fillvalue=""), strict=False):
        if types.get(column) in ("number", "integer"):
            pattern, problem = NUMBER_SUSPECT, number_problem
        elif types.get(column) == "string" and column not in URL_FIELDS:
            pattern, problem = TEXT_SUSPECT, text_problem
        else:
            continue
        starts = list(accumulate((len(cell) + 1 for cell in cells), initial=0))  # where each cell's separator is
        suspects = {bisect_right(starts, m.start()) - 1 for m in pattern.finditer(SEPARATOR + SEPARATOR.join(cells))}
        for index in sorted(suspects):
            if (value := cells[index].strip()) and (message := problem(value)):
                found.append(Problem(shown_as, records.lines[index], column, message))
    return found


# The values loaders.tables reads as booleans; frictionless would also take 1 and 0, which the frame cannot.
TRUE_VALUES = ["true", "True", "TRUE"]
FALSE_VALUES = ["false", "False", "FALSE"]

TYPE_WORDS = {
    "integer": "a whole number (no commas, spaces or decimals)",
    "number": "a number (use a dot for decimals, no commas or % sign)",
    "boolean": "true or false",
    "date": "a date written YYYY-MM-DD",
    "string": "text",
}
CONSTRAINT_WORDS = {
    "required": "is required but empty",
    "minimum": "must be at least {}",
    "maximum": "must be at most {}",
    "maxLength": "is longer than {} characters",
    "minLength": "is shorter than {} characters",
    "unique": "must be unique but repeats an earlier row",
}
PATTERN_WORDS = {
    "^https?://": "must be a web address starting with http:// or https://",
    "^[0-9]{4}(-": "must be a date written YYYY, YYYY-MM or YYYY-MM-DD",
    "^[a-z0-9]+(-": "must be a lowercase id of letters, digits and single hyphens",
    "^(value|": "must list column names (value, value_low, value_high, rate_pct, rate_low_pct, rate_high_pct) "
    "separated by spaces",
    "^[A-Z]+(-": "must be a register id such as JP-CAO-2010",
}


def _constraint_words(note: str, field: dict) -> str:
    """A sentence for a frictionless constraint note such as 'constraint "minimum" is "0"'."""
    match = re.match(r'constraint "(\w+)" is "(.*)"$', note or "", re.S)
    if not match:
        return note or "breaks a rule of the schema"
    kind, value = match.groups()
    if kind == "enum":
        return "must be one of: " + ", ".join(field.get("constraints", {}).get("enum", []))
    if kind == "pattern":
        said = (words for prefix, words in PATTERN_WORDS.items() if value.startswith(prefix))
        return next(said, f"does not match the pattern {value}")
    return CONSTRAINT_WORDS[kind].format(value) if kind in CONSTRAINT_WORDS else note


def _cell(cell: object) -> str:
    text = str(cell)
    return text if len(text) <= 60 else text[:57] + "..."


def _words(error, name: str, lines: list[int], fields: dict[str, dict]) -> tuple[str | None, str]:
    """The column and a maintainer's words for one frictionless error."""
    field_name, cell, kind = getattr(error, "field_name", None), getattr(error, "cell", None), error.type
    if kind == "type-error":
        type_ = fields.get(field_name, {}).get("type", "string")
        return field_name, f"'{_cell(cell)}' is not {TYPE_WORDS.get(type_, type_)}"
    if kind == "constraint-error":
        words = _constraint_words(error.note, fields.get(field_name, {}))
        empty = cell in ("", None) or words == "is required but empty"
        return field_name, words if empty else f"'{_cell(cell)}' {words}"
    if kind == "unique-error":
        return field_name, f"'{_cell(cell)}' is used on an earlier line too: ids must be unique"
    if kind == "primary-key":
        first = re.search(r"position (\d+)", error.note or "")
        at = int(first.group(1)) - 1 if first else len(lines)
        earlier = f" (also line {lines[at]})" if at < len(lines) else ""
        key = ", ".join(resource(name)["schema"].get("primaryKey", []))
        return key, f"the same id is used twice{earlier}: ids must be unique"
    if kind == "blank-row":
        return None, "blank line (or a line of empty cells): delete it"
    return field_name, error.note or error.message


def _problem(error, name: str, shown_as: str, lines: list[int], fields: dict[str, dict]) -> Problem:
    """One frictionless error as a Problem with the line a person counts."""
    row = getattr(error, "row_number", None)
    line = lines[row - 1] if row and row - 1 < len(lines) else row
    return Problem(shown_as, line, *_words(error, name, lines, fields))


def _reported(errors: list, name: str, fields: dict[str, dict]) -> list:
    """The errors worth a line each: none echoing another one about the same cell or row."""
    key = resource(name)["schema"].get("primaryKey", [])
    blank = {e.row_number for e in errors if e.type == "blank-row"}
    kept = []
    for error in errors:
        row, field_name, cell = (getattr(error, attribute, None) for attribute in ("row_number", "field_name", "cell"))
        if error.type != "blank-row" and row in blank:
            continue  # a blank row's empty id is not a repeated id
        if error.type == "primary-key" and 'all "None"' in (error.note or ""):
            continue  # an empty id: its required-constraint error says so
        if error.type == "unique-error" and [field_name] == key:
            continue  # the primary-key error says the same and names the earlier line
        if fields.get(field_name, {}).get("type") in ("number", "integer") and str(cell).strip().lower() in NON_FINITE:
            continue  # NaN or inf: cell_problems explains it once
        kept.append(error)
    return kept


def _resource(name: str, text: str) -> Resource:
    """The table as a frictionless resource: booleans as loaders.tables reads them; foreign keys are key_problems'."""
    descriptor = copy.deepcopy(resource(name)["schema"])
    for field in descriptor["fields"]:
        if field["type"] == "boolean":
            field.update(trueValues=TRUE_VALUES, falseValues=FALSE_VALUES)
    descriptor.pop("foreignKeys", None)
    schema, dialect = Schema.from_descriptor(descriptor), Dialect.from_descriptor({"delimiter": ","})
    return Resource(text.encode("utf-8"), name=name, format="csv", encoding="utf-8", schema=schema, dialect=dialect)


def key_problems(
    name: str, records: Records, shown_as: str, targets: dict[str, Records], refused: set
) -> list[Problem]:
    """Cells naming a key their target table lacks, compared as frictionless's foreign-key check compares them (the
    text as written, an empty cell pointing nowhere); none where the enum already refuses the value (refused)."""
    found = []
    for fk in resource(name)["schema"].get("foreignKeys", []):
        column, target, key = fk["fields"], fk["reference"]["resource"], fk["reference"]["fields"]
        if target not in targets:
            continue  # a table that cannot be read: its own problems say why
        at, key_at = records.header.index(column), targets[target].header.index(key)
        keys = {row[key_at] for row in targets[target].rows}
        for line, row in zip(records.lines, records.rows, strict=True):
            if (value := row[at]) and value not in keys and (line, column) not in refused:
                cell = _cell(value)
                said = f"'{cell}' is not a {key} in {resource(target)['path']}"
                if target == "labels":
                    said = f"'{cell}' has no label in labels.csv: add a row {name},{column},{cell},<label>"
                found.append(Problem(shown_as, line, column, said))
    return found


def schema_problems(
    name: str, text: str, shown_as: str, records: Records, targets: dict[str, Records]
) -> list[Problem]:
    """One table's types, constraints and keys (into the readable targets)."""
    fields = {f["name"]: f for f in resource(name)["schema"]["fields"]}
    errors = _reported(_resource(name, text).validate().tasks[0].errors, name, fields)
    found = [_problem(error, name, shown_as, records.starts, fields) for error in errors]
    refused = {(p.line, p.column) for p, e in zip(found, errors, strict=True) if e.type == "constraint-error"}
    return found + key_problems(name, records, shown_as, targets, refused)
