"""Row-level differences between the current table and a candidate: added, removed, changed cells."""

from dataclasses import dataclass

import pandas as pd

import i18n
from core.model import LINE_COLUMN
from shaping.words import phrase, phrase_n


@dataclass(frozen=True)
class TableDiff:
    """What a candidate table changes: whole rows added or removed, and each changed cell (old → new)."""

    key: str
    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame  # columns: key, column, old, new

    @property
    def empty(self) -> bool:
        return self.added.empty and self.removed.empty and self.changed.empty

    def summary(self) -> str:
        """'2 rows added, 0 rows removed, 3 cells changed in 1 row.' in the reader's language,
        each count in its plural."""
        rows = self.changed[self.key].nunique() if not self.changed.empty else 0

        def counted(name: str, n: int, **values: str) -> str:
            return phrase_n(name, n, count=i18n.number(n, i18n.current()), **values)

        return phrase(
            "diff.summary",
            added=counted("diff.added", len(self.added)),
            removed=counted("diff.removed", len(self.removed)),
            changed=counted("diff.changed", len(self.changed), rows=counted("diff.rows", rows)),
        )


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells as a person would read them in the CSV, so 1.5 and 1.50 or NA and '' compare as equal text."""
    out = frame.drop(columns=[LINE_COLUMN], errors="ignore").copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
        out[column] = out[column].map(
            lambda v: (
                ""
                if v is None or v is pd.NA or (isinstance(v, float) and v != v)
                else (f"{v:g}" if isinstance(v, float) else str(v).lower() if isinstance(v, bool) else str(v))
            )
        )
    return out


def table_diff(current: pd.DataFrame, candidate: pd.DataFrame, key: str) -> TableDiff:
    """Compare two validated versions of a table by its primary key."""
    old, new = _as_text(current).set_index(key, drop=False), _as_text(candidate).set_index(key, drop=False)
    added = candidate[candidate[key].isin(new.index.difference(old.index))]
    removed = current[current[key].isin(old.index.difference(new.index))]
    both = old.index.intersection(new.index)
    changes = []
    for row_key in both:
        for column in new.columns:
            before = old.at[row_key, column] if column in old.columns else ""
            after = new.at[row_key, column]
            if before != after:
                changes.append({key: row_key, "column": column, "old": before, "new": after})
    changed = pd.DataFrame(changes, columns=[key, "column", "old", "new"])
    return TableDiff(
        key,
        added.drop(columns=[LINE_COLUMN], errors="ignore"),
        removed.drop(columns=[LINE_COLUMN], errors="ignore"),
        changed,
    )
