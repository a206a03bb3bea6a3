"""The Figure: everything one figure card shows, built without Streamlit."""

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go


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


def row_notes(figure: Figure) -> list[dict[str, str]]:
    """Each row shown with its method, sample and note: what 'About this data' lists in the card and on the static page."""
    notes = []
    for _, row in figure.rows.iterrows():
        facts = [str(row[c]) for c in ("method_label", "measure") if c in row and pd.notna(row[c])]
        if "sample_size" in row and pd.notna(row["sample_size"]):
            facts.append(f"{int(row['sample_size']):,} valid respondents")
        if "cases" in row and pd.notna(row["cases"]):
            facts.append(f"{int(row['cases']):,} cases")
        note = str(row["note"]) if pd.notna(row.get("note")) else "no note"
        notes.append({"label": str(row[figure.row_label_column]), "facts": " · ".join(facts), "note": note})
    return notes
