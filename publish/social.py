"""The social card (og:image, 1200 x 630) of a figure: the chart itself when its text stays legible as a thumbnail,
otherwise a card led by the figure's own words (title, subtitle, summary, source line) with the chart's shape beside
them."""

from dataclasses import dataclass, replace

import plotly.graph_objects as go

import i18n
from shaping.charts import left_out_line, text_width, wrapped
from shaping.images import SOURCE_LINE, TITLE_BLOCK, image_height, titled
from shaping.text import plotly_plain

# og:image: the 1.91:1 card social sites show (1200 × 630 pixels), its own file beside the figure's PNG and SVG.
SOCIAL_SIZE = (1200, 630)
SOCIAL_NAME = "{key}-social.png"
# A feed commonly shows the card about this wide; its text must stay legible at that size.
THUMBNAIL_WIDTH = 500
# The smallest text (px) a reader makes out in the card shown THUMBNAIL_WIDTH wide: 12 px on the 1200-px card.
LEGIBLE_PX = 5
PLOTLY_FONT_PX = 12  # Plotly's own default font size, for a chart that sets none
LINE_SPACING = 1.3  # Plotly's line height in a multi-line text, in font sizes


def social_size(chart: go.Figure) -> tuple[int, int, float]:
    """Layout width, height and scale that render the chart at SOCIAL_SIZE pixels: 1.91:1 at the chart's own height
    (at least 420 layout px so short charts are not tiny). A tall chart is shrunk whole rather than squeezed into a
    shorter layout: its rows' labels are written above them, and squeezed rows would print them over each other."""
    step = max(20, round(image_height(chart) / 21))  # 40:21 is 1200:630
    return 40 * step, 21 * step, SOCIAL_SIZE[0] / (40 * step)


def _drawn(obj) -> bool:
    return obj.visible is not False


def text_px(fig: go.Figure, skip: tuple[str, ...] = (SOURCE_LINE, TITLE_BLOCK)) -> float:
    """The smallest font (layout px) of the text a figure draws: trace text (row labels, values), tick labels, axis
    titles, the legend and annotations, except those named in `skip` (the chart card sizes its title and source line
    for the card itself)."""
    base = fig.layout.font.size or PLOTLY_FONT_PX
    sizes = [base]
    for trace in fig.data:
        shows_text = "text" in (getattr(trace, "mode", None) or "") or (
            trace.type == "bar" and trace.text is not None and trace.textposition != "none"
        )
        if _drawn(trace) and shows_text and trace.text is not None:
            sizes.append(trace.textfont.size or base)
    for name in fig.layout:
        if name.startswith(("xaxis", "yaxis")) and _drawn(fig.layout[name]):
            axis = fig.layout[name]
            if axis.showticklabels is not False:
                sizes.append(axis.tickfont.size or base)
            if axis.title.text:
                sizes.append(axis.title.font.size or base)
    if fig.layout.showlegend is not False and any(t.showlegend is not False and t.name for t in fig.data):
        sizes.append(fig.layout.legend.font.size or base)
    sizes += [a.font.size or base for a in fig.layout.annotations if a.name not in skip and a.text]
    return min(sizes)


def thumbnail_px(chart: go.Figure) -> float:
    """How tall the chart's smallest text is when its card (the whole chart shrunk to SOCIAL_SIZE) is shown
    THUMBNAIL_WIDTH wide."""
    return text_px(chart) * social_size(chart)[2] * THUMBNAIL_WIDTH / SOCIAL_SIZE[0]


def legible(chart: go.Figure) -> bool:
    """Whether the chart itself makes a card a reader can read in a feed: its smallest text, shrunk with the chart to
    SOCIAL_SIZE and shown THUMBNAIL_WIDTH wide, is at least LEGIBLE_PX tall (12 px on the card)."""
    return thumbnail_px(chart) >= LEGIBLE_PX


@dataclass(frozen=True)
class SocialWords:
    """What a card says, in the reader's language: the figure's title, subtitle and summary (as its page shows them)
    and its source line, which opens with the project's name."""

    title: str
    subtitle: str
    source: str
    summary: str = ""
    lang: str = i18n.DEFAULT  # the words' language: what the card adds (the rows a chart left out) is said in it


def chart_card(chart: go.Figure, words: SocialWords) -> tuple[go.Figure, tuple[int, int, float]]:
    """The chart shrunk whole to SOCIAL_SIZE, the title drawn large enough to read as a thumbnail."""
    width, height, scale = social_size(chart)
    layout = go.Figure(chart).update_layout(width=width, height=height)
    card = titled(layout, words.title, words.subtitle, scale=scale, grow=False, source=words.source)
    for note in card.layout.annotations:
        if note.name == SOURCE_LINE:  # the source line too at a size a thumbnail shows (the chart is shrunk by scale)
            size = max(10, 12 / scale)
            extra = (note.text.count("<br>") + 1) * (size - 10) * 1.3
            note.update(font_size=size, yshift=note.yshift - extra)
            card.update_layout(margin_b=card.layout.margin.b + extra)
    return card, (width, height, scale)


# The text-led card, in card pixels (it is drawn at scale 1): its edges, the room between blocks, the chart's shape.
EDGE, GAP = 48, 18
SHAPE_WIDTH = 380
TITLE_PX, SUBTITLE_PX, SUMMARY_PX, SOURCE_PX = 44, 26, 28, 17
SMALLEST = 0.65  # the words shrink to fit down to this share of their sizes (the summary to 18 px), never cut
TICK_PX = 14  # the shape's axis numbers
MOST_TICKS = 5  # numbers on the shape's x axis, at most
Y_NUMBERS_PX = 64  # room left of the shape for its y axis's numbers, which Plotly draws outside the plot
# Average width of a narrow (Latin) character in font sizes, bold wider; wrapped() counts a wide (CJK) one as two
# narrow, and a wide one is one font size wide: half of it each.
CHAR_EM, BOLD_CHAR_EM, WIDE_EM = 0.48, 0.52, 0.5
TEXT_CARD = "text-led card"
COLORS = {"title": "#1f1f1f", "subtitle": "#444444", "summary": "#1f1f1f", SOURCE_LINE: "#444444"}


def char_em(text: str, bold: bool = False) -> float:
    """The width of a narrow character of this text, in font sizes, to wrap it by: a text with Japanese or Korean in
    it is counted as wide as those characters are drawn."""
    latin = BOLD_CHAR_EM if bold else CHAR_EM
    return max(latin, WIDE_EM) if text_width(text) > len(text) else latin


def _lines(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    return wrapped(text, max(12, int(width / (char_em(text, bold) * size)))) if text else []


def _markup(lines: list[str], bold: int = 0) -> str:
    """Lines as Plotly text, the first `bold` of them bold."""
    return "<br>".join(
        f"<b>{plotly_plain(line)}</b>" if i < bold else plotly_plain(line) for i, line in enumerate(lines)
    )


def _block_px(lines: list[str], size: float) -> float:
    return len(lines) * size * LINE_SPACING


def _source_lines(words: SocialWords, left_out: str | None, width: float, size: float) -> tuple[list[str], int]:
    """The source block's lines: the project's name (bold) on its own line, what the chart left out, the sources;
    and how many lines the name takes."""
    name, _, sources = words.source.partition(" · ")
    if not sources:  # no name before the sources
        name, sources = "", words.source
    named = _lines(name, width, size, bold=True)
    rest = [line for text in (left_out, sources) if text for line in _lines(text, width, size)]
    return named + rest, len(named)


def _laid_out(words: SocialWords, left_out: str | None, with_shape: bool, factor: float) -> dict | None:
    """Each block's name, lines, font size and bold lines at `factor` of the full sizes (the source line at the
    foot), or None when they do not fit the card."""
    full = SOCIAL_SIZE[0] - 2 * EDGE
    column = full - (SHAPE_WIDTH + GAP if with_shape else 0)
    source_px = max(14.0, SOURCE_PX * factor)
    source, named = _source_lines(words, left_out, full, source_px)
    title = _lines(words.title, column, TITLE_PX * factor, bold=True)
    blocks = [
        ("title", title, TITLE_PX * factor, len(title)),
        ("subtitle", _lines(words.subtitle, column, SUBTITLE_PX * factor), SUBTITLE_PX * factor, 0),
        ("summary", _lines(words.summary, column, SUMMARY_PX * factor), SUMMARY_PX * factor, 0),
    ]
    blocks = [b for b in blocks if b[1]]
    words_px = sum(_block_px(lines, size) for _, lines, size, _ in blocks) + GAP * (len(blocks) - 1)
    source_top = SOCIAL_SIZE[1] - EDGE / 2 - _block_px(source, source_px)
    if EDGE + words_px > source_top - GAP:
        return None
    return {
        "blocks": [*blocks, (SOURCE_LINE, source, source_px, named)],
        "source_top": source_top,
        "with_shape": with_shape,
    }


def _annotation(fig: go.Figure, name: str, text: str, size: float, top: float) -> None:
    """A block of text hung from `top` px below the card's top edge, at its left margin."""
    fig.add_annotation(
        text=text,
        name=name,
        xref="paper",
        yref="paper",
        x=EDGE / SOCIAL_SIZE[0],
        y=1 - top / SOCIAL_SIZE[1],
        xanchor="left",
        yanchor="top",
        align="left",
        showarrow=False,
        font={"size": round(size, 1), "color": COLORS[name]},
    )


def _shape(chart: go.Figure, card: go.Figure, bottom: float) -> None:
    """The chart's marks (points, intervals, lines, bars) on the card's right, at their own scale and with its axis
    numbers, but no words: a hint of its shape, not a reading of it (its rows' labels would not be legible)."""
    for trace in chart.data:
        if (trace.xaxis or "x") != "x":  # a second scale (a tall forest's, above its rows) has no room in the shape
            continue
        trace = go.Figure(data=[trace]).data[0]  # a copy
        if "text" in (getattr(trace, "mode", None) or ""):
            trace.mode = "+".join(m for m in trace.mode.split("+") if m != "text") or "none"
        if trace.type == "bar":
            trace.textposition = "none"
        trace.update(showlegend=False, hoverinfo="skip")
        card.add_trace(trace)
    numbers = chart.layout.yaxis.showticklabels is not False and chart.layout.yaxis.visible is not False
    left = (SOCIAL_SIZE[0] - EDGE - SHAPE_WIDTH + (Y_NUMBERS_PX if numbers else 0)) / SOCIAL_SIZE[0]
    axes = {"title": {"text": ""}, "automargin": False, "tickfont_size": TICK_PX, "fixedrange": True}
    xaxis = {**chart.layout.xaxis.to_plotly_json(), **axes, "domain": [left, 1 - EDGE / SOCIAL_SIZE[0]]}
    while len(xaxis.get("tickvals") or ()) > MOST_TICKS:  # fewer numbers, so they stay apart in the shape's width
        xaxis.update(tickvals=xaxis["tickvals"][::2], ticktext=(xaxis.get("ticktext") or [])[::2] or None)
    card.update_layout(
        xaxis=xaxis,
        yaxis={
            **chart.layout.yaxis.to_plotly_json(),
            **axes,
            "domain": [(SOCIAL_SIZE[1] - bottom) / SOCIAL_SIZE[1], 1 - EDGE / SOCIAL_SIZE[1]],
        },
    )


def text_card(chart: go.Figure, words: SocialWords) -> go.Figure | None:
    """A SOCIAL_SIZE card led by the figure's words, for a chart whose own text a thumbnail cannot show (legible):
    title and subtitle large, the summary the figure's page leads with, the source line (the project's name first)
    across the bottom, and the chart's shape small on the right (_shape). The words wrap inside the card (Japanese
    between phrases) and shrink together until they fit, never cut; the shape gives its room up first, then the
    summary (the page leads with it); None if even the title, subtitle and source line do not fit."""
    left_out = left_out_line(chart)
    tries = [(words, True), (words, False), (replace(words, summary=""), False)]  # the page leads with the summary
    factors = [1 - step * (1 - SMALLEST) / 7 for step in range(8)]
    plan = next(
        (p for w, shape in tries for f in factors if (p := _laid_out(w, left_out, shape, f))),
        None,
    )
    if plan is None:  # no card holds these words
        return None
    width, height = SOCIAL_SIZE
    card = go.Figure()
    card.update_layout(
        width=width,
        height=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        font=chart.layout.font,
        separators=chart.layout.separators,
        paper_bgcolor="white",
        plot_bgcolor="white",
        showlegend=False,
        meta={"social": TEXT_CARD},
    )
    top = EDGE
    for name, lines, size, bold in plan["blocks"]:
        _annotation(card, name, _markup(lines, bold), size, plan["source_top"] if name == SOURCE_LINE else top)
        top += _block_px(lines, size) + GAP
    if plan["with_shape"]:
        _shape(chart, card, plan["source_top"] - GAP - TICK_PX * LINE_SPACING)
    else:
        card.update_layout(xaxis_visible=False, yaxis_visible=False)
    return card


def social_card(chart: go.Figure, words: SocialWords) -> tuple[go.Figure, tuple[int, int, float]]:
    """The 1200 x 630 card of a chart and the layout width, height and scale Kaleido draws it at: the chart itself when
    it is legible as a thumbnail, else the text-led card (text_card)."""
    with i18n.language(words.lang):  # the images are drawn after every language's pages, outside their language
        card = None if legible(chart) else text_card(chart, words)
        return (card, (*SOCIAL_SIZE, 1.0)) if card else chart_card(chart, words)
