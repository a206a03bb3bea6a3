"""Rules between evidence.csv and the rows it supports, run once the whole package is typed: every row has evidence,
a confirmed quote states the row's figure, and each page is one of its source's."""

import math
from functools import cache

import pandas as pd

from core.model import EVIDENCE, INPUT, LINE_COLUMN, TARGETS
from core.package import resource
from core.problems import Problem
from loaders.rules import READ, short


@cache
def _columns(table: str) -> tuple[dict[str, str], set[str]]:
    """Each column's type, and those a confirmed quote must state exactly (not free text, the maintainer's wording)."""
    fields = resource(table)["schema"]["fields"]
    exact = ("integer", "number", "boolean", "date")
    checked = {f["name"] for f in fields if f["type"] in exact or {"enum", "pattern"} & set(f.get("constraints", {}))}
    return {f["name"]: f["type"] for f in fields}, checked


def _derived_columns(table: str, row: dict) -> set[str]:
    """Columns of a data row that were computed here, so a quote can confirm only their inputs."""
    derived = set(str(row["derived_fields"]).split()) if pd.notna(row.get("derived_fields")) else set()
    return derived | ({"value"} if table == "population" and row.get("status") == "derived" else set())


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
