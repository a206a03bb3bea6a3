"""The vocabulary tables (concepts.csv, labels.csv) against the schema: every allowed value labelled exactly once,
no label for a value the schema does not allow, and the grouping a field needs filled in."""

import pandas as pd

from core.model import CONCEPTS, LABELS, LINE_COLUMN
from core.package import descriptor, file_name, table_names
from core.problems import Problem

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
