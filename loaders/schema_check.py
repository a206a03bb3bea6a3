"""Row validation against datapackage.json through the frictionless library.

Frictionless does the checking; this module only feeds it the in-memory text (so nothing on
disk is touched or re-read) and turns its errors into Problems a maintainer can act on.
"""

import copy
import re
from dataclasses import dataclass

from frictionless import Dialect, Package, Resource, Schema

from loaders.cell_rules import NON_FINITE
from loaders.key_lookup import KeyValues, key_table, read_whole, recorder, referenced_fields, references, validation_order
from loaders.package import resource
from loaders.problems import Problem

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
PATTERN_WORDS = {
    "^https?://": "must be a web address starting with http:// or https://",
    "^[0-9]{4}(-": "must be a date written YYYY, YYYY-MM or YYYY-MM-DD",
    "^[a-z0-9]+(-": "must be a lowercase id of letters, digits and single hyphens",
    "^(value|": "must list column names (value, value_low, value_high, rate_pct, rate_low_pct, rate_high_pct) separated by spaces",
    "^[A-Z]+(-": "must be a register id such as JP-CAO-2010",
}


def _constraint_words(note: str, field: dict) -> str:
    """A sentence for a frictionless constraint note such as 'constraint "minimum" is "0"'."""
    match = re.match(r'constraint "(\w+)" is "(.*)"$', note or "", re.S)
    if not match:
        return note or "breaks a rule of the schema"
    kind, value = match.groups()
    constraints = field.get("constraints", {})
    if kind == "enum":
        return "must be one of: " + ", ".join(constraints.get("enum", []))
    if kind == "pattern":
        for prefix, words in PATTERN_WORDS.items():
            if value.startswith(prefix):
                return words
        return f"does not match the pattern {value}"
    if kind == "required":
        return "is required but empty"
    return {
        "minimum": f"must be at least {value}",
        "maximum": f"must be at most {value}",
        "maxLength": f"is longer than {value} characters",
        "minLength": f"is shorter than {value} characters",
        "unique": "must be unique but repeats an earlier row",
    }.get(kind, note)


def _cell(cell: object) -> str:
    text = str(cell)
    return text if len(text) <= 60 else text[:57] + "..."


def _problem(error, name: str, shown_as: str, lines: list[int], fields: dict[str, dict]) -> Problem:
    """One frictionless error as a Problem with the line a person counts."""
    row = getattr(error, "row_number", None)
    line = lines[row - 1] if row and row - 1 < len(lines) else row
    field_name = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    kind = error.type
    if kind == "type-error":
        type_ = fields.get(field_name, {}).get("type", "string")
        return Problem(shown_as, line, field_name, f"'{_cell(cell)}' is not {TYPE_WORDS.get(type_, type_)}")
    if kind == "constraint-error":
        words = _constraint_words(error.note, fields.get(field_name, {}))
        empty = cell in ("", None) or words == "is required but empty"
        return Problem(shown_as, line, field_name, words if empty else f"'{_cell(cell)}' {words}")
    if kind == "unique-error":
        return Problem(shown_as, line, field_name, f"'{_cell(cell)}' is used on an earlier line too: ids must be unique")
    if kind == "primary-key":
        key = resource(name)["schema"].get("primaryKey", [])
        first = re.search(r"position (\d+)", error.note or "")
        earlier = f" (also line {lines[int(first.group(1)) - 1]})" if first and int(first.group(1)) - 1 < len(lines) else ""
        return Problem(shown_as, line, ", ".join(key), f"the same id is used twice{earlier}: ids must be unique")
    if kind == "foreign-key":
        match = re.search(r'for "([^"]+)": values "([^"]*)" not found in the lookup table "([^"]+)"', error.note or "")
        if match:
            column, value, target = match.groups()
            keys = [fk["reference"]["fields"] for fk in resource(name)["schema"].get("foreignKeys", []) if fk["fields"] == column]
            if target == "labels":
                return Problem(shown_as, line, column, f"'{_cell(value)}' has no label in labels.csv: add a row {name},{column},{_cell(value)},<label>")
            return Problem(shown_as, line, column, f"'{_cell(value)}' is not a {keys[0] if keys else column} in {resource(target)['path']}")
        return Problem(shown_as, line, None, error.note)
    if kind in ("extra-cell", "missing-cell"):  # normally found first by loaders.precheck.check_structure
        word = "more" if kind == "extra-cell" else "fewer"
        return Problem(shown_as, line, None, f"this line has {word} cells than the header: a stray comma, or a quote that is not closed?")
    if kind == "blank-row":
        return Problem(shown_as, line, None, "blank line (or a line of empty cells): delete it")
    return Problem(shown_as, line, field_name, error.note or error.message)


def _foreign_field(error) -> str | None:
    """The column a foreign-key error is about, from its note ('for "method": values ...')."""
    match = re.search(r'for "([^"]+)":', error.note or "")
    return match.group(1) if match else None


def _reported(errors: list, name: str, fields: dict[str, dict]) -> list:
    """The errors worth a line each: none echoing another one about the same cell or row."""
    key = resource(name)["schema"].get("primaryKey", [])
    blank = {e.row_number for e in errors if e.type == "blank-row"}
    refused = {(e.row_number, e.field_name) for e in errors if e.type == "constraint-error"}
    kept = []
    for error in errors:
        row, field_name, cell = getattr(error, "row_number", None), getattr(error, "field_name", None), getattr(error, "cell", None)
        if error.type != "blank-row" and row in blank:
            continue  # a blank row's empty id is not a repeated id
        if error.type == "primary-key" and 'all "None"' in (error.note or ""):
            continue  # an empty id: its required-constraint error says so
        if error.type == "foreign-key" and (row, _foreign_field(error)) in refused:
            continue  # a value the enum refuses: its constraint error says what is allowed
        if error.type == "unique-error" and [field_name] == key:
            continue  # the primary-key error says the same and names the earlier line
        if fields.get(field_name, {}).get("type") in ("number", "integer") and str(cell).strip().lower() in NON_FINITE:
            continue  # NaN or inf: loaders.rules.cell_problems explains it once
        kept.append(error)
    return kept


def _resource(name: str, text: str, readable: dict[str, str]) -> Resource:
    """The table as a frictionless resource with our schema: booleans as loaders.frames reads them, and foreign keys
    only into readable tables (a reference to a table that could not be read is skipped: its own problem says why)."""
    descriptor = copy.deepcopy(resource(name)["schema"])
    for field in descriptor["fields"]:
        if field["type"] == "boolean":
            field.update(trueValues=TRUE_VALUES, falseValues=FALSE_VALUES)
    descriptor["foreignKeys"] = [fk for fk in descriptor.get("foreignKeys", []) if fk["reference"]["resource"] in readable]
    return Resource(
        text.encode("utf-8"),
        name=name,
        format="csv",
        encoding="utf-8",
        schema=Schema.from_descriptor(descriptor),
        dialect=Dialect.from_descriptor({"delimiter": ","}),
    )


@dataclass(frozen=True)
class SchemaPlan:
    """How the readable tables are validated: in order, each handed the key values of the tables in earlier[name]
    (those it points into that come before it), recording the fields in wanted[name] when others point at them."""

    resources: dict[str, Resource]
    order: list[str]
    wanted: dict[str, list[str]]
    earlier: dict[str, list[str]]


def schema_plan(texts: dict[str, str]) -> SchemaPlan:
    """The plan for validating these readable tables (name -> text); a table only waits for the tables in earlier."""
    resources = {name: _resource(name, text, texts) for name, text in texts.items()}
    order = validation_order(resources)
    earlier = {name: [target for target in references(resources[name]) if target in order[:position]] for position, name in enumerate(order)}
    return SchemaPlan(resources, order, referenced_fields(resources), earlier)


def table_schema_problems(
    name: str,
    texts: dict[str, str],
    shown_as: str,
    lines: list[int],
    wanted: dict[str, list[str]],
    keys: dict[str, KeyValues],
    table: Resource | None = None,
) -> tuple[list[Problem], KeyValues | None]:
    """Validate one readable table with frictionless, its foreign keys looked up in keys (a referenced table's recorded
    key values) or else in the whole referenced table; its problems, and its own key values when others point into it
    and its validation read every row (None otherwise). The same step whether tables are validated serially or not.
    table: the table's resource (_resource) when the caller has it already."""
    table = table if table is not None else _resource(name, texts[name], texts)
    lookups = [key_table(target, wanted[target], keys[target]) if target in keys else _resource(target, texts[target], texts) for target in references(table)]
    Package(resources=[table, *lookups])
    values: KeyValues = set()
    report = table.validate(on_row=recorder(wanted[name], values) if name in wanted else None)
    fields = {f["name"]: f for f in resource(name)["schema"]["fields"]}
    found = [_problem(e, name, shown_as, lines, fields) for task in report.tasks for e in _reported(task.errors, name, fields)]
    return found, values if name in wanted and read_whole(report) else None


def schema_problems(texts: dict[str, str], shown_as: dict[str, str], lines: dict[str, list[int]]) -> dict[str, list[Problem]]:
    """Validate every readable table with frictionless; problems per table name. Each table is validated in a package
    holding the key values of the tables it points into, recorded while those were validated (loaders.key_lookup)."""
    plan = schema_plan(texts)
    keys: dict[str, KeyValues] = {}
    found: dict[str, list[Problem]] = {}
    for name in plan.order:
        handed = {target: keys[target] for target in plan.earlier[name] if target in keys}
        found[name], recorded = table_schema_problems(name, texts, shown_as[name], lines[name], plan.wanted, handed, plan.resources[name])
        if recorded is not None:
            keys[name] = recorded
    return {name: found[name] for name in texts}
