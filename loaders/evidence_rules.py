"""Rules for evidence.csv: each quote holds its figure, confirms what its row says, and every row has one.

These rules read two tables at once (the evidence row and the row it supports), so they run once the
whole package is typed; like loaders.rules they return Problems naming the file, line and column.
"""

import math
import re
from functools import lru_cache

import pandas as pd

from core.model import EVIDENCE, INPUT, LINE_COLUMN, TARGETS
from core.package import resource
from core.problems import Problem

READ = ("confirmed", "differs")  # statuses that mean the figure was read on a page
# Scripts that are not English: a quote in them needs a translation beside it.
NEEDS_TRANSLATION = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u1100-\u11ff\uff66-\uff9f]")


def _short(text: object, limit: int = 40) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _problem(shown_as: str, row: dict, column: str, message: str) -> Problem:
    return Problem(shown_as, int(row[LINE_COLUMN]), column, message)


def _where(evidence: pd.DataFrame, mask: pd.Series, shown_as: str, column: str, message: str) -> list[Problem]:
    """The same problem on every evidence row the mask selects (a missing value in the mask selects none)."""
    return [
        Problem(shown_as, int(line), column, message)
        for line in evidence.loc[mask.fillna(False).astype(bool), LINE_COLUMN]
    ]


# What a status needs: the columns a read figure must fill, and why a note is needed.
REQUIRED_WHEN_READ = (
    ("url", "the page it was read on"),
    ("quote", "the sentence or table cell that holds the figure, verbatim"),
    ("as_written", "the figure exactly as the quote writes it"),
    ("stated_value", "what the figure means in the row's unit"),
    ("locator", "where on the page (section, table, heading)"),
)
NOTE_NEEDED = {
    "differs": "what the page says instead, and why the row keeps or changes its value",
    "not_found": "where the figure was looked for",
}


def row_problems(evidence: pd.DataFrame, shown_as: str) -> list[Problem]:
    """Rules inside one evidence row: one target, what each status needs, and the quote holding as_written."""
    present = evidence.notna()
    status = evidence["status"]
    found = _where(
        evidence,
        present[list(TARGETS)].sum(axis=1).ne(1),
        shown_as,
        "estimate_id",
        "fill exactly one of " + ", ".join(TARGETS),
    )
    for state in READ:
        for column, meaning in REQUIRED_WHEN_READ:
            found += _where(
                evidence,
                status.eq(state) & ~present[column],
                shown_as,
                column,
                f"status is {state}, so {column} is required: {meaning}",
            )
    for state, why in NOTE_NEEDED.items():
        found += _where(
            evidence,
            status.eq(state) & ~present["note"],
            shown_as,
            "note",
            f"status is {state}, so note is required: {why}",
        )
    found += _where(
        evidence,
        status.eq("not_found") & present["quote"],
        shown_as,
        "quote",
        "status is not_found, so quote must be empty: a quote means the figure was read",
    )
    quoted = evidence[present["quote"] & present["as_written"]]
    for line, written, quote in zip(quoted[LINE_COLUMN], quoted["as_written"], quoted["quote"], strict=True):
        if str(written) not in str(quote):
            message = f"'{_short(written)}' does not appear in quote: copy the figure exactly as the quote writes it"
            found.append(Problem(shown_as, int(line), "as_written", message))
    untranslated = evidence[present["quote"] & ~present["quote_en"]]
    for line, quote in zip(untranslated[LINE_COLUMN], untranslated["quote"], strict=True):
        if NEEDS_TRANSLATION.search(str(quote)):
            found.append(
                Problem(
                    shown_as,
                    int(line),
                    "quote_en",
                    "the quote is not in English: give an English translation in quote_en",
                )
            )
    return found


@lru_cache(maxsize=16)
def _field_types(table: str) -> dict[str, str]:
    return {f["name"]: f["type"] for f in resource(table)["schema"]["fields"]}


@lru_cache(maxsize=16)
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
    derived = (
        set(str(row.get("derived_fields") or "").split())
        if "derived_fields" in row and pd.notna(row["derived_fields"])
        else set()
    )
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
    for source_id, url, other_urls in zip(sources["source_id"], sources["url"], sources["other_urls"], strict=True):
        listed = {url} if pd.notna(url) else set()
        listed |= set(str(other_urls).split()) if pd.notna(other_urls) else set()
        urls[str(source_id)] = listed
    return urls


def _unlisted_pages(evidence: pd.DataFrame, sources: pd.DataFrame, shown_as: str) -> list[Problem]:
    """Evidence rows whose page is not among their source's url and other_urls."""
    read = evidence[evidence["url"].notna()]
    named = {str(source_id) for source_id in read["source_id"]}
    # only the sources these rows name (str(NA) is '<NA>', as _source_urls keys a source with no id)
    sources = sources[
        sources["source_id"].isin(named).fillna(False) | (sources["source_id"].isna() & ("<NA>" in named))
    ]
    urls = _source_urls(sources)
    found = []
    for line, url, source_id in zip(read[LINE_COLUMN], read["url"], read["source_id"], strict=True):
        if str(source_id) in urls and url not in urls[str(source_id)]:
            message = f"this page is not a url or other_urls of {source_id} in sources.csv: add it there, so readers can open it from the source"
            found.append(Problem(shown_as, int(line), "url", message))
    return found


def _compared(row: dict, data_row: dict, table: str, row_id: str, column: str, shown_as: str) -> Problem | None:
    """A confirmed quote's stated_value against the cell it confirms: the problem, or None when they agree."""
    types = _field_types(table)
    if column in _derived_columns(table, data_row):
        return _problem(
            shown_as,
            row,
            "column",
            f"{column} of {row_id} is derived here, so a quote cannot confirm it: confirm the figures it is derived from with column {INPUT}",
        )
    actual = data_row[column]
    if pd.isna(actual):
        return _problem(
            shown_as,
            row,
            "stated_value",
            f"{row_id} has no {column}, but this confirmed quote states {_short(row['stated_value'])}: fill the row, or mark the evidence differs",
        )
    same = _same(str(row["stated_value"]), actual, types[column])
    if same is None:
        return _problem(
            shown_as, row, "stated_value", f"'{_short(row['stated_value'])}' is not {types[column]} like {column}"
        )
    if not same:
        shown = str(actual)[:10] if types[column] == "date" else actual
        return _problem(
            shown_as,
            row,
            "stated_value",
            f"status is confirmed but stated_value {_short(row['stated_value'])} "
            f"is not {row_id}'s {column} ({shown}): correct the row, or mark the evidence differs",
        )
    return None


def _stale(row: dict, data_row: dict, table: str, row_id: str, column: str, shown_as: str) -> Problem | None:
    """A differs quote whose stated_value now equals the row's cell: the row was corrected, the status was not."""
    actual = data_row[column]
    if column in _derived_columns(table, data_row) or pd.isna(actual):
        return None
    if not _same(str(row["stated_value"]), actual, _field_types(table)[column]):
        return None
    return _problem(
        shown_as,
        row,
        "status",
        f"status is differs but stated_value {_short(row['stated_value'])} now equals {row_id}'s {column}: "
        "mark it confirmed and say in note what the quote shows",
    )


def cross_problems(
    evidence: pd.DataFrame,
    frames: dict[str, pd.DataFrame],
    shown_as: str,
    broken_lines: dict[str, set[int]] | None = None,
) -> list[Problem]:
    """Rules between an evidence row and the row it supports: the column exists, a confirmed figure is the
    row's figure, a derived figure is confirmed through its inputs, and the page is one of the source's.
    A data row with a schema problem of its own is not compared (its typed values are unreliable until fixed)."""
    broken_lines = broken_lines or {}
    found = _unlisted_pages(evidence, frames["sources"], shown_as) if "sources" in frames else []
    filled = evidence[list(TARGETS)].notna()
    single = filled.sum(axis=1).eq(1)
    for target, (table, key) in TARGETS.items():
        if table not in frames or not frames[table][key].is_unique:
            continue  # no table, or ids the primary-key check already reports
        frame = frames[table]
        position = {str(row_id): i for i, row_id in enumerate(frame[key].tolist())}
        data_lines = frame[LINE_COLUMN].tolist()
        broken = broken_lines.get(table, set())
        types, checked = _field_types(table), _checked_columns(table)
        pointing = evidence[single & filled[target]]
        # only rows the loop below can report or compare: a column the table lacks, or a confirmed figure of a checked column
        named, read = pointing["column"], pointing["status"].isin(READ).fillna(False)
        unknown = ~named.isin([*types, INPUT]).fillna(False)
        # a confirmed figure is compared only in checked columns; a differs one in any (a stale status in a text column
        # misleads as much)
        compared = named.isin(list(checked)).fillna(False) | pointing["status"].eq("differs").fillna(False)
        stating = named.ne(INPUT).fillna(True) & read & pointing["stated_value"].notna() & compared
        pointing = pointing[unknown | stating]
        to_compare = []
        for line, target_id, named, status, stated in zip(
            pointing[LINE_COLUMN],
            pointing[target],
            pointing["column"],
            pointing["status"],
            pointing["stated_value"],
            strict=True,
        ):
            row_id, column = str(target_id), str(named)
            at = position.get(row_id)
            if at is None or int(data_lines[at]) in broken:
                continue  # a row the foreign-key check already reports, or one with a problem of its own
            if column != INPUT and column not in types:
                message = f"'{_short(column)}' is not a column of {resource(table)['path']} (or {INPUT}, for an input of a derived number)"
                found.append(Problem(shown_as, int(line), "column", message))
            elif column != INPUT and status in READ and pd.notna(stated) and (column in checked or status == "differs"):
                to_compare.append((line, row_id, column, stated, at, status))
        # only the rows a confirmed quote states a figure of, as plain dicts (typed as a whole table's to_dict would give them)
        wanted = sorted({at for *_, at, _status in to_compare})
        data_rows = dict(zip(wanted, frame.iloc[wanted].to_dict("records"), strict=True))
        for line, row_id, column, stated, at, status in to_compare:
            row = {LINE_COLUMN: line, "stated_value": stated}
            if status == "differs":
                problem = _stale(row, data_rows[at], table, row_id, column, shown_as)
            else:
                problem = _compared(row, data_rows[at], table, row_id, column, shown_as)
            if problem is not None:
                found.append(problem)
    return found


def missing_evidence(
    evidence: pd.DataFrame, frames: dict[str, pd.DataFrame], shown_as: dict[str, str]
) -> dict[str, list[Problem]]:
    """Every row of the four data tables has at least one evidence row (a quote, or a not_found row saying where it was looked for)."""
    found: dict[str, list[Problem]] = {}
    for column, (table, key) in TARGETS.items():
        if table not in frames:
            continue
        covered = set(
            evidence[column].dropna().tolist()
        )  # a Python set: Series.isin converts each value to Arrow and back
        frame = frames[table]
        rows = frame[
            [
                filled and row_id not in covered
                for filled, row_id in zip(frame[key].notna().tolist(), frame[key].tolist(), strict=True)
            ]
        ]
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
    frames: dict[str, pd.DataFrame],
    shown_as: dict[str, str],
    skip_lines: dict[str, set[int]],
    flagged_lines: dict[str, set[int]],
) -> dict[str, list[Problem]]:
    """Every evidence rule, per table name. Evidence lines with a schema problem get that problem only, and data rows
    that already have a problem (flagged_lines) are not compared with their quotes until fixed: one mistake, one message."""
    if EVIDENCE not in frames:
        return {}
    evidence = frames[EVIDENCE]
    evidence = evidence[evidence.drop(columns=[LINE_COLUMN]).notna().any(axis=1)]
    usable = evidence[~evidence[LINE_COLUMN].isin(skip_lines.get(EVIDENCE, set()))]
    found = missing_evidence(evidence, frames, shown_as)
    found[EVIDENCE] = row_problems(usable, shown_as[EVIDENCE]) + cross_problems(
        usable, frames, shown_as[EVIDENCE], flagged_lines
    )
    return found
