"""Shaping estimate rows for charts and panels: labels, evidence type, comparability (headlines: shaping.headlines)."""

from collections.abc import Iterable

import pandas as pd

from settings import COUNTRY_NAMES
from shaping.numbers import age_band, listed
from shaping.vocabulary import Vocabulary, strict_map
from shaping.words import country_name, data_english, phrase


def reference_year(rows: pd.DataFrame) -> pd.Series:
    """The year a row describes: fieldwork start, else publication."""
    when = rows["fieldwork_start"].fillna(rows["published"]).fillna("")
    return pd.to_numeric(when.str[:4], errors="coerce").astype("Int64")


def years(rows: pd.DataFrame) -> pd.Series:
    """The years a row describes, for a label: '2022', or '2015–2018' when its fieldwork spans years (a sum of two
    rounds); 'year not stated' when nothing dates it."""
    start = reference_year(rows).astype("string")
    ended = rows["fieldwork_end"] if "fieldwork_end" in rows else pd.Series(pd.NA, index=rows.index)
    end = pd.to_numeric(ended.fillna("").astype(str).str[:4], errors="coerce").astype("Int64").astype("string")
    spans = start.notna() & end.notna() & (end != start)
    return start.where(~spans, start + "–" + end).fillna(phrase("labels.year_not_stated"))


def is_survey(rows: pd.DataFrame, vocab: Vocabulary) -> pd.Series:
    """True for surveys (labels.csv: survey); advocacy, expert, press figures and sums of surveys are not."""
    return rows["method"].isin(vocab.methods("survey"))


def annotate(rows: pd.DataFrame, vocab: Vocabulary) -> pd.DataFrame:
    """Rows with display columns: country_name, concept_label, ages, year, survey, method_label, area_label, label."""
    out = rows.copy()
    out["country_name"] = out["country"].map(country_name)
    out["concept_label"] = strict_map(out["concept"], vocab.concept_labels(), "concept label")
    out["ages"] = [
        age_band(a, b) if pd.notna(a) or pd.notna(b) else phrase("labels.ages_not_stated")
        for a, b in zip(out["age_min"], out["age_max"], strict=True)
    ]
    out["year"] = reference_year(out)
    out["survey"] = is_survey(out, vocab)
    for column in ("method", "area"):  # coded columns, in the reader's language (labels.csv)
        labels = vocab.labels_of("recluse_estimates", column)
        out[f"{column}_label"] = strict_map(out[column], labels, f"{column} label")
    place = out["area_label"].where(out["area"] != "national", out["country_name"])
    students = out["scope"].eq("enrolled_students")
    ages = [phrase("labels.students", ages=a) if s else a for a, s in zip(out["ages"], students, strict=True)]
    out["label"] = place + " · " + out["concept_label"] + " · " + pd.Series(ages, index=out.index) + " · " + years(out)
    return _distinct_labels(out)


def _distinct_labels(out: pd.DataFrame) -> pd.DataFrame:
    """Rows that would share a label say how they differ in words a reader knows: a projection of a survey is named
    as such beside the survey, then what was published, then the publication year, then a number; never a row id."""
    repeated = out["label"].duplicated(keep=False)
    if repeated.any():
        named = repeated & ~out["survey"].astype(bool)  # labels.csv's survey flag, not a list kept here
        out.loc[named, "label"] = out.loc[named, "label"] + " · " + out.loc[named, "method_label"]
    for words in (
        out["as_published"].astype("string"),
        pd.Series(
            [pd.NA if pd.isna(p) else phrase("labels.published", year=str(p)[:4]) for p in out["published"]],
            index=out.index,
            dtype="string",
        ),
    ):
        repeated = out["label"].duplicated(keep=False) & words.notna()
        if repeated.any():
            out.loc[repeated, "label"] = out.loc[repeated, "label"] + " · " + words[repeated]
    repeated = out["label"].duplicated(keep=False)
    if repeated.any():
        number = out.groupby("label").cumcount() + 1
        out.loc[repeated, "label"] = out.loc[repeated, "label"] + " (" + number[repeated].astype(str) + ")"
    return out


def _differs(shown: pd.DataFrame, column: str) -> bool:
    return shown[column].astype("string").fillna("(none)").nunique() > 1


def _whom_warnings(shown: pd.DataFrame) -> list[str]:
    """Differences in whom the rows count: the concept, the six-month rule, ages, students, households."""
    warnings = []
    if _differs(shown, "concept"):
        warnings.append(
            phrase("comparability.concepts", concepts=listed(sorted(shown["concept_label"].unique()), "; "))
        )
    if _differs(shown, "six_month_rule"):
        without = sorted(shown[shown["six_month_rule"].eq(False).fillna(False)]["country_name"].unique())
        warnings.append(phrase("comparability.six_month_rule", countries=listed(without)))
    if _differs(shown, "ages"):
        warnings.append(phrase("comparability.ages", ages=listed(sorted(shown["ages"].unique()))))
    if _differs(shown, "scope"):
        warnings.append(phrase("comparability.students"))
    if _differs(shown, "unit"):
        warnings.append(phrase("comparability.households"))
    return warnings


def _how_warnings(shown: pd.DataFrame) -> list[str]:
    """Differences in how, where and when the rows were counted: method, area, years."""
    warnings = []
    if shown["survey"].nunique() > 1:
        warnings.append(phrase("comparability.not_surveys"))
    elif _differs(shown, "method"):
        warnings.append(phrase("comparability.methods", methods=listed(sorted(shown["method_label"].unique()))))
    if _differs(shown, "area"):
        warnings.append(phrase("comparability.cities"))
    years = shown["year"].dropna()
    if not years.empty and years.max() - years.min() >= 3:
        warnings.append(phrase("comparability.years", first=int(years.min()), last=int(years.max())))
    return warnings


def comparability_warnings(rows: pd.DataFrame, vocab: Vocabulary) -> list[str]:
    """What differs among the rows shown, one sentence each; empty when they are like-for-like."""
    if len(rows) < 2:
        return []
    shown = annotate(rows, vocab)
    return _whom_warnings(shown) + _how_warnings(shown)


def cabinet_office_rounds(
    estimates: pd.DataFrame, vocab: Vocabulary, concepts: tuple[str, ...] = ("hikikomori_broad",)
) -> pd.DataFrame:
    """Japan's national Cabinet Office survey rows (2010, 2015, 2018, 2022) of the given concepts, annotated."""
    rows = estimates[
        (estimates["country"] == "JPN")
        & (estimates["method"] == "national_survey")
        & estimates["register_id"].str.startswith("JP-CAO")
        & estimates["concept"].isin(concepts)
    ]
    return annotate(rows, vocab).sort_values(["year", "age_min"])


def other_japanese_estimates(estimates: pd.DataFrame, vocab: Vocabulary) -> pd.DataFrame:
    """Every Japanese estimate that is not a Cabinet Office round: other surveys, cities, experts, sums."""
    rows = estimates[
        (estimates["country"] == "JPN")
        & ~(estimates["register_id"].str.startswith("JP-CAO") & (estimates["method"] == "national_survey"))
    ]
    return annotate(rows, vocab).sort_values(["year", "estimate_id"])


def population_for(population: pd.DataFrame, row: pd.Series) -> tuple[float | None, str]:
    """The population of a row's country, year and age band, if population.csv holds it, with a label."""
    year = reference_year(pd.DataFrame([row]))[0] if "year" not in row else row["year"]
    match = population[
        (population["country"] == row["country"])
        & (population["year"] == year)
        & (population["age_min"].astype("Float64") == row["age_min"])
        & (population["age_max"].astype("Float64") == row["age_max"])
        & (population["status"] != "derived")
    ]
    if match.empty:
        return None, ""
    pop = match.iloc[0]
    label = phrase(
        "sentences.how.population",
        ages=age_band(pop["age_min"], pop["age_max"]),
        year=pop["year"],
        series=data_english(pop["series"]),
    )
    return float(pop["value"]), label


def point_descriptions(rows: pd.DataFrame, measure: str) -> list[str]:
    """One phrase per point for alt text: 'Japan · ... · 2022: 2.05%'."""
    from shaping.charts import figure_text

    column = "rate_pct" if measure == "rate" else "value"
    shown = rows[rows[column].notna() | ((measure == "count") & rows["value_low"].notna())]
    return [f"{r['label']}: {figure_text(r, measure)}" for _, r in shown.iterrows()]


def select(
    estimates: pd.DataFrame,
    countries: Iterable[str],
    concepts: Iterable[str],
    evidence: Iterable[str],
    years: tuple[int, int] | None,
    cities: bool,
) -> pd.DataFrame:
    """The annotated rows a selection picks: country codes, concept keys, evidence types ('survey', 'not_survey'),
    reference years (first, last) or None for every year in the rows, and city-level surveys or national only."""
    first, last = years if years is not None else (int(estimates["year"].min()), int(estimates["year"].max()))
    return estimates[
        estimates["country"].isin(list(countries))
        & estimates["concept"].isin(list(concepts))
        & estimates["survey"].isin([e == "survey" for e in evidence])
        & estimates["year"].between(first, last)
        & (cities | (estimates["area"] == "national"))
    ]


def drawable(rows: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The rows that have the measure ('rate', or 'count' where a range counts too), by country in settings order,
    latest year first."""
    column = "rate_pct" if measure == "rate" else "value"
    shown = rows[rows[column].notna() | ((measure == "count") & rows["value_low"].notna())]
    return shown.sort_values(
        ["country", "year"], key=lambda s: s.map(list(COUNTRY_NAMES).index) if s.name == "country" else -s
    )
