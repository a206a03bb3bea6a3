"""Shaping homelessness rows: labels, derived per-100,000 rates, and the like-with-like pairing."""

import pandas as pd

import i18n
from core.derive import per_100k
from shaping.numbers import age_band, aged, clauses, count, pct, qualified
from shaping.numbers import per_100k as fmt_per_100k
from shaping.vocabulary import Vocabulary, strict_map
from shaping.words import country_name, data_english, phrase

ONE_NIGHT = "one_night_count"
DAYTIME = "daytime_street_count"
STREET_COUNTS = (ONE_NIGHT, DAYTIME)  # point-in-time counts: a night (US) or a day's patrol (Japan)
WHOLE_YEAR = ("twelve_month_prevalence", "runaway_episodes", "school_year_count")
# counts of pupils a school year enrolled: they have no age band, so no ages are written and no population divides them
ENROLMENT = ("school_year_count",)
CHILDREN = "unaccompanied_children"  # HUD's children under 18: part of its under-25 count, never paired on their own
# coded column -> the column annotate() adds with its words in the reader's language
CODED = {"measure": "measure_label", "population_group": "group_label", "area": "area_label"}


def published_figure(row: pd.Series) -> str:
    """The figure as its source wrote it (as_published) for an English reader; for a reader of another language, the
    number in that language's words with its qualifier (約5,400人, 2,8%), since as_published is the data's English."""
    if i18n.current() != i18n.DEFAULT:
        if pd.notna(row.get("value")):
            return qualified(count(row["value"]), row.get("qualifier"))
        if pd.notna(row.get("rate_pct")):
            return qualified(pct(row["rate_pct"]), row.get("qualifier"))
    return str(row["as_published"])


def annotate(rows: pd.DataFrame, vocab: Vocabulary) -> pd.DataFrame:
    """Rows with the display columns the charts and cards use (label, country_name, survey, interval, …)."""
    out = rows.copy()
    out["country_name"] = out["country"].map(country_name)
    out["ages"] = [
        phrase("labels.ages_not_stated") if m in ENROLMENT else age_band(a, b)
        for a, b, m in zip(out["age_min"], out["age_max"], out["measure"], strict=True)
    ]
    # coded columns read in the reader's language (labels.csv), as the measure always was
    for column, labelled in CODED.items():
        out[labelled] = strict_map(out[column], vocab.labels_of("youth_homelessness", column), f"{column} label")
    place = out["area_label"].where(out["area"] != "national", out["country_name"])
    out["label"] = place + " · " + out["group_label"] + " · " + out["ages"] + " · " + out["year"].astype("string")
    # rows that would share a label say how they differ in the data's words (never their row id): their measure, else
    # the figure as published
    published = [published_figure(r) if pd.notna(r.get("as_published")) else pd.NA for _, r in out.iterrows()]
    as_published = pd.Series(
        [pd.NA if pd.isna(f) else phrase("homelessness.as_published", figure=f) for f in published],
        index=out.index,
        dtype="string",
    )
    for words in (out["measure_label"], as_published):
        repeated = out["label"].duplicated(keep=False)
        told = out["label"].where(~repeated | words.isna(), out["label"] + " · " + words)
        out["label"] = told.where(~told.duplicated(keep=False), out["label"])
    out["survey"] = True  # official counts and surveys: nothing here is an advocacy estimate
    out["method_label"] = out["measure_label"]
    # a published range (NISMART's 95% interval) is drawn as a bar; the legend's "no bar" is for the others only
    bounded = out.reindex(columns=["value_low", "value_high"]).notna().all(axis=1)
    out["interval"] = pd.Series("none", index=out.index).mask(bounded, "range")
    out["rate_low_pct"] = pd.NA
    out["rate_high_pct"] = pd.NA
    return out


def _ages(age_min: object, age_max: object, measure: str = "") -> str:
    """A row's ages as a sentence gives them: 'aged 18–24', 'under 25', 'of all ages' (from birth, no upper age);
    'of unstated ages' for a school's count of its pupils, whose empty ages are not 'all ages'."""
    if measure in ENROLMENT:
        return phrase("homelessness.unstated_ages")
    if _band(age_min, age_max) == (0, None):
        return phrase("homelessness.all_ages")
    return aged(age_min, age_max)


def _band(age_min: object, age_max: object) -> tuple[int, int | None]:
    """An age band as (from, to): an empty age_min means from birth, an empty age_max means no upper age."""
    return (0 if pd.isna(age_min) else int(age_min), None if pd.isna(age_max) else int(age_max))


def with_per_100k(rows: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Adds per_100k (derived) = value ÷ the population the count covers × 100,000, and its basis.

    The population must be of the same country (the whole country: an area's count gets no rate), year and age band
    (an all-ages count over all residents, an under-25 count over residents under 25); a school's count of its pupils
    has no band. Otherwise the rate is left empty and the basis says why.
    """
    residents = population[population["scope"] == "residents"]
    lookup = {
        (r["country"], int(r["year"]), _band(r["age_min"], r["age_max"])): r for r in residents.to_dict("records")
    }
    rates, bases = [], []
    for row in rows.to_dict("records"):
        if pd.isna(row["value"]):
            rates.append(pd.NA)
            bases.append("")
            continue
        if row["measure"] in ENROLMENT:
            rates.append(pd.NA)
            bases.append(phrase("homelessness.no_rate_enrolment"))
            continue
        if row["area"] != "national":  # population.csv's residents are whole countries: a city is not divided by them
            rates.append(pd.NA)
            bases.append(phrase("homelessness.no_rate_area", area=row["area_label"]))
            continue
        band = _band(row["age_min"], row["age_max"])
        ages = _ages(row["age_min"], row["age_max"])
        pop = lookup.get((row["country"], int(row["year"]), band))
        if pop is None:
            rates.append(pd.NA)
            bases.append(phrase("homelessness.no_population", country=row["country_name"], ages=ages, year=row["year"]))
            continue
        rate = per_100k(row["value"], pop["value"])
        rates.append(round(rate, 1))
        bases.append(
            phrase(
                "homelessness.per_100k",
                count=count(row["value"]),
                population=count(pop["value"]),
                ages=ages,
                series=data_english(pop["series"]),
                date=pop["reference_date"],
                rate=fmt_per_100k(rate),
            )
        )
    return rows.assign(per_100k=pd.array(rates, dtype="Float64"), per_100k_basis=bases)


def street_counts(rows: pd.DataFrame) -> pd.DataFrame:
    """National point-in-time counts: HUD's one-night count of unaccompanied youth
    and Japan's daytime street count of all ages."""
    return rows[rows["measure"].isin(STREET_COUNTS) & (rows["area"] == "national")].sort_values(["country", "year"])


def latest_pair(rows: pd.DataFrame) -> pd.DataFrame:
    """The latest year with a national count in both countries: US youth under 25 and Japan's all-ages street count."""
    counts = street_counts(rows)
    counts = counts[counts["population_group"] != CHILDREN]
    years = set(counts[counts["country"] == "USA"]["year"]) & set(counts[counts["country"] == "JPN"]["year"])
    if not years:
        return counts.iloc[0:0]
    return counts[counts["year"] == max(years)]


def what_is_counted(row: pd.Series) -> str:
    """Who a street count counts, and how: the words a journalist needs before setting two counts side by side."""
    ages = _ages(row["age_min"], row["age_max"])
    if row["measure"] == ONE_NIGHT:
        return phrase("homelessness.one_night", group=row["group_label"], ages=ages)
    return phrase("homelessness.daytime", ages=ages)


def pair_sentence(pair: pd.DataFrame) -> str:
    """What each country's count of the same year counts, with any rate over the population it covers."""
    parts = []
    for _, row in pair.iterrows():
        values = {"country": row["country_name"], "count": count(row["value"]), "counted": what_is_counted(row)}
        if pd.notna(row.get("per_100k")):
            # a count of all ages is divided by all residents: 'of the same ages' would read as a band
            all_ages = _band(row["age_min"], row["age_max"]) == (0, None)
            name = "homelessness.pair_rate_all_ages" if all_ages else "homelessness.pair_rate"
            parts.append(phrase(name, rate=fmt_per_100k(row["per_100k"]), **values))
        else:
            parts.append(phrase("homelessness.pair_part", **values))
    if not parts:
        return phrase("homelessness.no_pair")
    return phrase("homelessness.pair", year=int(pair["year"].iloc[0]), parts=clauses(parts))


def describe(row: pd.Series) -> str:
    """'3.5 million young adults aged 18–25 (2016)', 'at least 3.3% of adolescent minors aged 13–17 (2016)'."""
    ages = _ages(row["age_min"], row["age_max"], row["measure"])
    values = {"group": row["group_label"], "ages": ages, "year": row["year"]}
    if pd.notna(row["value"]):
        return phrase("homelessness.describe_count", figure=qualified(count(row["value"]), row["qualifier"]), **values)
    return phrase("homelessness.describe_rate", rate=qualified(pct(row["rate_pct"]), row["qualifier"]), **values)
