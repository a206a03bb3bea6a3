"""Shaping health-risk rows for a forest plot: groups, significance, and survival kept apart from risk."""
import pandas as pd

from shaping.numbers import ratio

OUTCOME_GROUPS = {
    "dementia": "Dementia", "alzheimers_disease": "Dementia", "vascular_dementia": "Dementia",
    "coronary_heart_disease": "Heart disease and stroke", "stroke": "Heart disease and stroke",
    "all_cause_mortality": "Death from any cause", "hospitalization": "Heart-failure patients",
    "emergency_department_visit": "Heart-failure patients",
}
SURVIVAL_GROUP = "Survival with stronger relationships (higher = better)"
EXPOSURE_GROUPS = {
    "social_isolation": "Isolation", "perceived_isolation": "Isolation", "infrequent_social_contact": "Isolation",
    "low_social_participation": "Isolation", "living_alone": "Isolation",
    "loneliness": "Loneliness", "loneliness_or_isolation": "Loneliness or isolation",
    "poor_social_relationships": "Poor relationships", "social_relationships": "Poor relationships",
    "poor_social_network": "Poor relationships", "poor_social_support": "Poor relationships",
    "low_network_satisfaction": "Poor relationships", "weak_social_ties": "Poor relationships",
    "smoking": "Comparison: smoking",
}
OUTCOME_LABELS = {"alzheimers_disease": "Alzheimer's disease", "vascular_dementia": "vascular dementia", "dementia": "dementia",
                  "coronary_heart_disease": "coronary heart disease", "stroke": "stroke", "all_cause_mortality": "death",
                  "hospitalization": "hospitalisation", "emergency_department_visit": "emergency visit"}
RATIO_MEASURES = ("OR", "RR", "HR")


def significance(row: pd.Series) -> str:
    """'significant' when the 95% CI excludes 1, 'not significant' when it crosses 1, 'no published CI' otherwise."""
    if pd.isna(row["ci_low"]) or pd.isna(row["ci_high"]):
        return "no published CI"
    return "not significant" if row["ci_low"] <= 1 <= row["ci_high"] else "significant"


def group(row: pd.Series) -> str:
    """Forest-plot group: survival odds never share a group with risks."""
    if row["direction"] == "survival":
        return SURVIVAL_GROUP
    return OUTCOME_GROUPS.get(row["outcome"], row["outcome"])


def estimate_text(row: pd.Series) -> str:
    """'RR 1.29 (1.04–1.59)', 'OR 1.29 (no published CI)', plus ' · not significant' where the CI crosses 1."""
    ci = f"({ratio(row['ci_low'])}–{ratio(row['ci_high'])})" if pd.notna(row["ci_low"]) else "(no published CI)"
    flag = " · not significant" if significance(row) == "not significant" else ""
    return f"{row['measure']} {ratio(row['value'])} {ci}{flag}"


def forest_rows(risks: pd.DataFrame, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Ratio rows (OR, RR, HR) with group, exposure group, significance, text and a unique label, in plot order.

    With sources, each label starts with the study's short citation ('Kuiper J.S. et al. (2015)')."""
    rows = risks[risks["measure"].isin(RATIO_MEASURES)].copy()
    rows["group"] = rows.apply(group, axis=1)
    rows["exposure_group"] = rows["exposure"].map(EXPOSURE_GROUPS).fillna(rows["exposure"])
    rows["significance"] = rows.apply(significance, axis=1)
    rows["estimate_text"] = rows.apply(estimate_text, axis=1)
    outcome = rows["outcome"].map(OUTCOME_LABELS).fillna(rows["outcome"])
    outcome = outcome.where(rows["direction"] != "survival", "SURVIVAL")
    rows["label"] = _study(rows, sources) + " · " + rows["exposure"].str.replace("_", " ") + " → " + outcome
    repeated = rows["label"].duplicated(keep=False)
    suffix = [r[len(src) + 1:].replace("-", " ") for r, src in zip(rows["row_id"], rows["source_id"], strict=True)]
    rows.loc[repeated, "label"] = rows.loc[repeated, "label"] + " (" + pd.Series(suffix, index=rows.index)[repeated] + ")"
    order = {g: i for i, g in enumerate(["Dementia", "Heart disease and stroke", "Death from any cause",
                                         "Heart-failure patients", SURVIVAL_GROUP])}
    rows["_order"] = rows["group"].map(order).fillna(99)
    return rows.sort_values(["_order", "value"], ascending=[True, False]).drop(columns="_order")


ACRONYMS = {"Jech": "JECH", "Nasem": "NASEM"}


def _study(rows: pd.DataFrame, sources: pd.DataFrame | None = None) -> pd.Series:
    """A short study name from the source id: 'h-luchetti-2024' -> 'Luchetti 2024', 'h-jech-2019' -> 'JECH 2019'."""
    words = rows["source_id"].str.replace(r"^h-", "", regex=True).str.replace("-", " ").str.title()
    return words.replace(ACRONYMS, regex=True)


def percent_rows(risks: pd.DataFrame, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Reviews and advisories that give only a percentage increase (no interval)."""
    rows = risks[risks["measure"] == "percent_increase"].copy()
    rows["label"] = (_study(rows, sources) + " · "
                     + rows["exposure"].str.replace("_", " ") + " → " + rows["outcome"].map(OUTCOME_LABELS).fillna(rows["outcome"]))
    return rows


def counterpoints(forest: pd.DataFrame, source_ids: list[str]) -> pd.DataFrame:
    """The forest rows of the studies shown as counterpoints to the headline claims."""
    return forest[forest["source_id"].isin(source_ids)]
