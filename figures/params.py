"""The choices a view offers, each defined once: widget label -> the value a builder takes.

The labels are also the values a link carries (widgets bound to query parameters), so changing one breaks links
readers have shared; that is why Japan's and Compare's measure labels still differ ("age group" vs "age band").
"""

from dataclasses import dataclass

import pandas as pd

SCALES = {"Linear": False, "Logarithmic": True}
JAPAN_MEASURES = {"Rate (% of age group)": "rate", "Count (people)": "count"}
COMPARE_MEASURES = {"Rate (% of age band)": "rate", "Count": "count"}
HOMELESS_VIEWS = {"Count": "value", "Per 100,000 residents of the same ages (derived)": "per_100k"}
# A choice whose label is too long for a phone's widget is shown in the words of this words/site.toml key instead.
SHOWN_AS = {"Per 100,000 residents of the same ages (derived)": "controls.per_100k_shown"}


def label_for(choices: dict[str, object], value: object) -> str:
    """The widget label of a builder value (for defaults and links)."""
    return next(label for label, v in choices.items() if v == value)


def points(rows: pd.DataFrame, column: str = "as_published") -> list[str]:
    """One phrase per row for the chart's alt text: 'label: value'."""
    return [f"{r['label']}: {r[column]}" for _, r in rows.iterrows()]


@dataclass(frozen=True)
class Control:
    """A widget above a figure: the builder parameter it sets, the link parameter it is bound to, and its choices
    (label -> value); its label is words/site.toml [controls].<param>."""

    param: str
    query: str
    choices: dict


JAPAN_MEASURE = Control("measure", "measure", JAPAN_MEASURES)
SCALE = Control("log", "scale", SCALES)
HOMELESS_VIEW = Control("view", "view", HOMELESS_VIEWS)
