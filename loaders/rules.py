"""Cross-column rules a Table Schema cannot state, as pure functions of a typed DataFrame.

Each rule returns Problems naming the CSV line (column _line) and the column to fix.
"""

from collections.abc import Callable, Iterable, Iterator
from datetime import date

import pandas as pd

from core.dates import can_precede, date_span
from core.derive import wilson_interval
from core.model import LINE_COLUMN
from core.problems import Problem
from loaders.glossary_rules import glossary_problems
from loaders.reader_words import reader_text_problems
from loaders.vocabulary_rules import concepts_match_schema, labels_match_schema

Rule = Callable[[pd.DataFrame, str], list[Problem]]
WILSON_TOLERANCE = 0.01  # percentage points: stored bounds are rounded to 2 decimals


def _num(value: object) -> str:
    """A number as a maintainer typed it: 900000, 1.34."""
    number = float(value)
    return f"{int(number)}" if number.is_integer() else f"{number:g}"


def _present(frame: pd.DataFrame, *columns: str) -> pd.Series:
    mask = pd.Series(True, index=frame.index)
    for column in columns:
        mask &= frame[column].notna()
    return mask


def _problems(
    frame: pd.DataFrame, mask: pd.Series, shown_as: str, column: str, message: Callable[[pd.Series], str]
) -> list[Problem]:
    mask = mask.fillna(False)
    if not mask.any():
        return []  # no row to convert: to_dict costs even on none
    return [Problem(shown_as, int(row[LINE_COLUMN]), column, message(row)) for row in frame[mask].to_dict("records")]


def _earliest(value: object) -> date | None:
    """The first day a partial date (or a typed date) can mean; None when it is not a date (the schema reports it)."""
    try:
        return value.date() if hasattr(value, "date") else date_span(value)[0]
    except ValueError:
        return None


def _rows(frame: pd.DataFrame, mask: pd.Series, *columns: str) -> Iterator[tuple]:
    """(line, values...) of the rows the mask selects, as Python values (tolist: what to_dict would give)."""
    selected = frame.loc[mask, [LINE_COLUMN, *columns]]
    return zip(*(selected[column].tolist() for column in selected.columns), strict=True)


def not_above(low: str, high: str, only: Callable[[pd.DataFrame], pd.Series] | None = None) -> Rule:
    """low <= high wherever both are present (and only selects the row)."""

    def rule(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
        mask = _present(frame, low, high) & (frame[low] > frame[high]) & (True if only is None else only(frame))
        return _problems(frame, mask, shown_as, low, lambda r: f"{low} {_num(r[low])} is above {high} {_num(r[high])}")

    return rule


def ordered(low: str, mid: str, high: str) -> Rule:
    """low <= mid <= high wherever both sides of a comparison are present (low <= high when mid is empty)."""
    rules = [not_above(low, mid), not_above(mid, high), not_above(low, high, only=lambda frame: frame[mid].isna())]
    return lambda frame, shown_as: [p for rule in rules for p in rule(frame, shown_as)]


ages = not_above("age_min", "age_max")


def dates_in_order(columns: Iterable[str]) -> Rule:
    """Partial dates that must not go backwards, e.g. fieldwork_start <= fieldwork_end <= published."""
    columns = list(columns)

    def rule(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
        found = []
        for i, first in enumerate(columns):
            for second in columns[i + 1 :]:
                for line, earlier, later in _rows(frame, _present(frame, first, second), first, second):
                    try:
                        ok = can_precede(earlier, later)
                    except ValueError:
                        continue  # not a date: the schema check reports it
                    if not ok:
                        found.append(
                            Problem(shown_as, int(line), first, f"{first} {earlier} is after {second} {later}")
                        )
        return found

    return rule


def needs_a_figure(columns: tuple[str, ...]) -> Rule:
    """At least one of the figure columns is filled."""

    def rule(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
        mask = frame[list(columns)].isna().all(axis=1)
        return _problems(frame, mask, shown_as, columns[0], lambda r: "row has no figure: fill " + " or ".join(columns))

    return rule


def interval_matches_bounds(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """interval says what the bounds are: none exactly when there are no bounds, and so on."""
    lows = frame["value_low"].notna() | frame["rate_low_pct"].notna()
    highs = frame["value_high"].notna() | frame["rate_high_pct"].notna()
    value_pair = frame["value_low"].notna() & frame["value_high"].notna()
    rate_pair = frame["rate_low_pct"].notna() & frame["rate_high_pct"].notna()
    interval = frame["interval"]
    checks = [
        (
            interval.eq("none") & (lows | highs),
            "interval is none but a bound is filled: name the interval or clear the bound",
        ),
        (
            interval.isin(["published_ci95", "derived_ci95", "range"]) & ~(value_pair | rate_pair),
            "interval needs both bounds: value_low and value_high, or rate_low_pct and rate_high_pct",
        ),
        (interval.eq("lower_bound") & ~lows, "interval is lower_bound but value_low (or rate_low_pct) is empty"),
        (interval.eq("lower_bound") & highs, "interval is lower_bound, so value_high and rate_high_pct must be empty"),
        (interval.eq("upper_bound") & ~highs, "interval is upper_bound but value_high (or rate_high_pct) is empty"),
        (interval.eq("upper_bound") & lows, "interval is upper_bound, so value_low and rate_low_pct must be empty"),
    ]
    found = []
    for mask, message in checks:
        found += _problems(frame, mask & interval.notna(), shown_as, "interval", lambda r, m=message: m)
    return found


def derived_is_declared(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """Derived intervals list their columns in derived_fields, and every derivation is explained."""
    fields = frame["derived_fields"].fillna("")
    bound_columns = ("value_low", "value_high", "rate_low_pct", "rate_high_pct")
    found = []
    derived = frame[frame["interval"].eq("derived_ci95").fillna(False)]
    for row in derived[[LINE_COLUMN, "derived_fields", *bound_columns]].to_dict("records"):
        missing = [c for c in bound_columns if pd.notna(row[c]) and c not in str(row["derived_fields"] or "").split()]
        if missing:
            found.append(
                Problem(
                    shown_as,
                    int(row[LINE_COLUMN]),
                    "derived_fields",
                    "interval is derived_ci95, so derived_fields must list " + " ".join(missing),
                )
            )
    mask = fields.ne("") & frame["derivation"].isna()
    found += _problems(frame, mask, shown_as, "derivation", lambda r: "derived_fields is filled: say how in derivation")
    listing = frame[fields.ne("")]
    named = {
        c for listed in listing["derived_fields"].tolist() for c in str(listed).split()
    }  # only these columns are read
    read = [
        LINE_COLUMN,
        "derived_fields",
        *(c for c in frame.columns if c in named and c not in (LINE_COLUMN, "derived_fields")),
    ]
    for row in listing[read].to_dict("records"):
        empty = [c for c in str(row["derived_fields"]).split() if c in frame and pd.isna(row[c])]
        if empty:
            found.append(
                Problem(
                    shown_as,
                    int(row[LINE_COLUMN]),
                    "derived_fields",
                    f"derived_fields names {' '.join(empty)}, which is empty",
                )
            )
    return found


def wilson_matches(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """A derived_ci95 rate interval equals the Wilson interval from cases and sample_size."""
    found = []
    mask = frame["interval"].eq("derived_ci95").fillna(False) & _present(
        frame, "cases", "sample_size", "rate_low_pct", "rate_high_pct"
    )
    for row in frame[mask].to_dict("records"):
        if not 0 <= row["cases"] <= row["sample_size"]:
            continue
        low, high = wilson_interval(int(row["cases"]), int(row["sample_size"]))
        if abs(row["rate_low_pct"] - low) > WILSON_TOLERANCE or abs(row["rate_high_pct"] - high) > WILSON_TOLERANCE:
            found.append(
                Problem(
                    shown_as,
                    int(row[LINE_COLUMN]),
                    "rate_low_pct",
                    f"rate interval {_num(row['rate_low_pct'])}–{_num(row['rate_high_pct'])} does not match the "
                    f"Wilson 95% interval from {row['cases']} of {row['sample_size']} ({low:.2f}–{high:.2f})",
                )
            )
    return found


def both_or_neither(low: str, high: str) -> Rule:
    """A confidence interval has both ends or none."""

    def rule(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
        found = []
        for column, other in ((low, high), (high, low)):
            mask = frame[column].isna() & frame[other].notna()
            found += _problems(
                frame, mask, shown_as, column, lambda r: f"{low} and {high} go together: fill both or neither"
            )
        return found

    return rule


def year_matches_date(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """year is the year of reference_date."""
    found = []
    for line, year, reference_date in _rows(frame, _present(frame, "year", "reference_date"), "year", "reference_date"):
        start = _earliest(reference_date)
        if start is not None and start.year != year:
            found.append(
                Problem(shown_as, int(line), "year", f"year {year} does not match reference_date {reference_date}")
            )
    return found


def accessed_after_published(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """A page cannot be read before it was published."""
    found = []
    for line, published, accessed in _rows(frame, _present(frame, "published", "accessed"), "published", "accessed"):
        earliest = _earliest(published)
        if earliest is not None and accessed.date() < earliest:
            found.append(
                Problem(shown_as, int(line), "accessed", f"accessed {accessed.date()} is before published {published}")
            )
    return found


def not_in_future(columns: Iterable[str]) -> Rule:
    """Dates that cannot be later than today (a typo such as 2062 for 2026)."""
    columns = list(columns)

    def rule(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
        today = date.today()
        found = []
        for column in columns:
            present = frame[frame[column].notna()]
            for line, value in zip(present[LINE_COLUMN], present[column], strict=True):
                earliest = _earliest(value)
                if earliest is not None and earliest > today:
                    found.append(
                        Problem(shown_as, int(line), column, f"{column} {str(value)[:10]} is in the future: a typo?")
                    )
        return found

    return rule


def one_reference(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """Each evidence link points at exactly one row."""
    columns = ["estimate_id", "homelessness_row_id", "health_row_id", "source_id"]
    count = frame[columns].notna().sum(axis=1)
    return _problems(
        frame,
        count.ne(1),
        shown_as,
        "estimate_id",
        lambda r: "fill exactly one of estimate_id, homelessness_row_id, health_row_id, source_id",
    )


RULES: dict[str, list[Rule]] = {
    "sources": [accessed_after_published, not_in_future(["published", "accessed"])],
    "recluse_estimates": [
        needs_a_figure(("value", "rate_pct", "value_low", "value_high")),
        ordered("value_low", "value", "value_high"),
        ordered("rate_low_pct", "rate_pct", "rate_high_pct"),
        interval_matches_bounds,
        derived_is_declared,
        wilson_matches,
        not_above("cases", "sample_size"),
        ages,
        dates_in_order(["fieldwork_start", "fieldwork_end", "published"]),
        not_in_future(["fieldwork_start", "published"]),
    ],
    "youth_homelessness": [
        needs_a_figure(("value", "rate_pct")),
        ordered("value_low", "value", "value_high"),
        ages,
        year_matches_date,
    ],
    "isolation_health_risks": [ordered("ci_low", "value", "ci_high"), both_or_neither("ci_low", "ci_high")],
    "population": [ages, year_matches_date],
    "claims": [],
    "claim_evidence": [one_reference],
    "evidence": [],  # loaders.evidence_rules: its rules read the rows each quote supports
    "concepts": [concepts_match_schema],
    "labels": [labels_match_schema],
    "glossary": [glossary_problems],
}


def rule_problems(name: str, frame: pd.DataFrame, shown_as: str) -> list[Problem]:
    """Every cross-column rule of one table. Rows with no value at all (a line of commas, as spreadsheets
    leave behind) are skipped: the schema check reports them as blank rows."""
    filled = frame.drop(columns=[LINE_COLUMN]).notna().any(axis=1)
    frame = frame[filled]
    return [p for rule in RULES[name] for p in rule(frame, shown_as)] + reader_text_problems(name, frame, shown_as)
