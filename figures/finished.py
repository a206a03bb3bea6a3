"""A figure as its card shows it: the chart with its source line inside, the sources used,
and the rows no page holds."""

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from core.package_check import PackageCheck
from figures.figure import Figure
from shaping.charts import with_source
from shaping.citations import citation_groups, source_line, sources_for
from shaping.evidence import row_labels, unread_rows
from shaping.words import app_title


@dataclass(frozen=True)
class Finished:
    """Everything a card draws that depends only on the data and the view: made once, then only read (the app shares
    one Finished between every session showing that view, so nothing may change it after `finish`)."""

    figure: Figure
    chart: go.Figure  # the builder's chart with the source line inside it
    used: pd.DataFrame  # the sources of the rows shown, one row each
    source_line: str  # "Hikikomori in Numbers · Source: …", as inside the chart and its images
    sources_text: str  # "Sources: Cabinet Office of Japan (2010, 2016); …" (plain text, for the CSV's first line)
    citations: list[tuple[str, list[tuple[str, str]]]]  # each producer with its editions' labels and URLs
    unread: (
        tuple[str, ...] | None
    )  # labels of rows shown that no readable page holds; None when evidence.csv has problems


def finish(figure: Figure, check: PackageCheck) -> Finished:
    """The figure with what its card adds: the source line drawn into its chart (the chart is changed, so pass a figure
    built for this call), its sources and its unread rows."""
    used = sources_for(figure.rows, check.table("sources"))
    text = source_line(used)
    line = f"{app_title()} · {text}"
    unread = None
    if not check.problems.get("evidence"):
        missing = set(unread_rows(figure.rows, check.table("evidence")))
        unread = tuple(
            label for row_id, label in row_labels(figure.rows, figure.row_label_column).items() if row_id in missing
        )
    return Finished(
        figure=figure,
        chart=with_source(figure.chart, line),
        used=used,
        source_line=line,
        sources_text=text,
        citations=citation_groups(used),
        unread=unread,
    )
