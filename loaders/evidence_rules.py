"""Rules for evidence.csv: each quote holds its figure, confirms what its row says, and every row has one.

These rules read two tables at once (the evidence row and the row it supports), so they run once the
whole package is typed; like loaders.rules they return Problems naming the file, line and column.
"""

import math
import re

import pandas as pd

from loaders.frames import LINE_COLUMN
from loaders.package import resource
from loaders.problems import Problem

EVIDENCE = "evidence"
# evidence.csv column -> (table it points into, that table's id column)
TARGETS = {
    "estimate_id": ("recluse_estimates", "estimate_id"),
    "homelessness_row_id": ("youth_homelessness", "row_id"),
    "health_row_id": ("isolation_health_risks", "row_id"),
    "population_id": ("population", "population_id"),
}
INPUT = "input"  # the quote holds an input of a number derived here
READ = ("confirmed", "differs")  # statuses that mean the figure was read on a page
# Scripts that are not English: a quote in them needs a translation beside it.
NEEDS_TRANSLATION = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u1100-\u11ff\uff66-\uff9f]")


def _short(text: object, limit: int = 40) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _problem(shown_as: str, row: dict, column: str, message: str) -> Problem:
    return Problem(shown_as, int(row[LINE_COLUMN]), column, message)


def target_of(row: dict) -> tuple[str, str, str] | None:
    """(evidence column, table, row id) of the one data row an evidence row supports, or None."""
    filled = [(column, *TARGETS[column]) for column in TARGETS if pd.notna(row.get(column))]
    if len(filled) != 1:
        return None
    column, table, _ = filled[0]
    return column, table, str(row[column])


def row_problems(evidence: pd.DataFrame, shown_as: str) -> list[Problem]:
    """Rules inside one evidence row: one target, what each status needs, and the quote holding as_written."""
    found = []
    for row in evidence.to_dict("records"):
        if sum(pd.notna(row[c]) for c in TARGETS) != 1:
            found.append(_problem(shown_as, row, "estimate_id", "fill exactly one of " + ", ".join(TARGETS)))
        status = row["status"]
        if status in READ:
            for column, meaning in (
                ("url", "the page it was read on"),
                ("quote", "the sentence or table cell that holds the figure, verbatim"),
                ("as_written", "the figure exactly as the quote writes it"),
                ("stated_value", "what the figure means in the row's unit"),
                ("locator", "where on the page (section, table, heading)"),
            ):
                if pd.isna(row[column]):
                    found.append(_problem(shown_as, row, column, f"status is {status}, so {column} is required: {meaning}"))
        if status in ("differs", "not_found") and pd.isna(row["note"]):
            why = "what the page says instead, and why the row keeps or changes its value" if status == "differs" else "where the figure was looked for"
            found.append(_problem(shown_as, row, "note", f"status is {status}, so note is required: {why}"))
        if status == "not_found" and pd.notna(row["quote"]):
            found.append(_problem(shown_as, row, "quote", "status is not_found, so quote must be empty: a quote means the figure was read"))
        if pd.notna(row["quote"]) and pd.notna(row["as_written"]) and str(row["as_written"]) not in str(row["quote"]):
            found.append(
                _problem(shown_as, row, "as_written", f"'{_short(row['as_written'])}' does not appear in quote: copy the figure exactly as the quote writes it")
            )
        if pd.notna(row["quote"]) and NEEDS_TRANSLATION.search(str(row["quote"])) and pd.isna(row["quote_en"]):
            found.append(_problem(shown_as, row, "quote_en", "the quote is not in English: give an English translation in quote_en"))
    return found


def _field_types(table: str) -> dict[str, str]:
    return {f["name"]: f["type"] for f in resource(table)["schema"]["fields"]}


def _checked_columns(table: str) -> set[str]:
    """Columns whose cell a confirmed quote must state exactly: numbers, booleans, dates and coded values.
    Free text (comparison, population, note) is the maintainer's wording, so a quote supports it without repeating it."""
    return {
        f["name"]
        for f in resource(table)["schema"]["fields"]
        if f["type"] in ("integer", "number", "boolean", "date") or {"enum", "pattern"} & set(f.get("constraints", {}))
    }


def _derived_columns(table: str, row: dict) -> set[str]:
    """Columns of a data row that were computed here, so a quote can confirm only their inputs."""
    derived = set(str(row.get("derived_fields") or "").split()) if "derived_fields" in row and pd.notna(row["derived_fields"]) else set()
    if table == "population" and row.get("status") == "derived":
        derived.add("value")
    return derived


def _same(stated: str, actual: object, kind: str) -> bool | None:
    """Whether stated_value equals the row's cell; None when stated_value cannot be read as the cell's type."""
    stated = stated.strip()
    if kind in ("integer", "number"):
        try:
            number = float(stated.replace(",", ""))
        except ValueError:
            return None
        return math.isclose(number, float(actual), rel_tol=1e-9, abs_tol=1e-9)
    if kind == "boolean":
        if stated.lower() not in ("true", "false"):
            return None
        return (stated.lower() == "true") == bool(actual)
    if kind == "date":
        return stated == str(actual)[:10]
    return stated == str(actual)


def _source_urls(sources: pd.DataFrame) -> dict[str, set[str]]:
    urls = {}
    for source in sources.to_dict("records"):
        listed = {source["url"]} if pd.notna(source["url"]) else set()
        listed |= set(str(source["other_urls"]).split()) if pd.notna(source["other_urls"]) else set()
        urls[str(source["source_id"])] = listed
    return urls


def cross_problems(evidence: pd.DataFrame, frames: dict[str, pd.DataFrame], shown_as: str, broken_lines: dict[str, set[int]] | None = None) -> list[Problem]:
    """Rules between an evidence row and the row it supports: the column exists, a confirmed figure is the
    row's figure, a derived figure is confirmed through its inputs, and the page is one of the source's.
    A data row with a schema problem of its own is not compared (its typed values are unreliable until fixed)."""
    broken_lines = broken_lines or {}
    found = []
    # each table's rows by id, as plain dicts: a dictionary lookup per quote, not a pandas .loc (a fifth of a second on the real data)
    indexed = {
        table: {str(r[key]): r for r in frames[table].to_dict("records")} for table, key in TARGETS.values() if table in frames and frames[table][key].is_unique
    }
    urls = _source_urls(frames["sources"]) if "sources" in frames else None
    for row in evidence.to_dict("records"):
        if urls is not None and pd.notna(row["url"]) and str(row["source_id"]) in urls and row["url"] not in urls[str(row["source_id"])]:
            found.append(
                _problem(
                    shown_as,
                    row,
                    "url",
                    f"this page is not a url or other_urls of {row['source_id']} in sources.csv: add it there, so readers can open it from the source",
                )
            )
        target = target_of(row)
        if target is None or target[1] not in indexed or target[2] not in indexed[target[1]]:
            continue  # no target, or one the foreign-key check already reports
        _, table, row_id = target
        data_row = indexed[table][row_id]
        if int(data_row[LINE_COLUMN]) in broken_lines.get(table, set()):
            continue
        column = str(row["column"])
        types = _field_types(table)
        if column != INPUT and column not in types:
            found.append(
                _problem(
                    shown_as, row, "column", f"'{_short(column)}' is not a column of {resource(table)['path']} (or {INPUT}, for an input of a derived number)"
                )
            )
            continue
        if column == INPUT or row["status"] != "confirmed" or pd.isna(row["stated_value"]) or column not in _checked_columns(table):
            continue
        if column in _derived_columns(table, data_row):
            found.append(
                _problem(
                    shown_as,
                    row,
                    "column",
                    f"{column} of {row_id} is derived here, so a quote cannot confirm it: confirm the figures it is derived from with column {INPUT}",
                )
            )
            continue
        actual = data_row[column]
        if pd.isna(actual):
            found.append(
                _problem(
                    shown_as,
                    row,
                    "stated_value",
                    f"{row_id} has no {column}, but this confirmed quote states {_short(row['stated_value'])}: fill the row, or mark the evidence differs",
                )
            )
            continue
        same = _same(str(row["stated_value"]), actual, types[column])
        if same is None:
            found.append(_problem(shown_as, row, "stated_value", f"'{_short(row['stated_value'])}' is not {types[column]} like {column}"))
        elif not same:
            shown = str(actual)[:10] if types[column] == "date" else actual
            found.append(
                _problem(
                    shown_as,
                    row,
                    "stated_value",
                    f"status is confirmed but stated_value {_short(row['stated_value'])} "
                    f"is not {row_id}'s {column} ({shown}): correct the row, or mark the evidence differs",
                )
            )
    return found


def missing_evidence(evidence: pd.DataFrame, frames: dict[str, pd.DataFrame], shown_as: dict[str, str]) -> dict[str, list[Problem]]:
    """Every row of the four data tables has at least one evidence row (a quote, or a not_found row saying where it was looked for)."""
    found: dict[str, list[Problem]] = {}
    for column, (table, key) in TARGETS.items():
        if table not in frames:
            continue
        covered = set(evidence[column].dropna().astype(str))
        frame = frames[table]
        rows = frame[frame[key].notna() & ~frame[key].astype(str).isin(covered)]
        found[table] = [
            Problem(
                shown_as[table],
                int(line),
                key,
                f"'{row_id}' has no evidence row in evidence.csv: add the quote that holds this figure, or a not_found row saying where it was looked for",
            )
            for row_id, line in zip(rows[key], rows[LINE_COLUMN], strict=True)
        ]
    return found


def evidence_problems(
    frames: dict[str, pd.DataFrame], shown_as: dict[str, str], skip_lines: dict[str, set[int]], flagged_lines: dict[str, set[int]]
) -> dict[str, list[Problem]]:
    """Every evidence rule, per table name. Evidence lines with a schema problem get that problem only, and data rows
    that already have a problem (flagged_lines) are not compared with their quotes until fixed: one mistake, one message."""
    if EVIDENCE not in frames:
        return {}
    evidence = frames[EVIDENCE]
    evidence = evidence[evidence.drop(columns=[LINE_COLUMN]).notna().any(axis=1)]
    usable = evidence[~evidence[LINE_COLUMN].isin(skip_lines.get(EVIDENCE, set()))]
    found = missing_evidence(evidence, frames, shown_as)
    found[EVIDENCE] = row_problems(usable, shown_as[EVIDENCE]) + cross_problems(usable, frames, shown_as[EVIDENCE], flagged_lines)
    return found
