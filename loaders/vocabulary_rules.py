"""The vocabulary tables (concepts.csv, labels.csv) against the schema: every allowed value labelled exactly once,
no label for a value the schema does not allow, and the grouping a field needs filled in."""

import pandas as pd

from core.model import CONCEPTS, LABELS, LINE_COLUMN
from core.package import descriptor, file_name, table_names
from core.problems import Problem

METHOD = ("recluse_estimates", "method")  # the one labelled field whose rows say survey and headline


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
    return [
        Problem(
            shown_as,
            None,
            column,
            f"{where} allows '{value}' (datapackage.json) but no row here labels it: " + add.replace("<value>", value),
        )
        for value in values
    ]


def concepts_match_schema(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """One row per concept recluse_estimates.csv allows, and none for a concept it does not allow."""
    problems = []
    for (name, column), allowed in labelled_fields(CONCEPTS).items():
        where = f"{file_name(name)}'s {column}"
        listed = set(frame["concept"].dropna())
        problems += _unlabelled(
            shown_as,
            "concept",
            where,
            [v for v in allowed if v not in listed],
            "add a row <value>,<label>,<definition>,<quote_phrase>,<headline_rank>",
        )
        stray = frame["concept"].notna() & ~frame["concept"].isin(allowed)
        problems += [
            Problem(
                shown_as,
                int(r[LINE_COLUMN]),
                "concept",
                f"'{r['concept']}' is not a value {where} allows: add it to that field's enum in datapackage.json, or delete this row",
            )
            for r in frame[stray].to_dict("records")
        ]
    return problems


def labels_match_schema(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """One row per allowed value of each labelled field; no row for another field or a value its field does not allow;
    survey and headline filled for methods only, and a headline method is a survey."""
    fields = labelled_fields(LABELS)
    problems = []
    for (name, column), allowed in fields.items():
        rows = frame[(frame["resource"] == name) & (frame["field"] == column)]
        listed = set(rows["value"].dropna())
        problems += _unlabelled(
            shown_as,
            "value",
            f"{file_name(name)}'s {column}",
            [v for v in allowed if v not in listed],
            f"add a row {name},{column},<value>,<label>",
        )
    for r in frame[frame["resource"].notna() & frame["field"].notna() & frame["value"].notna()].to_dict("records"):
        key, line = (r["resource"], r["field"]), int(r[LINE_COLUMN])
        if r["resource"] not in table_names():
            continue  # not a table of the package: the schema's enum for resource reports it, with this line
        if key not in fields:
            problems.append(
                Problem(
                    shown_as,
                    line,
                    "field",
                    f"{file_name(r['resource'])} has no labelled field {r['field']} (labelled: {', '.join(f'{n}.{c}' for n, c in fields)})",
                )
            )
        elif r["value"] not in fields[key]:
            problems.append(
                Problem(
                    shown_as,
                    line,
                    "value",
                    f"'{r['value']}' is not a value {file_name(r['resource'])}'s {r['field']} allows: "
                    "add it to that field's enum in datapackage.json, or delete this row",
                )
            )
        elif key == METHOD:
            for column in ("survey", "headline"):
                if pd.isna(r[column]):
                    problems.append(Problem(shown_as, line, column, "is required for a method: true or false"))
            if r["headline"] is True and r["survey"] is False:
                problems.append(Problem(shown_as, line, "headline", "a method that is not a survey cannot headline"))
        else:
            for column in ("survey", "headline"):
                if pd.notna(r[column]):
                    problems.append(
                        Problem(shown_as, line, column, f"applies to methods only: leave it empty for {r['field']}")
                    )
    return problems
