"""Sentences generated from the data: figure summaries, ready-to-quote lines, and the arithmetic behind a number."""

import pandas as pd

import i18n
from core.dates import pretty
from shaping.citations import producer
from shaping.numbers import aged, count, count_short, pct, qualified
from shaping.vocabulary import Vocabulary
from shaping.words import country_name, phrase


def _has(row: pd.Series, column: str) -> bool:
    return column in row and not pd.isna(row[column])


def _unit(row: pd.Series) -> str:
    """What one counted unit is: 'people', 'students' or 'households' (the key of its phrases)."""
    students = "students" if row.get("scope") == "enrolled_students" else "people"
    return "households" if row.get("unit") == "households" else students


def _group(row: pd.Series) -> str:
    """What one counted unit is called in a sentence: people, students or households."""
    return phrase(f"sentences.groups.{_unit(row)}")


def _count(row: pd.Series, column: str) -> str:
    """A count of the row's unit, with the counter Japanese and Korean write after it (人/世帯, 명/가구)."""
    return count(row[column], unit="households" if row.get("unit") == "households" else "people")


def _int(value: object) -> str:
    """A whole number (respondents, a sample) with the reader's separators: 1,234 (en), 1.234 (it)."""
    return i18n.number(int(value), i18n.current(), digits=0)


def figure_phrase(row: pd.Series) -> str:
    """'1.46 million people', 'about 44,000 students (1.7%)', '5.2% of people', 'between 30,000 and 50,000 people'."""
    unit = _unit(row)
    if _has(row, "value"):
        text = qualified(phrase(f"sentences.counted.{unit}", count=_count(row, "value")), row.get("qualifier"))
        return (
            phrase("sentences.count_and_rate", figure=text, rate=pct(row["rate_pct"]))
            if _has(row, "rate_pct")
            else text
        )
    if _has(row, "value_low") and _has(row, "value_high"):
        low, high = _count(row, "value_low"), _count(row, "value_high")
        return phrase(f"sentences.counted_between.{unit}", low=low, high=high)
    if _has(row, "rate_pct"):
        rate = qualified(pct(row["rate_pct"]), row.get("qualifier"))
        return phrase(f"sentences.rate_of_group.{unit}", rate=i18n.with_article(rate, i18n.current()))
    return phrase("sentences.no_figure")


def derivation(row: pd.Series) -> str:
    """How a derived number was made, in the reader's language (derivation_ja, _ko, _it), else the data's English."""
    translated = row.get(f"derivation_{i18n.current()}")
    return str(translated) if isinstance(translated, str) and translated.strip() else str(row["derivation"])


def place(row: pd.Series) -> str:
    """'Japan', or 'Tokyo, Japan' for a city (its label in the reader's language, once shaping.estimates.annotate has
    added it)."""
    country = country_name(row["country"])
    if row.get("area", "national") == "national":
        return country
    return phrase("sentences.city", area=row.get("area_label", row["area"]), country=country)


def who(row: pd.Series) -> str:
    """'aged 15–64 in Japan', 'in Japan' (households: the ages go with the member)."""
    ages = aged(row.get("age_min"), row.get("age_max"))
    aged_ = {} if row.get("unit") == "households" or ages == aged(None, None) else {"ages": ages}
    if row.get("area", "national") != "national":  # a city's own words: Italian 'a Tokyo (Giappone)', 'in Giappone'
        area, country = row.get("area_label", row["area"]), country_name(row["country"])
        return phrase(f"sentences.who{'_aged' if aged_ else ''}_city", area=area, country=country, **aged_)
    return phrase(f"sentences.who{'_aged' if aged_ else ''}", place=place(row), **aged_)


def when(row: pd.Series) -> str:
    """'fielded in November 2022', 'fielded from September 2007 to January 2008', 'published in March 2017', or ''."""
    if _has(row, "fieldwork_start"):
        start = pretty(str(row["fieldwork_start"])[:7], long=True)
        end = pretty(str(row["fieldwork_end"])[:7], long=True) if _has(row, "fieldwork_end") else start
        if start == end:
            return phrase("sentences.fielded_in", month=start)
        return phrase("sentences.fielded_from", start=start, end=end)
    if _has(row, "published"):
        return phrase("sentences.published_in", month=pretty(str(row["published"])[:7], long=True))
    return ""


def evidence_words(row: pd.Series) -> str:
    """'a national survey', 'an advocacy estimate' (an annotated row: its method_label)."""
    label = row["method_label"]
    return phrase("sentences.evidence_vowel" if label[0] in "aeiou" else "sentences.evidence", method=label)


def main_caveat(row: pd.Series) -> str:
    """The one caveat that matters most for quoting a row."""
    if not row["survey"] or row["method"] == "survey_projection":
        return phrase("sentences.caveats.not_survey", evidence=evidence_words(row))
    if row.get("unit") == "households":
        return phrase("sentences.caveats.households")
    if row.get("interval") == "lower_bound":
        return phrase("sentences.caveats.lower_bound")
    if _has(row, "cases"):
        return phrase("sentences.caveats.scaled_up", cases=_int(row["cases"]))
    if row.get("scope") == "enrolled_students":
        return phrase("sentences.caveats.students_only")
    if _has(row, "six_month_rule") and not bool(row["six_month_rule"]):
        return phrase("sentences.caveats.no_six_month_rule")
    if row.get("interval") == "none":
        return phrase("sentences.caveats.no_margin")
    return ""


def quote_sentence(row: pd.Series, source: pd.Series, vocab: Vocabulary) -> str:
    """A sentence a journalist can paste unchanged: number, who, when, source, and the caveat that matters."""
    figure = figure_phrase(row)
    exact_count = row.get("qualifier") == "exact" and _has(row, "value")
    opening = phrase("sentences.estimated", figure=figure) if exact_count else figure[0].upper() + figure[1:]
    ages = aged(row.get("age_min"), row.get("age_max"))
    phrase_of = vocab.concept(row["concept"])["quote_phrase"]
    concept = phrase_of.replace("{ages}", "" if ages == aged(None, None) else ages)
    concept = concept.replace("（）", "").replace("()", "").replace("  ", " ")  # no ages: no empty brackets either
    timing = when(row)
    according = (
        phrase("sentences.according_when", evidence=evidence_words(row), when=timing, producer=producer(source))
        if timing
        else phrase("sentences.according", evidence=evidence_words(row), producer=producer(source))
    )
    caveat = main_caveat(row)
    parts = {"opening": opening, "who": who(row), "phrase": concept, "according": according}
    return phrase("sentences.quote_caveat", caveat=caveat, **parts) if caveat else phrase("sentences.quote", **parts)


def summary_sentence(rows: pd.DataFrame, subject: str = "") -> str:
    """One sentence on the latest row shown: "Japan's latest national survey (fieldwork Nov 2022) estimates ..."."""
    if rows.empty:
        return phrase("sentences.no_rows")
    dated = rows.assign(_when=rows["fieldwork_start"].fillna(rows["published"]).fillna(""))
    latest = dated.sort_values(["_when", "value"], ascending=[False, False], na_position="last").iloc[0]
    country = country_name(latest["country"])
    label = latest["method_label"]
    ages = aged(latest.get("age_min"), latest.get("age_max"))
    text = figure_phrase(latest)
    if ages != aged(None, None):
        text = phrase("sentences.figure_ages", figure=text, ages=ages)
    verb = "gives" if "estimate" in str(latest["method"]) else "estimates"  # the code, not the translated label
    values = {"owner": subject or country, "method": label, "figure": text}
    if _has(latest, "fieldwork_start"):
        return phrase(f"sentences.summary_{verb}_fieldwork", month=pretty(str(latest["fieldwork_start"])[:7]), **values)
    return phrase(f"sentences.summary_{verb}", **values)


def headline_summary(row: pd.Series, cautions: list[str]) -> str:
    """A country's headline in one sentence with what must not be dropped: "Japan's headline figure, from a national
    survey fielded in November 2022: 2.05% of people aged 15–39. (caution...)"."""
    country = country_name(row["country"])
    fielded = when(row)
    ages = aged(row.get("age_min"), row.get("age_max"))
    # the rate it was chosen for first, then its count
    rate = (
        phrase(f"sentences.rate_of_group.{_unit(row)}", rate=i18n.with_article(headline_figure(row), i18n.current()))
        if _has(row, "rate_pct")
        else None
    )
    figure = rate or figure_phrase(row)
    if ages != aged(None, None):
        figure = phrase("sentences.figure_ages", figure=figure, ages=ages)
    if _has(row, "rate_pct") and _has(row, "value"):
        figure = phrase(
            "sentences.with_count", figure=figure, count=qualified(_count(row, "value"), row.get("qualifier"))
        )
    values = {"country": country, "method": row["method_label"], "figure": figure}
    text = (
        phrase("sentences.headline_when", when=fielded, **values) if fielded else phrase("sentences.headline", **values)
    )
    return i18n.sentences([text, *cautions], i18n.current())


def how_made(row: pd.Series, population: float | None = None, population_label: str = "") -> list[str]:
    """The arithmetic behind an estimate, step by step, from the pieces the data holds."""
    steps = []
    if _has(row, "cases") and _has(row, "sample_size"):
        share = row["cases"] / row["sample_size"] * 100
        published = pct(row["rate_pct"]) if _has(row, "rate_pct") else phrase("sentences.how.no_rate")
        steps.append(
            phrase(
                "sentences.how.cases",
                cases=_int(row["cases"]),
                sample=_int(row["sample_size"]),
                share=f"{share:.2f}%",
                published=published,
            )
        )
    if _has(row, "value") and _has(row, "rate_pct") and row["rate_pct"] > 0:
        base = population if population else row["value"] / (row["rate_pct"] / 100)
        steps.append(
            phrase(
                "sentences.how.scaled",
                rate=pct(row["rate_pct"]),
                base=count(round(base, -4)),
                basis=population_label or phrase("sentences.how.implied_population"),
                result=count(round(base * row["rate_pct"] / 100, -3)),
                published=count(row["value"]),
            )
        )
    if row.get("interval") == "derived_ci95" and _has(row, "derivation"):
        low = pct(row["rate_low_pct"]) if _has(row, "rate_low_pct") else ""
        high = pct(row["rate_high_pct"]) if _has(row, "rate_high_pct") else ""
        if _has(row, "value_low") and _has(row, "value_high"):
            steps.append(
                phrase(
                    "sentences.how.derived_counts",
                    low=low,
                    high=high,
                    count_low=count(row["value_low"], unit=None),  # the group names the unit, once
                    count_high=count(row["value_high"], unit=None),
                    group=_group(row),
                    derivation=derivation(row),
                )
            )
        else:
            steps.append(phrase("sentences.how.derived", low=low, high=high, derivation=derivation(row)))
    elif _has(row, "derivation"):
        steps.append(phrase("sentences.how.derived_other", derivation=derivation(row)))
    return steps


def headline_figure(row: pd.Series) -> str:
    """The big number of a headline: its rate ('5.2%'), so countries read in one unit; a count ('1.46 M') only where no
    rate is published. Beside a count, a row's qualifier is the count's ('1.6% (about 35,792)'),
    so the rate stands bare."""
    if _has(row, "rate_pct"):
        return pct(row["rate_pct"]) if _has(row, "value") else qualified(pct(row["rate_pct"]), row.get("qualifier"))
    return qualified(count_short(row["value"]), row.get("qualifier"))


def headline_detail(row: pd.Series) -> str:
    """What a headline number covers: concept, ages, scope, year, and the count when the big number is a rate."""
    students = row.get("scope") == "enrolled_students"
    detail = phrase(
        "sentences.detail_students" if students else "sentences.detail",
        concept=row["concept_label"],
        ages=row["ages"],
        year=row["year"],
    )
    if _has(row, "value") and _has(row, "rate_pct"):
        group = phrase(f"sentences.groups.{'students' if students else 'people'}")
        return phrase(
            "sentences.detail_count",
            detail=detail,
            count=qualified(count(row["value"]), row.get("qualifier")),
            group=group,
        )
    return detail
