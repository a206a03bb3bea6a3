"""The words for coded values, from the validated package (concepts.csv, labels.csv): no fallback to the raw code."""

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Vocabulary:
    """Concepts and labels as read; a value with no label raises KeyError (the validator refuses it first)."""

    concepts: pd.DataFrame  # concepts.csv, indexed by concept, in file order
    labels: pd.DataFrame  # labels.csv, in file order

    @classmethod
    def of(cls, check) -> "Vocabulary":
        """From a validated package check (anything with .table(name)); DataError when either table has problems."""
        return cls.from_frames(check.table("concepts"), check.table("labels"))

    @classmethod
    def from_frames(cls, concepts: pd.DataFrame, labels: pd.DataFrame) -> "Vocabulary":
        return cls(concepts.set_index("concept", drop=False), labels)

    def _field(self, resource: str, field: str) -> pd.DataFrame:
        return self.labels[(self.labels["resource"] == resource) & (self.labels["field"] == field)]

    def concept_labels(self) -> dict[str, str]:
        """concept -> label, in file order."""
        return dict(zip(self.concepts["concept"], self.concepts["label"], strict=True))

    def concept(self, concept: str) -> pd.Series:
        """One concept's row: label, definition, quote_phrase, headline_rank."""
        return self.concepts.loc[concept]

    def headline_ranks(self) -> dict[str, int]:
        """concept -> rank (1 wins a tie for a country's headline)."""
        return {c: int(r) for c, r in zip(self.concepts["concept"], self.concepts["headline_rank"], strict=True)}

    def labels_of(self, resource: str, field: str) -> dict[str, str]:
        """value -> label for one column of one table, in file order."""
        rows = self._field(resource, field)
        return dict(zip(rows["value"], rows["label"], strict=True))

    def groups_of(self, resource: str, field: str) -> dict[str, str]:
        """value -> group for one column, for the values that have a group."""
        rows = self._field(resource, field)
        rows = rows[rows["group"].notna()]
        return dict(zip(rows["value"], rows["group"], strict=True))

    def label(self, resource: str, field: str, value: str) -> str:
        """The label of one value."""
        return self.labels_of(resource, field)[value]

    def methods(self, flag: str) -> set[str]:
        """The methods whose flag ('survey' or 'headline') is true."""
        rows = self._field("recluse_estimates", "method")
        return set(rows.loc[rows[flag].fillna(False).astype(bool), "value"])


def strict_map(values: pd.Series, mapping: dict[str, str], what: str) -> pd.Series:
    """values mapped through mapping; a value it lacks is an error, never shown as its raw code."""
    missing = sorted(set(values.dropna()) - set(mapping))
    if missing:
        raise KeyError(f"no {what} for {', '.join(missing)} (labels.csv or concepts.csv)")
    return values.map(mapping)
