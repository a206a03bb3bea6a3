"""Row validation against datapackage.json by frictionless, fed the text in memory and the key values of the tables
it points into; its errors become Problems a maintainer can act on."""

import copy
import re

from frictionless import Dialect, Package, Resource, Schema

from core.package import resource
from core.problems import Problem
from loaders.cell_rules import NON_FINITE
from loaders.precheck import Records

# The values loaders.frames reads as booleans; frictionless would also take 1 and 0, which the frame cannot.
TRUE_VALUES = ["true", "True", "TRUE"]
FALSE_VALUES = ["false", "False", "FALSE"]

TYPE_WORDS = {
    "integer": "a whole number (no commas, spaces or decimals)",
    "number": "a number (use a dot for decimals, no commas or % sign)",
    "boolean": "true or false",
    "date": "a date written YYYY-MM-DD",
    "string": "text",
}
# A foreign-key error's note: 'for "method": values "x" not found in the lookup table "labels" as ...'.
FOREIGN_NOTE = re.compile(r'for "([^"]+)": values "([^"]*)" not found in the lookup table "([^"]+)"')
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


def _foreign_key(note: str | None, name: str) -> tuple[str | None, str | None]:
    """The column and words for a foreign-key error's note ('for "method": values "x" not found in ...')."""
    match = FOREIGN_NOTE.search(note or "")
    if not match:
        return None, note
    column, value, target = match.groups()
    keys = [
        fk["reference"]["fields"] for fk in resource(name)["schema"].get("foreignKeys", []) if fk["fields"] == column
    ]
    if target == "labels":
        return column, f"'{_cell(value)}' has no label in labels.csv: add a row {name},{column},{_cell(value)},<label>"
    return column, f"'{_cell(value)}' is not a {keys[0] if keys else column} in {resource(target)['path']}"


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
    if kind == "foreign-key":
        return _foreign_key(error.note, name)
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
    refused = {(e.row_number, e.field_name) for e in errors if e.type == "constraint-error"}
    kept = []
    for error in errors:
        row, field_name, cell = (getattr(error, attribute, None) for attribute in ("row_number", "field_name", "cell"))
        if error.type != "blank-row" and row in blank:
            continue  # a blank row's empty id is not a repeated id
        if error.type == "primary-key" and 'all "None"' in (error.note or ""):
            continue  # an empty id: its required-constraint error says so
        if error.type == "foreign-key" and (row, _foreign_key(error.note, name)[0]) in refused:
            continue  # a value the enum refuses: its constraint error says what is allowed
        if error.type == "unique-error" and [field_name] == key:
            continue  # the primary-key error says the same and names the earlier line
        if fields.get(field_name, {}).get("type") in ("number", "integer") and str(cell).strip().lower() in NON_FINITE:
            continue  # NaN or inf: loaders.rules.cell_problems explains it once
        kept.append(error)
    return kept


def _resource(name: str, text: str, targets: dict[str, Records]) -> Resource:
    """The table as a frictionless resource: booleans as loaders.frames reads them, foreign keys into targets only."""
    descriptor = copy.deepcopy(resource(name)["schema"])
    for field in descriptor["fields"]:
        if field["type"] == "boolean":
            field.update(trueValues=TRUE_VALUES, falseValues=FALSE_VALUES)
    descriptor["foreignKeys"] = [
        fk for fk in descriptor.get("foreignKeys", []) if fk["reference"]["resource"] in targets
    ]
    schema, dialect = Schema.from_descriptor(descriptor), Dialect.from_descriptor({"delimiter": ","})
    return Resource(text.encode("utf-8"), name=name, format="csv", encoding="utf-8", schema=schema, dialect=dialect)


class _Rows(list):
    """Inline rows never changed once made: frictionless copies a resource for each lookup, and the copy shares them."""

    def __deepcopy__(self, memo: dict) -> "_Rows":
        return self


def key_table(name: str, fields: list[str], records: Records) -> Resource:
    """The distinct values of a table's referenced (string) fields, inline, so no lookup reads the whole table again."""
    columns = [records.header.index(field) for field in fields]
    values = {tuple((row[i] if i < len(row) else "") or None for i in columns) for row in records.rows}
    values.discard((None,) * len(fields))
    schema = Schema.from_descriptor({"fields": [{"name": field, "type": "any"} for field in fields]})
    return Resource(data=_Rows([list(fields), *map(list, values)]), name=name, schema=schema)


def schema_problems(
    name: str, text: str, shown_as: str, starts: list[int], targets: dict[str, Records]
) -> list[Problem]:
    """One table's types, constraints and keys (into the readable targets); starts name each record's first line."""
    table = _resource(name, text, targets)
    wanted: dict[str, list[str]] = {}
    for fk in table.schema.foreign_keys:
        target = fk["reference"]["resource"]
        wanted[target] = list(dict.fromkeys(wanted.get(target, []) + list(fk["reference"]["fields"])))
    Package(resources=[table, *(key_table(target, fields, targets[target]) for target, fields in wanted.items())])
    fields = {f["name"]: f for f in resource(name)["schema"]["fields"]}
    errors = [error for task in table.validate().tasks for error in _reported(task.errors, name, fields)]
    return [_problem(error, name, shown_as, starts, fields) for error in errors]
