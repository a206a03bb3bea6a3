"""PNG and SVG of finished figures, through Kaleido 1.x and the system's Chromium (`chromium` on the PATH, or
BROWSER_PATH). One call renders a whole batch with one browser start."""

from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from shaping.charts import text_width, with_source, wrapped
from shaping.text import plotly_plain

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


TITLE_PX, SUBTITLE_PX = 20, 14
TITLE_BLOCK = "title-block"


def legend_height(fig: go.Figure, width: float) -> int:
    """About how tall a horizontal legend above the plot is drawn at this width (Plotly wraps its entries into rows),
    so a title put above it does not sit under it: 14 px font, about 7.5 px a character, 40 px for the symbol."""
    if fig.layout.showlegend is False:
        return 0
    rows, used, tallest = [], 0.0, 1
    for trace in fig.data:
        if trace.showlegend is False or not trace.name:
            continue
        lines = str(trace.name).split("<br>")
        wide = 40 + 7.5 * max(text_width(line) for line in lines)
        if used and used + wide > width:
            rows.append(tallest)
            used, tallest = 0.0, 1
        used, tallest = used + wide, max(tallest, len(lines))
    if used:
        rows.append(tallest)
    return int(sum(8 + 19 * lines for lines in rows) + 10)


def source_font(scale: float) -> float:
    """The source line's font size in an image drawn at `scale` (a social card shrinks its chart: larger to stay
    readable as a thumbnail)."""
    return 10 if scale == 1.0 else max(10, 12 / scale)


def rewrapped_source(fig: go.Figure, source: str, width: float, scale: float, keep_height: bool) -> None:
    """The source line re-wrapped to the image's width: the chart's own is wrapped for a phone's card (48 characters),
    which left a column of eleven lines in the corner of a 1200-px card. `keep_height`: a fixed-size image's plot gives
    up the room instead."""
    height = fig.layout.height
    old = [a for a in fig.layout.annotations if a.name == SOURCE_LINE]
    if old:
        fig.layout.annotations = [a for a in fig.layout.annotations if a.name != SOURCE_LINE]
        fig.update_layout(height=(height or 450) - 13 * str(old[0].text).count("<br>"))
    with_source(fig, source, max(48, int(width / (0.55 * source_font(scale)))))
    if keep_height:
        fig.update_layout(height=height)


TOP_TICKS_PX = 26  # a top axis's tick labels (14 px) and their gap, above the plot


def titled(
    chart: go.Figure, title: str, subtitle: str, scale: float = 1.0, grow: bool = True, source: str | None = None
) -> go.Figure:
    """A copy of the chart with its title and subtitle (what, where, when, the unit) at its top, so an exported image
    says what it shows without the page around it; the source line and the project's name are already at its
    bottom (with_source). `scale`: the factor the image is drawn at (a social card shrinks a tall chart whole, so its
    title is drawn larger to stay readable as a thumbnail). `grow`: the chart grows by the title's room (PNG, SVG);
    otherwise its height stays and the plot gives the room up (the social card's fixed 1200 x 630). `source`: the
    source line, re-wrapped to the image's width (rewrapped_source)."""
    fig = go.Figure(chart)
    width = 0.85 * (IMAGE_WIDTH if scale == 1.0 else (fig.layout.width or IMAGE_WIDTH))  # the plot's width, about
    if source:
        rewrapped_source(fig, source, width, scale, keep_height=not grow)
    height = image_height(fig)
    title_px, subtitle_px = TITLE_PX / scale, SUBTITLE_PX / scale
    # wrapped() counts a Japanese or Korean character as two narrow ones, as wide as it is drawn
    title_lines = wrapped(title, max(20, int(width / (0.55 * title_px)))) if title else [""]
    subtitle_lines = wrapped(subtitle, max(30, int(width / (0.5 * subtitle_px)))) if subtitle else []
    text = "<b>" + "<br>".join(plotly_plain(line) for line in title_lines) + "</b>"
    if subtitle_lines:
        text += (
            f"<br><span style='font-size:{subtitle_px:.0f}px;color:#444444'>"
            + "<br>".join(plotly_plain(line) for line in subtitle_lines)
            + "</span>"
        )
    # Plotly spaces every line of the annotation by its base font (the title's), the smaller subtitle's lines too
    room = 14 / scale + (len(title_lines) + len(subtitle_lines)) * title_px * 1.3
    # a tall forest's scale repeated above its rows (shaping.charts.top_scale) sits between the legend and the plot
    above = TOP_TICKS_PX if fig.layout.to_plotly_json().get("xaxis2", {}).get("side") == "top" else 0
    top = max(fig.layout.margin.t or 40, legend_height(fig, width) + above) + room
    # An annotation hung from the top of the plot by pixels: Plotly's layout.title cuts a multi-line title's first line.
    fig.add_annotation(
        text=text,
        name=TITLE_BLOCK,
        xref="paper",
        x=0,
        xanchor="left",
        yref="paper",
        y=1,
        yanchor="top",
        yshift=top - 8 / scale,
        showarrow=False,
        align="left",
        font={"size": title_px, "color": "#1f1f1f"},
    )
    fig.update_layout(margin_t=top)
    if grow:
        fig.update_layout(height=height + room)
    # The legend right on the plot's top edge: its usual place (y=1.02, a share of the plot's height) rises about
    # 70 px above a tall chart's plot, into the title block legend_height made room for.
    plot = image_height(fig) - top - (fig.layout.margin.b or 0)
    if fig.layout.legend.y is not None and plot > 0:
        fig.update_layout(legend_y=1 + (6 + above) / plot)
    return fig


def image_height(fig: go.Figure) -> int:
    return int(fig.layout.height or 450)


def _no_cdn() -> None:
    pio.defaults.mathjax = str(NO_MATHJAX)  # Kaleido asks no other host for anything


def image_bytes(fig: go.Figure, fmt: str) -> bytes:
    """One image ('png' at 2× or 'svg') of a finished figure, for a download made on click."""
    _no_cdn()
    return pio.to_image(
        fig, format=fmt, width=IMAGE_WIDTH, height=image_height(fig), scale=PNG_SCALE if fmt == "png" else 1
    )
