"""PNG and SVG of finished figures, through Kaleido 1.x and the system's Chromium (`chromium` on the PATH, or
BROWSER_PATH). One call renders a whole batch with one browser start."""

from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from shaping.charts import with_source

IMAGE_WIDTH = 900  # layout pixels; the PNG is twice that (PNG_SCALE), the SVG exactly that
PNG_SCALE = 2
SOURCE_LINE = "source-line"
NO_MATHJAX = Path(__file__).resolve().parent / "assets" / "no-mathjax.js"


def finished(chart: go.Figure, source_text: str) -> go.Figure:
    """A copy of the chart with its source line inside (the card's own chart may already carry it: never twice)."""
    fig = go.Figure(chart)
    if not any(a.name == SOURCE_LINE for a in fig.layout.annotations):
        with_source(fig, source_text)
    return fig


def image_height(fig: go.Figure) -> int:
    return int(fig.layout.height or 450)


def _no_cdn() -> None:
    pio.defaults.mathjax = str(NO_MATHJAX)  # Kaleido asks no other host for anything


def image_bytes(fig: go.Figure, fmt: str) -> bytes:
    """One image ('png' at 2× or 'svg') of a finished figure, for a download made on click."""
    _no_cdn()
    return pio.to_image(fig, format=fmt, width=IMAGE_WIDTH, height=image_height(fig), scale=PNG_SCALE if fmt == "png" else 1)
