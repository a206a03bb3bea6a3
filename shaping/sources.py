"""Which rows use each source, and searching the list."""

import pandas as pd

import i18n
from core.model import producer_name_column
from core.package_check import PackageCheck
from shaping.evidence import confirmed_by_source
from shaping.numbers import clauses
from shaping.words import phrase

USING_TABLES = {
    "recluse_estimates": "estimate_id",
    "youth_homelessness": "row_id",
    "isolation_health_risks": "row_id",
    "population": "population_id",
    "claim_evidence": "claim_id",
}


def unusable_tables(check: PackageCheck) -> list[str]:
    """Tables whose problems keep them out of the usage counts."""
    return [table for table in [*USING_TABLES, "evidence"] if check.problems.get(table)]


def source_usage(check: PackageCheck) -> pd.DataFrame:
    """Sources with rows (how many rows use each) and used_by (their ids, by table);
    tables with problems are skipped."""
    sources = check.table("sources").copy()
    used: dict[str, list[str]] = {s: [] for s in sources["source_id"]}
    for table, id_column in USING_TABLES.items():
        if table in unusable_tables(check):
            continue
        frame = check.table(table)
        for source_id, row_id in zip(frame["source_id"], frame[id_column], strict=True):
            if pd.notna(source_id) and source_id in used:
                used[source_id].append(f"{table}: {row_id}")
    sources["rows"] = sources["source_id"].map(lambda s: len(used[s]))
    sources["used_by"] = sources["source_id"].map(lambda s: clauses(used[s]) or phrase("rows.no_use"))
    confirmed = (
        confirmed_by_source(check.table("evidence")) if not check.problems.get("evidence") else pd.Series(dtype="int64")
    )
    sources["confirmed"] = sources["source_id"].map(confirmed).fillna(0).astype("int64")
    return sources


def matching(usage: pd.DataFrame, query: str | None) -> pd.DataFrame:
    """Sources whose id, producer (in English, as the source writes it: 内閣府, or as pages in a reader's language name
    it: 일본 내각부), title or citation contains every word of the query (case-insensitive)."""
    if not query or not query.strip():
        return usage
    names = ["producer_original", *(producer_name_column(lang) for lang in i18n.LANGUAGES)]
    haystack = usage["source_id"] + " " + usage["producer"] + " " + usage["title"] + " " + usage["citation"]
    for name in (n for n in names if n in usage):
        haystack = haystack + " " + usage[name].fillna("")
    haystack = haystack.str.lower()
    mask = pd.Series(True, index=usage.index)
    for word in query.lower().split():
        mask &= haystack.str.contains(word, regex=False)
    return usage[mask]
