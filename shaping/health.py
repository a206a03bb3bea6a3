"""Shaping health-risk rows for a forest plot: groups, significance, and survival kept apart from risk."""

import re

import pandas as pd

import i18n
from shaping.numbers import ratio
from shaping.vocabulary import Vocabulary, strict_map
from shaping.words import data_english, phrase

RATIO_MEASURES = ("OR", "RR", "HR")


def survival_group() -> str:
    """The forest plot's group of survival odds, in the reader's language (never shared with risks)."""
    return phrase("health.survival_group")


def significance(row: pd.Series) -> str:
    """'significant' when the 95% CI excludes 1, 'not significant' when it crosses 1, 'no CI found' otherwise."""
    if pd.isna(row["ci_low"]) or pd.isna(row["ci_high"]):
        return "no CI found"
    return "not significant" if row["ci_low"] <= 1 <= row["ci_high"] else "significant"


def group(row: pd.Series, outcome_groups: dict[str, str]) -> str:
    """Forest-plot group: the outcome's group in labels.csv; survival odds never share a group with risks."""
    if row["direction"] == "survival":
        return survival_group()
    return outcome_groups[row["outcome"]]


def estimate_text(row: pd.Series) -> str:
    """'RR 1.29 (1.04–1.59)', 'OR 1.29 (no CI found)', plus ' · not significant' where the CI crosses 1.

    A ratio and its interval share their decimals, as studies print them: the CSV's 1.26 (1.20–1.33) is read as
    numbers, and 1.20 would otherwise lose its zero (1.2–1.33), as if less precisely published."""
    shown = [row[c] for c in ("value", "ci_low", "ci_high") if pd.notna(row[c])]
    digits = max((i18n.decimals(v) for v in shown), default=None)
    interval = (
        phrase("health.interval", low=ratio(row["ci_low"], digits), high=ratio(row["ci_high"], digits))
        if pd.notna(row["ci_low"])
        else phrase("health.no_interval")
    )
    name = "health.estimate_not_significant" if significance(row) == "not significant" else "health.estimate"
    return phrase(name, measure=row["measure"], value=ratio(row["value"], digits), interval=interval)


def significance_text(code: str) -> str:
    """A significance code ('not significant') as the reader's language writes it, for tables."""
    return phrase(
        {"significant": "health.significant", "not significant": "health.not_significant"}.get(code, "health.no_ci")
    )


def forest_rows(risks: pd.DataFrame, vocab: Vocabulary) -> pd.DataFrame:
    """Ratio rows (OR, RR, HR) with group, exposure group, significance, text and a unique label, in plot order;
    each label starts with the study's short name from its source id ('Luchetti 2024')."""
    rows = risks[risks["measure"].isin(RATIO_MEASURES)].copy()
    groups = vocab.groups_of("isolation_health_risks", "outcome")
    rows["group"] = pd.Series([group(r, groups) for _, r in rows.iterrows()], index=rows.index, dtype="object")
    exposure_groups = vocab.groups_of("isolation_health_risks", "exposure")
    rows["exposure_group"] = strict_map(rows["exposure"], exposure_groups, "exposure group")
    rows["exposure_rank"] = rows["exposure_group"].map(
        {g: i for i, g in enumerate(dict.fromkeys(exposure_groups.values()))}
    )
    rows["significance"] = rows.apply(significance, axis=1)
    rows["estimate_text"] = rows.apply(estimate_text, axis=1)
    rows["significance_text"] = rows["significance"].map(significance_text)
    outcome = _outcome(rows, vocab).where(rows["direction"] != "survival", phrase("health.survival"))
    rows["label"] = _study(rows, vocab) + " · " + _exposure(rows, vocab) + " → " + outcome
    rows["label"] = _distinct(rows)
    # Groups in the order labels.csv first names them, survival last: renaming a group there cannot unsort the plot.
    order = {g: i for i, g in enumerate([*dict.fromkeys(groups.values()), survival_group()])}
    rows["_order"] = rows["group"].map(order)
    return rows.sort_values(["_order", "value"], ascending=[True, False]).drop(columns="_order")


def _distinct(rows: pd.DataFrame) -> pd.Series:
    """Labels that two rows share get, in brackets, the first of their population, comparison or note's opening words
    that tells them apart ('(UK Biobank)', '(Minimally adjusted)'): words of the data, never a row id. The data writes
    them only in English (free text, no code labels.csv could translate), so a reader of another language meets them
    marked as row notes are: '(Minimally adjusted) （英語のまま）'."""
    labels = rows["label"].copy()
    opening = rows["note"].fillna("").str.split(r"[:.;]", n=1, regex=True).str[0]
    for _, group in rows[labels.duplicated(keep=False)].groupby("label"):
        for words in (group["population"], group["comparison"], opening[group.index]):
            if words.notna().all() and words.is_unique:
                labels[group.index] = group["label"] + " " + words.map(lambda w: data_english(f"({w})"))
                break
        else:
            labels[group.index] = group["label"] + [f" ({i})" for i in range(1, len(group) + 1)]
    return labels


ACRONYMS = {"Jech": "JECH", "Nasem": "NASEM"}
_FIRST_AUTHOR = re.compile(r"^([^\s,]+) (?:[A-Z]\.)+(?:[ ,]|$)")  # 'Holt-Lunstad J. et al.', 'Cudjoe T.K.M., Roth…'
SHORT_PRODUCER = 24  # characters: a longer organisation is named by its initials


def study_name(producer: str, year: str) -> str:
    """How a chart names a study, from its source's producer and year: the first author's surname
    ('Holt-Lunstad J., Smith T.B.' -> 'Holt-Lunstad 2010'), a short organisation whole ('US Surgeon General 2023'), a
    long one by its initials ('National Academies of Sciences, Engineering, and Medicine' -> 'NASEM 2020')."""
    if author := _FIRST_AUTHOR.match(producer):
        return f"{author.group(1)} {year}"
    name = re.sub(r"\s*\([^)]*\)", "", producer).strip()
    if len(name) > SHORT_PRODUCER:
        name = "".join(word[0] for word in re.findall(r"[A-Za-z]+", name) if word[0].isupper())
    return f"{name} {year}"


def _study(rows: pd.DataFrame, vocab: Vocabulary) -> pd.Series:
    """Each row's study as study_name() names it from sources.csv; a vocabulary made without the sources (a test's)
    names it from the source id ('h-luchetti-2024' -> 'Luchetti 2024')."""
    if vocab.sources is not None:
        sources = vocab.sources.set_index("source_id")
        names = {
            s: study_name(str(sources.at[s, "producer"]), str(sources.at[s, "published"])[:4]) for s in sources.index
        }
        return rows["source_id"].map(names)
    words = rows["source_id"].str.replace(r"^h-", "", regex=True).str.replace("-", " ").str.title()
    return words.replace(ACRONYMS, regex=True)


def _exposure(rows: pd.DataFrame, vocab: Vocabulary) -> pd.Series:
    return strict_map(rows["exposure"], vocab.labels_of("isolation_health_risks", "exposure"), "exposure label")


def _outcome(rows: pd.DataFrame, vocab: Vocabulary) -> pd.Series:
    return strict_map(rows["outcome"], vocab.labels_of("isolation_health_risks", "outcome"), "outcome label")


def percent_rows(risks: pd.DataFrame, vocab: Vocabulary) -> pd.DataFrame:
    """Reviews and advisories that give only a percentage increase (no interval)."""
    rows = risks[risks["measure"] == "percent_increase"].copy()
    rows["label"] = _study(rows, vocab) + " · " + _exposure(rows, vocab) + " → " + _outcome(rows, vocab)
    return rows


def counterpoints(forest: pd.DataFrame) -> pd.DataFrame:
    """The forest rows of the studies shown as counterpoints to the headline claims
    (isolation_health_risks.csv: counterpoint)."""
    return forest[forest["counterpoint"].fillna(False).astype(bool)]
