"""The words for coded values, from the validated package (concepts.csv, labels.csv, glossary.csv), in the reader's
language (i18n.current()): no fallback to the raw code.

Japanese, Korean and Italian come from the package beside the English: labels.csv's label_<lang>, concepts.csv's
quote_phrase_<lang>, and glossary.csv's label and definition of each concept. A translation the package lacks falls
back to the English, and untranslated() counts those, per language. Nothing here is cached, so a language switch
between calls is always seen.
"""

from dataclasses import dataclass

import pandas as pd

import i18n
from core.model import GLOSSARY

TRANSLATED = ("ja", "ko", "it")  # the languages the package translates its labels into
CONCEPT_WORDS = ("label", "definition", "quote_phrase")  # a concept's reader words, each translated


def _filled(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


@dataclass(frozen=True)
class Vocabulary:
    """Concepts and labels as read; a value with no label raises KeyError (the validator refuses it first)."""

    concepts: pd.DataFrame  # concepts.csv, indexed by concept, in file order
    labels: pd.DataFrame  # labels.csv, in file order
    glossary: pd.DataFrame | None = None  # glossary.csv (concept, lang, term, label, definition), or None: English only
    sources: pd.DataFrame | None = None  # sources.csv, for the names of studies (shaping.health.study_names)

    @classmethod
    def of(cls, check) -> "Vocabulary":
        """From a validated package check (anything with .table(name)); DataError when either table has problems.

        A glossary with problems is left out (concept labels then read in English) rather than blanking the page."""
        try:
            glossary = check.table(GLOSSARY)
        except Exception:  # DataError, or a check without the glossary: concept names stay in English
            glossary = None
        try:
            sources = check.table("sources")
        except Exception:  # a check without sources: studies are named by their source's id
            sources = None
        return cls.from_frames(check.table("concepts"), check.table("labels"), glossary, sources)

    @classmethod
    def from_frames(
        cls,
        concepts: pd.DataFrame,
        labels: pd.DataFrame,
        glossary: pd.DataFrame | None = None,
        sources: pd.DataFrame | None = None,
    ) -> "Vocabulary":
        return cls(concepts.set_index("concept", drop=False), labels, glossary, sources)

    # The current language's words -------------------------------------------------------------------------------

    def _label_column(self, lang: str, column: str = "label") -> pd.Series:
        """labels.csv's labels (or groups) in lang, the English where lang's cell is empty."""
        translated = f"{column}_{lang}"
        if lang == i18n.DEFAULT or translated not in self.labels:
            return self.labels[column]
        return self.labels[translated].where(self.labels[translated].map(_filled), self.labels[column])

    def _glossary_words(self, lang: str, column: str) -> dict[str, str]:
        """concept -> glossary.csv's label or definition in lang, where it has one."""
        if self.glossary is None or lang == i18n.DEFAULT or column not in self.glossary:
            return {}
        rows = self.glossary[self.glossary["lang"] == lang]
        return {str(c): str(v) for c, v in zip(rows["concept"], rows[column], strict=True) if _filled(v)}

    def _concept_words(self, concept: str, column: str, lang: str) -> str:
        """One concept's label, definition or quote_phrase in lang (the English when the package lacks it)."""
        row = self.concepts.loc[concept]
        if lang == i18n.DEFAULT:
            return row[column]
        if column == "quote_phrase":
            translated = row.get(f"quote_phrase_{lang}")
            return translated if _filled(translated) else row[column]
        return self._glossary_words(lang, column).get(concept, row[column])

    def _field(self, resource: str, field: str) -> pd.DataFrame:
        mask = (self.labels["resource"] == resource) & (self.labels["field"] == field)
        lang = i18n.current()
        return self.labels[mask].assign(
            label=self._label_column(lang)[mask], group=self._label_column(lang, "group")[mask]
        )

    def concept_labels(self) -> dict[str, str]:
        """concept -> label in the reader's language, in file order."""
        lang = i18n.current()
        return {c: self._concept_words(c, "label", lang) for c in self.concepts["concept"]}

    def concept(self, concept: str) -> pd.Series:
        """One concept's row: label, definition, quote_phrase (in the reader's language), headline_rank."""
        lang = i18n.current()
        row = self.concepts.loc[concept].copy()
        for column in CONCEPT_WORDS:
            row[column] = self._concept_words(concept, column, lang)
        return row

    def headline_ranks(self) -> dict[str, int]:
        """concept -> rank (1 wins a tie for a country's headline)."""
        return {c: int(r) for c, r in zip(self.concepts["concept"], self.concepts["headline_rank"], strict=True)}

    def labels_of(self, resource: str, field: str) -> dict[str, str]:
        """value -> label in the reader's language for one column of one table, in file order."""
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

    # What is still English ---------------------------------------------------------------------------------------

    def untranslated(self, lang: str) -> list[str]:
        """The data words readers of lang still see in English:
        'labels.csv label recluse_estimates method national_survey',
        'concepts.csv quote_phrase hikikomori', 'glossary.csv label hikikomori' (for the maintainer, never readers)."""
        if lang == i18n.DEFAULT:
            return []
        missing = []
        for column in ("label", "group"):
            cells = self.labels.get(f"{column}_{lang}", pd.Series(None, index=self.labels.index))
            keys = zip(self.labels["resource"], self.labels["field"], self.labels["value"], strict=True)
            missing += [
                f"labels.csv {column} {r} {f} {v}"
                for (r, f, v), english, cell in zip(keys, self.labels[column], cells, strict=True)
                if _filled(english) and not _filled(cell)
            ]
        for concept in self.concepts["concept"]:
            if not _filled(self.concepts.loc[concept].get(f"quote_phrase_{lang}")):
                missing.append(f"concepts.csv quote_phrase {concept}")
            for column in ("label", "definition"):
                if concept not in self._glossary_words(lang, column):
                    missing.append(f"glossary.csv {column} {concept}")
        return missing


def untranslated_counts(vocab: Vocabulary, languages: tuple[str, ...] = TRANSLATED) -> dict[str, int]:
    """How many data words each language still shows in English (0 everywhere when the package is fully translated)."""
    return {lang: len(vocab.untranslated(lang)) for lang in languages}


def strict_map(values: pd.Series, mapping: dict[str, str], what: str) -> pd.Series:
    """values mapped through mapping; a value it lacks is an error, never shown as its raw code."""
    missing = sorted(set(values.dropna()) - set(mapping))
    if missing:
        raise KeyError(f"no {what} for {', '.join(missing)} (labels.csv or concepts.csv)")
    return values.map(mapping)


def concept_labels_in_every_language(vocab: Vocabulary) -> dict[str, str]:
    """A concept's label in any language -> its label in the current one, to read a link made in another language."""
    current = vocab.concept_labels()
    shown: dict[str, str] = {}
    for lang in i18n.LANGUAGES:
        with i18n.language(lang):
            shown |= {label: current[concept] for concept, label in vocab.concept_labels().items()}
    return shown
