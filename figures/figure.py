"""The Figure: everything one figure card shows, built without Streamlit."""

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from shaping.words import phrase, phrase_n


@dataclass
class Figure:
    """Everything one figure card shows; the builders in figures/ make it from pure shaping functions."""

    key: str
    title: str
    summary: str
    chart: go.Figure
    rows: pd.DataFrame
    table_columns: dict[str, str]
    points: list[str] = field(default_factory=list)
    concepts: list[str] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)
    # Either the items or a function making them: a function runs only when the reader opens the expander.
    quotes: list[str] | Callable[[], list[str]] = field(default_factory=list)
    how_made: list[tuple[str, list[str]]] | Callable[[], list[tuple[str, list[str]]]] = field(default_factory=list)
    extra_notes: list[str] = field(default_factory=list)
    row_label_column: str = "label"
    subtitle: str = ""  # what, where, when and the unit: printed under the title, and inside every exported image
    interval_note: str = ""  # a plain-words line on what a drawn 95% interval means, when one is drawn


@dataclass(frozen=True)
class Declared:
    """A figure as its builder declares it: the key (its words file's name), its page, its controls and defaults,
    and the values its builder fills into each words template (checked against the words file)."""

    key: str
    page: str
    builder: Callable[..., "Figure | None"]
    params: dict
    controls: tuple = ()  # figures.params.Control, drawn above the figure in this order (a control shared with an
    # earlier figure of the page is drawn once, above the first)
    placeholders: dict = field(default_factory=dict)
    expand: Callable | None = None  # for a family (one figure per claim): check -> [(key, params, query)]


# Every declared figure in declaration order (the catalog orders them by page): figures/catalog.py imports the
# builder modules, whose decorators fill this.
DECLARED: dict[str, Declared] = {}


def declare(
    key: str,
    page: str,
    *,
    controls: tuple = (),
    params: dict | None = None,
    placeholders: dict | None = None,
    expand=None,
):
    """Declare the decorated builder as the figure `key` on `page` (words/figures/<key>.toml holds its words); its
    default parameters are its keyword defaults unless given."""

    def register(builder: Callable[..., "Figure | None"]):
        defaults = params
        if defaults is None:
            signature = inspect.signature(builder).parameters.values()
            defaults = {p.name: p.default for p in signature if p.default is not inspect.Parameter.empty}
        DECLARED[key] = Declared(key, page, builder, dict(defaults), tuple(controls), dict(placeholders or {}), expand)
        return builder

    return register


def row_notes(figure: Figure) -> list[dict[str, str]]:
    """Each row shown with its method, sample and note:
    what 'About this data' lists in the card and on the static page."""
    notes = []
    for _, row in figure.rows.iterrows():
        # the method's label, then the measure's (its label, or an abbreviation such as RR; never a code like
        # one_night_count, which homelessness rows also carry as their method_label)
        measure = row.get("measure_label", row.get("measure"))
        facts = [str(row["method_label"])] if "method_label" in row and pd.notna(row["method_label"]) else []
        if isinstance(measure, str) and not re.fullmatch(r"[a-z0-9_]+", measure) and measure not in facts:
            facts.append(measure)
        if "sample_size" in row and pd.notna(row["sample_size"]):
            facts.append(phrase_n("rows.respondents", int(row["sample_size"]), count=f"{int(row['sample_size']):,}"))
        if "cases" in row and pd.notna(row["cases"]):
            facts.append(phrase_n("rows.cases", int(row["cases"]), count=f"{int(row['cases']):,}"))
        note = str(row["note"]) if pd.notna(row.get("note")) else phrase("rows.no_note")
        notes.append({"label": str(row[figure.row_label_column]), "facts": " · ".join(facts), "note": note})
    return notes
