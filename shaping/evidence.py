"""Where it says so: the quotes behind the rows shown, each row's evidence status, and the package's coverage."""

import re

import pandas as pd

from core.dates import pretty
from core.model import INPUT, TARGETS
from shaping.numbers import clauses, listed
from shaping.words import phrase, phrase_n

# Evidence on these columns says whether a row's figure was read on a page; ages or dates alone do not.
FIGURE_COLUMNS = {"value", "rate_pct", "value_low", "value_high", "ci_low", "ci_high", INPUT}
STATUS_ORDER = ["confirmed", "differs", "not_found"]


def with_row_id(evidence: pd.DataFrame) -> pd.DataFrame:
    """Evidence with row_id (the data row it supports, whatever its table) and table."""
    ids = pd.Series(pd.NA, index=evidence.index, dtype="string")
    tables = pd.Series(pd.NA, index=evidence.index, dtype="string")
    for column, (table, _) in TARGETS.items():
        present = evidence[column].notna()
        ids = ids.mask(present, evidence[column])
        tables = tables.mask(present, table)
    return evidence.assign(row_id=ids, table=tables)


def row_status(evidence: pd.DataFrame) -> pd.Series:
    """Each supported row's status for its figure: confirmed if any quote confirms it, else differs, else not_found."""
    figures = with_row_id(evidence)
    figures = figures[figures["column"].isin(FIGURE_COLUMNS)]
    rank = figures["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    best = figures.assign(_rank=rank).sort_values("_rank").groupby("row_id", sort=False)["status"].first()
    return best.astype("string")


def read_on_a_page(evidence: pd.DataFrame) -> set[str]:
    """Ids of the rows whose figure was read on a page
    (confirmed, or read with a difference the row's note explains)."""
    status = row_status(evidence)
    return set(status[status.isin(["confirmed", "differs"])].index)


ID_COLUMNS = ("estimate_id", "row_id", "population_id")


def row_ids(rows: pd.DataFrame) -> pd.Series:
    """Each row's data-row id, whichever id column its table uses (a claim's figure mixes estimates and other rows)."""
    ids = pd.Series(pd.NA, index=rows.index, dtype="string")
    for column in ID_COLUMNS:
        if column in rows:
            ids = ids.fillna(rows[column].astype("string"))
    return ids


def shown_ids(rows: pd.DataFrame) -> list[str]:
    """The data-row ids of a figure's rows, in the order shown."""
    return row_ids(rows).dropna().astype(str).tolist()


def row_labels(rows: pd.DataFrame, label_column: str) -> dict[str, str]:
    """Data-row id -> the label the chart and table use for it."""
    ids = row_ids(rows)
    present = ids.notna()
    return dict(zip(ids[present].astype(str), rows.loc[present, label_column].astype(str), strict=True))


def quotes_for(rows: pd.DataFrame, evidence: pd.DataFrame) -> pd.DataFrame:
    """The evidence rows behind the rows shown, in the order shown (quotes first, then figures not found)."""
    ids = shown_ids(rows)
    found = with_row_id(evidence)
    found = found[found["row_id"].isin(ids)]
    order = {row_id: i for i, row_id in enumerate(ids)}
    return (
        found.assign(
            _order=found["row_id"].map(order), _status=found["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
        )
        .sort_values(["_order", "_status", "evidence_id"])
        .drop(columns=["_order", "_status"])
    )


def unread_rows(rows: pd.DataFrame, evidence: pd.DataFrame, read: set[str] | None = None) -> list[str]:
    """Ids of the rows shown whose figure no readable page holds (`read`: read_on_a_page(evidence), if already made)."""
    read = read_on_a_page(evidence) if read is None else read
    return [row_id for row_id in shown_ids(rows) if row_id not in read]


def coverage(tables: dict[str, pd.DataFrame], evidence: pd.DataFrame) -> pd.DataFrame:
    """Per table: rows, and how many are confirmed, read with a difference, or found on no readable page."""
    status = row_status(evidence)
    records = []
    for table, key in TARGETS.values():
        if table not in tables:
            continue
        ids = tables[table][key].astype(str)
        statuses = ids.map(status).fillna("not_found")
        records.append({"table": table, "rows": len(ids), **{s: int(statuses.eq(s).sum()) for s in STATUS_ORDER}})
    return pd.DataFrame(records, columns=["table", "rows", *STATUS_ORDER])


def coverage_sentence(counts: pd.DataFrame) -> str:
    """'148 of 152 figures confirmed on a readable page; 1 read with a difference explained in its note;
    3 marked unconfirmed.'"""
    total, confirmed = int(counts["rows"].sum()), int(counts["confirmed"].sum())
    differs, missing = int(counts["differs"].sum()), int(counts["not_found"].sum())
    parts = [phrase_n("evidence.confirmed", total, confirmed=f"{confirmed:,}", total=f"{total:,}")]
    if differs:
        parts.append(phrase_n("evidence.read_differs", differs, count=f"{differs:,}"))
    if missing:
        parts.append(phrase_n("evidence.unconfirmed", missing, count=f"{missing:,}"))
    else:
        parts.append(phrase("evidence.none_unconfirmed"))
    return phrase("evidence.coverage", parts=clauses(parts))


def confirmed_by_source(evidence: pd.DataFrame) -> pd.Series:
    """For each source, how many data rows have a figure confirmed on its pages."""
    confirmed = with_row_id(evidence)
    confirmed = confirmed[confirmed["status"].eq("confirmed") & confirmed["column"].isin(FIGURE_COLUMNS)]
    return confirmed.groupby("source_id")["row_id"].nunique().astype("int64")


# The order a reader wants a row's quotes in: the figure first, then its bounds and inputs, then the rest.
COLUMN_ORDER = [
    "value",
    "rate_pct",
    "value_low",
    "value_high",
    "rate_low_pct",
    "rate_high_pct",
    "ci_low",
    "ci_high",
    INPUT,
    "cases",
    "sample_size",
    "studies",
    "participants",
]
# Within a quote, after its figures: the columns a reader reads in a pair, in the pair's order; the rest by name.
THEN_ORDER = ["age_min", "age_max", "fieldwork_start", "fieldwork_end"]


def quote_groups(quotes: pd.DataFrame) -> list[dict]:
    """The quotes of one figure card, one entry per (row, page, quote) with every column that quote supports,
    figures first; figures no page holds come last, per row, with the notes saying where they were looked for.
    Each entry names the table of its row (a health row's value is named apart from a count)."""
    rank = {column: i for i, column in enumerate(COLUMN_ORDER)}
    then = {column: i for i, column in enumerate(THEN_ORDER)}
    groups = []
    for row_id, rows in quotes.groupby("row_id", sort=False):
        rows = rows.assign(
            _rank=rows["column"].map(rank).fillna(len(rank)), _then=rows["column"].map(then).fillna(len(then))
        )
        read = rows[rows["status"] != "not_found"]
        entries = []
        for (url, quote), items in read.groupby(["url", "quote"], sort=False):
            items = items.sort_values(["_rank", "_then", "column"])
            first = items.iloc[0]
            entries.append(
                {
                    "row_id": row_id,
                    "table": first["table"],
                    "url": url,
                    "quote": quote,
                    "quote_en": first["quote_en"],
                    "locator": first["locator"],
                    "checked": first["checked"],
                    "differs": bool(items["status"].eq("differs").any()),
                    "_rank": items["_rank"].min(),
                    "figures": list(
                        zip(items["column"], items["as_written"], items["stated_value"], items["status"], strict=True)
                    ),
                    "notes": list(dict.fromkeys(items["note"].dropna())),
                }
            )
        groups += sorted(entries, key=lambda e: e["_rank"])
        missing = rows[rows["status"] == "not_found"].sort_values(["_rank", "_then", "column"])
        if not missing.empty:
            groups.append(
                {
                    "row_id": row_id,
                    "table": missing.iloc[0]["table"],
                    "url": None,
                    "quote": None,
                    "quote_en": None,
                    "locator": None,
                    "checked": missing.iloc[0]["checked"],
                    "differs": False,
                    "_rank": len(rank) + 1,
                    "figures": [(c, None, None, "not_found") for c in missing["column"]],
                    "notes": list(dict.fromkeys(missing["note"].dropna())),
                }
            )
    return [{k: v for k, v in g.items() if k != "_rank"} for g in groups]


# How "Where it says so" names each column a quote can hold (word keys of [columns]): every column of the tables
# evidence points into, and input. One name per column on every page, not the figure's table heading (which differs
# by figure).
COLUMN_NAMES = {
    INPUT: "input",
    "estimate_id": "row",
    "row_id": "row",
    "population_id": "row",
    "register_id": "row",
    "source_id": "source",
    "country": "country",
    "area": "area",
    "concept": "concept",
    "unit": "unit",
    "value": "count",
    "value_low": "low",
    "value_high": "high",
    "interval": "interval",
    "qualifier": "wording",
    "as_published": "as_published",
    "rate_pct": "rate",
    "rate_low_pct": "rate_low",
    "rate_high_pct": "rate_high",
    "age_min": "age_min",
    "age_max": "age_max",
    "scope": "who",
    "population_group": "who",
    "six_month_rule": "six_month_rule",
    "fieldwork_start": "fieldwork_start",
    "fieldwork_end": "fieldwork_end",
    "published": "published",
    "reference_date": "date",
    "year": "year",
    "sample_size": "respondents",
    "cases": "cases",
    "method": "method",
    "measure": "measure",
    "exposure": "exposure",
    "comparison": "compared",
    "outcome": "outcome",
    "population": "population",
    "direction": "direction",
    "ci_low": "interval_low",
    "ci_high": "interval_high",
    "studies": "studies",
    "participants": "participants",
    "adjusted": "adjusted",
    "counterpoint": "counterpoint",
    "series": "series",
    "status": "figure_status",
    "note": "note",
    "derived_fields": "derivation",
    "derivation": "derivation",
    "derivation_ja": "derivation",
    "derivation_ko": "derivation",
    "derivation_it": "derivation",
}
# A health row's value is a ratio or a percent, not a count of people.
TABLE_COLUMN_NAMES = {("isolation_health_risks", "value"): "value"}
# Columns whose stated_value is a date (YYYY, YYYY-MM or YYYY-MM-DD) or a year: shown as the reader's language
# writes it.
DATE_COLUMNS = {"published", "fieldwork_start", "fieldwork_end", "reference_date", "year"}
ISO_DATE = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
AGES = ("age_min", "age_max")


def column_name(column: str, table: str | None = None) -> str:
    """A data column as readers see it, the same on every page ('rate_pct' -> 'Rate %'); KeyError for a column with no
    reader name (a test over every column the schema allows keeps that from reaching a page)."""
    return phrase(f"columns.{TABLE_COLUMN_NAMES.get((table, column)) or COLUMN_NAMES[column]}")


def stated_figure(column: str, as_written: object, stated_value: object) -> str:
    """What a quote holds for a column: a date as the reader's language writes it ('7 September 2016', not the
    quote's '7日'), anything else as the quote writes it (the quote itself is shown right below)."""
    stated = str(stated_value).strip() if pd.notna(stated_value) else ""
    if column in DATE_COLUMNS and ISO_DATE.match(stated):
        return pretty(stated, long=True)
    return str(as_written)


def _merged(figures: list[tuple]) -> list[tuple]:
    """The figures with a quote's one age band, held as both youngest and oldest age, named once as the age band."""
    ages = [f for f in figures if f[0] in AGES]
    if len(ages) != 2 or ages[0][1] != ages[1][1] or ages[0][3] != ages[1][3]:
        return figures
    first = figures.index(ages[0])
    rest = [f for f in figures if f[0] not in AGES]
    return [*rest[:first], ("ages", *ages[0][1:]), *rest[first:]]


def _name(column: str, table: str | None) -> str:
    return phrase("columns.ages") if column == "ages" else column_name(column, table)


def held_text(figures: list[tuple], table: str | None = None) -> str:
    """'Rate % 1.79 percent; Valid respondents 3,287': each figure a quote holds, by its reader name (table: the
    table of the row, see TABLE_COLUMN_NAMES), as the quote writes it; dates in the reader's language; a quote
    showing a definition without a six-month rule says none is stated."""
    held = []
    for column, as_written, stated_value, status in _merged(figures):
        if column == "six_month_rule" and str(stated_value).strip().lower() == "false":
            text = phrase("evidence.no_six_month_rule")
        else:
            figure = stated_figure(column, as_written, stated_value)
            text = phrase("evidence.held", column=_name(column, table), figure=figure)
        held.append(text if status == "confirmed" else phrase("evidence.differs", held=text))
    return clauses(held)


def unread_columns(figures: list[tuple], table: str | None = None) -> str:
    """The columns of a row no readable page holds, by their reader names, each once, listed as the reader's language
    lists ('Count, Rate low %'; 実数、割合の下限 %)."""
    return listed(list(dict.fromkeys(_name(column, table) for column, *_ in _merged(figures))))
