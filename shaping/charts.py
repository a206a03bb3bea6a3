"""Plotly figures built from data rows: uncertainty drawn, evidence types told apart, sources inside the figure."""

import math
import re
from functools import cache
from unicodedata import east_asian_width

import budoux
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

import i18n
from settings import AGE_GROUP_COLORS, AGE_GROUP_SYMBOLS, CHART_ROWS_AT_MOST, COUNTRY_COLORS, COUNTRY_SYMBOLS, OKABE_ITO
from shaping.numbers import count_short, pct, qualified, unit_of
from shaping.text import plotly_plain
from shaping.words import phrase, phrases, say

FONT = "Source Sans Pro, Arial, sans-serif"
PUBLISHED_BAR = {"color": "#333333", "thickness": 2, "width": 6}
DERIVED_BAR = {"color": "#8c8c8c", "thickness": 1.5, "width": 3}
# Every figure starts from this template: set once here, because passing template= to each figure costs a
# validated deep copy of it (about 15 ms a chart; see docs/performance.md).
pio.templates.default = "plotly_white"


def base_layout(fig: go.Figure, height: int, x_title: str = "", y_title: str = "") -> go.Figure:
    """Shared layout: readable fonts, legend below, room at the bottom for the source line."""
    fig.update_layout(
        height=height,
        font={"family": FONT, "size": 14, "color": "#1f1f1f"},
        margin={"l": 10, "r": 30, "t": 40, "b": 95},
        legend={"orientation": "h", "y": 1.02, "x": 0, "yanchor": "bottom"},
        hoverlabel={"font_size": 13},
    )
    # numbers in full on every linear axis (700,000, never Plotly's SI '700k', which a Japanese reader reads as 70万);
    # Plotly groups the digits of five or more by itself, so a year stays 2015
    axes = {"automargin": True, "exponentformat": "none"}
    fig.update_xaxes(title_text=axis_title(x_title), **axes)
    fig.update_yaxes(title_text=axis_title(y_title), **axes)
    return fig


AXIS_TITLE_CHARS = 36  # narrow characters an axis title's line holds in a card on a phone (the Claim check's, nested)


def axis_title(text: str) -> str:
    """An axis title in lines a phone shows whole ("Increase in risk (%), as stated by the source" ran past its edge),
    unless its words already break it (<br>)."""
    return text if "<br>" in text else "<br>".join(wrapped(text, AXIS_TITLE_CHARS))


# A row's label is written above its line, across the plot, in lines of at most this many characters (about 225 px
# at 12 px): on a 390-px phone a chart is 300-320 px wide (300 inside the Claim check's nested cards), and labels
# beside the axis took most of it, cut.
ROW_LABEL_CHARS = 42
ROW_LINE_PX = 15


def text_width(text: str) -> int:
    """Width in narrow characters: a Japanese or Korean character (East Asian wide or full-width) counts two."""
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


# Break opportunities: at a space, or between two Japanese characters (kana, kanji, full-width forms) except before
# closing punctuation (、。）」…). Korean is written with spaces between words and breaks only there
# (as the page's CSS).
_WIDE = "\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
_OPENING = "[（「『【〔]"
_BREAK = re.compile(
    rf"(?<=\s)|(?<=[{_WIDE}])(?=[{_WIDE}])(?![、。，．）」』】〕：；！？・ー〜ぁぃぅぇぉっゃゅょァィゥェォッャュョ])"
    r"(?!(?<=[ァ-ヺー])[ァ-ヺー])"  # nor inside a katakana word (オンラ|イン)
    r"(?<![（「『【〔])"  # nor after an opening bracket
)


@cache
def _phrases() -> "budoux.Parser":
    return budoux.load_default_japanese_parser()


def _pieces(text: str, width: int) -> list[str]:
    """The text cut where a line may break: at spaces, and in Japanese between phrases (BudouX's: 初めて|調査, never
    初|めて), where that is also between two Japanese characters; a phrase wider than a line, between any two."""
    if not re.search(f"[{_WIDE}]", text):
        return [p for p in _BREAK.split(text) if p]
    pieces = []
    for phrase_ in _phrases().parse(text):
        # a mark BudouX opens a phrase with that closes the one before ('…による）|：15～39歳') goes back to it
        marks = re.match("[、。，．）」』】〕：；！？・]*", phrase_).group() if pieces else ""
        pieces[-1:] = [pieces[-1] + marks] if marks else pieces[-1:]
        phrase_ = phrase_[len(marks) :]
        if not phrase_:
            continue
        # BudouX cuts '2018年' as '201|8年': a cut not between two Japanese characters (nor at a space, where a line
        # may break: '(UK Biobank) |（英語のまま）') joins its neighbours again, and an opening bracket with one
        # character ('（公|表値ではない）') stays with the rest of its words
        between = re.search(rf"[{_WIDE}\s]$", pieces[-1]) and re.match(f"[{_WIDE}]", phrase_) if pieces else True
        if pieces and (
            not between or re.fullmatch("[（「『【〔].", pieces[-1]) or pieces[-1].endswith(tuple("（「『【〔"))
        ):
            pieces[-1] += phrase_
        else:
            pieces.append(phrase_)
    return [p for piece in pieces for p in (_BREAK.split(piece) if text_width(piece) > width else [piece]) if p]


def _wrap(text: str, width: int) -> list[str]:
    """textwrap's job for mixed scripts (written by hand: textwrap counts characters and never breaks inside a run of
    Japanese or Korean without spaces): greedy lines of at most `width` narrow characters."""
    lines: list[str] = []
    line = ""
    for piece in _pieces(text, width):
        if line and text_width((line + piece).rstrip()) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    return [*lines, line.rstrip()] if line.strip() or not lines else lines


def wrapped(text: str, width: int = ROW_LABEL_CHARS) -> list[str]:
    """Lines of at most `width` narrow characters: at each newline, then after a ' · ' where one fits, else at spaces
    or between Japanese or Korean characters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        parts: list[str] = []
        for part in paragraph.split(" · "):
            joined = f"{parts[-1]} · {part}" if parts else part
            if parts and text_width(joined) <= width:
                parts[-1] = joined
            else:
                parts.append(part)
        lines += [line for long in parts for line in (_wrap(long, width) or [""])]
    return lines


ROW_LABELS = "row labels"
# How far (in log10 units, about 0.0002%) a log axis starts left of the point its row labels hang from.
LABEL_ANCHOR_INSIDE = 1e-6


def row_label_trace(
    categories: list[str],
    texts: list[str],
    x: float,
    name: str = ROW_LABELS,
    bold: bool = False,
    clearance_px: int = 20,
) -> go.Scatter:
    """Each row's label written above its line from x, the axis's left end (text is plain, not markup). One text trace,
    not an annotation per row: Plotly lays annotations out one by one, each with its own box (with them, the warm
    /japan page on the benchmark's 100x package took 4.94 s, against 3.42 s before the labels). Its invisible markers
    set how far above the line the text sits (clearance_px: their diameter), clear of a data marker or bar there."""
    lines = ["<br>".join(plotly_plain(line) for line in wrapped(text)) for text in texts]
    return go.Scatter(
        x=[x] * len(categories),
        y=categories,
        mode="markers+text",
        name=name,
        text=[f"<b>{text}</b>" for text in lines] if bold else lines,
        textposition="top right",
        textfont={
            "size": 13 if bold else 12,
            "color": "#1f1f1f",
            "shadow": "auto",
        },  # a halo over grid and reference lines
        marker={"size": clearance_px, "opacity": 0},
        cliponaxis=False,
        hoverinfo="skip",
        showlegend=False,
    )


def row_height(texts: list[str]) -> int:
    """Pixels per row: the tallest wrapped label above its line, the marker and a gap."""
    return 22 + ROW_LINE_PX * max((len(wrapped(t)) for t in texts), default=1)


def head_room(texts: list[str]) -> float:
    """Rows (of row_height) above the first row: its label, hung above its line, and a gap, so the label never rises
    out of the plot into the legend above it (a three-line label needs more than the usual three quarters)."""
    lines = len(wrapped(texts[0])) if texts else 1
    return max(0.75, (ROW_LINE_PX * lines + 16) / row_height(texts))


LEGEND_ROW_PX = 32
LEGEND_LINE_PX = 18  # each further line of a two-line entry (legend_name wraps long ones)
# Room for at most this many legend rows: a chart with more series than that (a synthetic 100x package) would
# otherwise grow by thousands of pixels for a legend nobody reads.
LEGEND_ROWS_AT_MOST = 9
LEGEND_CHARS = 34


def legend_name(text: str) -> str:
    """A legend entry in lines a phone-wide legend can show whole (plain text, not markup)."""
    return "<br>".join(plotly_plain(line) for line in wrapped(text, LEGEND_CHARS))


def legend_room(fig: go.Figure) -> int:
    """Pixels the legend takes on a phone, where each entry has a row of its own: the legend sits above the plot, in
    room of its own (base_layout), so a fixed-height chart would otherwise squeeze its rows together until their
    labels ran into the legend (on a wide screen, where the legend is one row, the rows get the room instead)."""
    names = [str(trace.name) for trace in fig.data if trace.showlegend is not False and trace.name]
    rows = [LEGEND_ROW_PX + LEGEND_LINE_PX * name.count("<br>") for name in names[:LEGEND_ROWS_AT_MOST]]
    return sum(rows)


def first_rows(rows: pd.DataFrame, limit: int | None = None) -> tuple[pd.DataFrame, int]:
    """The rows a one-line-per-row chart draws (the first `limit`, default settings.CHART_ROWS_AT_MOST, in the table's
    order) and how many it was given, for left_out_line."""
    limit = CHART_ROWS_AT_MOST if limit is None else limit
    return rows.head(limit), len(rows)


def drawn_meta(drawn: int, total: int, **meta: str) -> dict:
    """The chart's layout.meta: what with_source reads to say that rows were left out of the drawing."""
    return {**meta, "rows_drawn": drawn, "rows_total": total}


def left_out_line(fig: go.Figure) -> str | None:
    """'Drawn: the first 60 of 2,800 rows …' when a chart left rows out (first_rows), else None."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    drawn, total = meta.get("rows_drawn"), meta.get("rows_total")
    if drawn is None or total is None or drawn >= total:
        return None
    return phrase("chart.left_out", drawn=f"{drawn:,}", total=f"{total:,}")


def _bounds(rows: pd.DataFrame, measure: str) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Point, low and high for 'rate' or 'count' rows."""
    if measure == "rate":
        return (
            rows["rate_pct"].astype("float64"),
            rows["rate_low_pct"].astype("float64"),
            rows["rate_high_pct"].astype("float64"),
        )
    return rows["value"].astype("float64"), rows["value_low"].astype("float64"), rows["value_high"].astype("float64")


def tick_text(value: float) -> str:
    """A log axis's tick named in full: 20 -> '20', 20000 -> '20k', 5000000 -> '5M', 0.5 -> '0.5' (never a bare 2);
    in the reader's language (2万, 50만, 50.000, 5 Mln: i18n.short_number)."""
    if (lang := i18n.current()) != i18n.DEFAULT and value >= 1000:
        return i18n.short_number(value, lang)
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


def log_ticks(low: float, high: float) -> dict:
    """Tick values 1, 2 and 5 times each power of ten between low and high (1 and 10 only across more than three
    powers, so a phone's axis does not crowd), each with its full name: update_xaxes(**log_ticks(...))."""
    if not (low > 0 and high > low):
        return {}
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    steps = (1,) if last - first > 3 else (1, 2, 5)
    values = [m * 10**e for e in range(first, last + 1) for m in steps if low <= m * 10**e <= high]
    return {"tickmode": "array", "tickvals": values, "ticktext": [tick_text(v) for v in values]}


def spans_a_decade(values: pd.Series) -> bool:
    """Whether positive values span ten times or more: a log scale helps only then
    (a 0.5–1.5 million range does not)."""
    values = values.dropna()
    values = values[values > 0]
    return not values.empty and values.max() / values.min() >= 10


def figure_text(row: pd.Series, measure: str) -> str:
    """A row's figure as its label above the row and its hover give it: 'about 44,000', '5.2%', or a range."""
    if measure == "rate":
        text = qualified(pct(row["rate_pct"]), row["qualifier"]) if pd.notna(row["rate_pct"]) else ""
    elif pd.notna(row["value"]):
        text = qualified(count_short(row["value"], unit_of(row)), row["qualifier"])
    else:
        text = f"{count_short(row['value_low'], unit_of(row))}–{count_short(row['value_high'], unit_of(row))}"
    return text


def interval_words(row: pd.Series) -> str:
    """How sure a mark is, for hover text and alt text."""
    intervals = phrases()["chart"]["intervals"]
    return phrase(f"chart.intervals.{row['interval']}") if row["interval"] in intervals else ""


def _add_interval_bars(fig: go.Figure, rows: pd.DataFrame) -> None:
    """Published intervals as dark error bars and derived ones grey, each with its own legend line."""
    bar_kinds = (
        (("published_ci95", "range"), PUBLISHED_BAR, legend_name(say("chart.published_interval"))),
        (("derived_ci95",), DERIVED_BAR, legend_name(say("chart.derived_interval"))),
    )
    for interval_kinds, style, name in bar_kinds:
        bars = rows[
            rows["interval"].isin(interval_kinds)
            & rows["_point"].notna()
            & rows["_low"].notna()
            & rows["_high"].notna()
        ]
        if not bars.empty:
            # The legend draws no error bars, so a line of the bar's colour stands for them there (one legend group).
            fig.add_trace(
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="lines",
                    name=name,
                    legendgroup=name,
                    line={"color": style["color"], "width": style["thickness"] + 1},
                )
            )
            fig.add_trace(
                go.Scatter(
                    x=bars["_point"],
                    y=bars["_label"],
                    mode="markers",
                    name=name,
                    legendgroup=name,
                    showlegend=False,
                    marker={"size": 1, "color": style["color"], "opacity": 0},
                    error_x={
                        "type": "data",
                        "symmetric": False,
                        "array": bars["_high"] - bars["_point"],
                        "arrayminus": bars["_point"] - bars["_low"],
                        **style,
                    },
                    hoverinfo="skip",
                )
            )


def dot_plot(
    rows: pd.DataFrame,
    measure: str,
    log: bool,
    color_by: str = "country",
    reference: tuple[float, str] | None = None,
) -> go.Figure:
    """Horizontal dot plot of annotated estimate rows (one row per mark), with intervals as error bars.

    Surveys are filled markers, advocacy/expert/press figures and sums hollow; published intervals are
    dark error bars, intervals derived here grey and named so in the legend; a published range with
    no point value is a bare line. A reference (value, name) is marked on every row inside the axis (claim_marks).
    """
    fig = go.Figure()
    point, low, high = _bounds(rows, measure)
    rows = rows.assign(_point=point, _low=low, _high=high)
    rows, total = first_rows(rows[rows["_point"].notna() | (rows["_low"].notna() & rows["_high"].notna())])
    labels = [plotly_plain(v) for v in rows["label"]]
    rows = rows.assign(_label=labels)
    for key, group in rows.groupby(color_by, sort=False):
        marks = group[group["_point"].notna()]
        if marks.empty:
            continue
        color = (
            COUNTRY_COLORS.get(key, OKABE_ITO[0])
            if color_by == "country"
            else OKABE_ITO[len(fig.data) % len(OKABE_ITO)]
        )
        base_symbol = COUNTRY_SYMBOLS.get(key, "circle") if color_by == "country" else "circle"
        symbols = [base_symbol if s else f"{base_symbol}-open" for s in marks["survey"]]
        fig.add_trace(
            go.Scatter(
                x=marks["_point"],
                y=marks["_label"],
                mode="markers",
                name=plotly_plain(marks["country_name"].iloc[0] if color_by == "country" else key),
                text=[plotly_plain(figure_text(r, measure)) for _, r in marks.iterrows()],
                cliponaxis=False,
                marker={"color": color, "size": 13, "symbol": symbols, "line": {"color": color, "width": 2}},
                customdata=[[plotly_plain(r["method_label"]), interval_words(r)] for _, r in marks.iterrows()],
                hovertemplate="%{y}<br>%{text} (%{customdata[1]})<br>%{customdata[0]}<extra></extra>",
            )
        )
    _add_interval_bars(fig, rows)
    ranges = rows[rows["_point"].isna()]
    for _, r in ranges.iterrows():
        fig.add_trace(
            go.Scatter(
                x=[r["_low"], r["_high"]],
                y=[r["_label"], r["_label"]],
                mode="lines",
                line={"color": COUNTRY_COLORS.get(r["country"], "#333333"), "width": 4, "dash": "dot"},
                name=legend_name(phrase("chart.published_range")),
                hoverinfo="skip",
            )
        )
    if (~rows["survey"]).any():
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=legend_name(phrase("chart.hollow")),
                marker={"symbol": "circle-open", "size": 12, "color": "#555555", "line": {"width": 2}},
            )
        )
    if rows["interval"].eq("none").any():
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=legend_name(phrase("chart.no_bar")),
                marker={"symbol": "line-ew", "size": 12, "color": "#555555", "line": {"width": 1}},
            )
        )
    # Each row's label and figure above its line ("Japan · … · 2022: 2.05%"), so they stay whole at any width.
    texts = [
        f"{label}: {figure_text(r, measure)}" for label, (_, r) in zip(rows["label"], rows.iterrows(), strict=True)
    ]
    if reference is not None:
        fig.add_trace(claim_marks(*reference, list(rows["_label"])))
        fig.data = (fig.data[-1], *fig.data[:-1])  # under the rows' marks, first in the legend
    above = head_room(texts)
    height = 200 + round(row_height(texts) * (max(len(rows), 1) + above - 0.75)) + legend_room(fig)
    # count: two lines, one is wider than a phone; households named only where a row counts them
    households = "unit" in rows and bool((rows["unit"] == "households").any())
    count_axis = "chart.count_axis" if households else "chart.count_axis_people"
    x_title = phrase("chart.rate_axis" if measure == "rate" else count_axis)
    base_layout(fig, height, x_title=x_title)
    # Reversed category axis with room above the first row for its label; the labels are a text trace.
    fig.update_yaxes(
        range=[len(rows["_label"]) - 0.5, -above],
        categoryorder="array",
        categoryarray=list(rows["_label"]),
        showticklabels=False,
    )
    claimed = [pd.Series([float(reference[0])])] if reference else []  # the axis reaches the reference too
    values = pd.concat([rows["_point"], rows["_low"], rows["_high"], *claimed]).dropna()
    values = values[values > 0]
    left = 0.0
    if log and not values.empty:
        low = math.log10(values.min()) - 0.3
        left = 10**low
        # The labels' anchor a hair inside the axis: exactly on its end, rounding put some charts' anchors outside, and
        # Plotly then hid every label of the chart (the Claim check's second chart had none).
        high = math.log10(values.max()) + 0.45
        fig.update_xaxes(type="log", range=[low - LABEL_ANCHOR_INSIDE, high], **log_ticks(10**low, 10**high))
    elif not values.empty:  # counts in full (1,500,000: base_layout), grouped as the reader's language groups them
        fig.update_xaxes(range=[0, values.max() * 1.2], separatethousands=True)
    fig.add_trace(row_label_trace(list(rows["_label"]), texts, left))
    fig.update_layout(meta=drawn_meta(len(rows), total))
    return fig


# Trend breaks are written in bands across the top of the plot, one band per break (the rightmost highest), each as
# tall as its note's lines of 11-px text on a phone (two at least); the data are scaled to stay below them.
ANNOTATION_LINE = 0.065  # the share of the plot's height a line of a note takes
ANNOTATION_CHARS = 20
# The share of the plot's height above the highest point (or interval end) kept for the point's figure.
POINT_LABEL_ROOM = 0.1
FIGURE_CHAR_PX = 7.5  # a point's figure at 14 px, per character, about
TREND_BREAK = "trend break"


def annotation_bands(annotations: list[dict]) -> list[tuple[dict, float, float]]:
    """Each annotation with its band's top and bottom (shares of the plot's height), the rightmost highest: written
    right-aligned to its line, a text then only reaches over the lines of years before it, which stop below its band.
    A band is as tall as its note's lines (an Italian note takes three where the English takes two)."""
    bands, top = [], 1.0
    for note in sorted(annotations, key=lambda note: note["x"], reverse=True):
        bottom = top - max(2, len(wrapped(note["text"], ANNOTATION_CHARS))) * ANNOTATION_LINE
        bands.append((note, top, bottom))
        top = bottom
    return bands


def data_share(bands: list[tuple[dict, float, float]]) -> float:
    """The share of the plot's height the data may take below the annotation bands and the top point's figure."""
    return (bands[-1][2] if bands else 1.0) - POINT_LABEL_ROOM


def figure_position(ages: str, year: int, breaks: set) -> str:
    """Where a round's figure goes: above its point (below for ages 40–64, whose line runs under the other), and right
    of a trend break's dashed line rather than across it."""
    vertical = "bottom" if ages == "40–64" else "top"
    return f"{vertical} right" if year in breaks else f"{vertical} center"


def japan_series(
    rows: pd.DataFrame,
    measure: str,
    annotations: list[dict],
    ticks: list[float],
    x_title: str,
    y_title: str,
    derived_name: str,
) -> go.Figure:
    """Cabinet Office rounds by age group over fieldwork years, derived intervals grey, trend breaks (the figure's
    annotations: a dashed line at x, its text in a band of its own above the data) drawn and labelled."""
    fig = go.Figure()
    point, low, high = _bounds(rows, measure)
    rows = rows.assign(_point=point, _low=low, _high=high)
    rows = rows[rows["_point"].notna()]
    breaks = {note["x"] for note in annotations}
    for ages, group in rows.groupby("ages", sort=True):
        group = group.sort_values("year")
        # colour, symbol and label place by the ages themselves, not their words (15～39歳 in Japanese)
        key = f"{int(group['age_min'].iloc[0])}–{int(group['age_max'].iloc[0])}"
        color = AGE_GROUP_COLORS.get(key, "#333333")
        derived = group["interval"].eq("derived_ci95")
        fig.add_trace(
            go.Scatter(
                x=group["year"].astype(int),
                y=group["_point"],
                mode="lines+markers+text",
                name=phrase("chart.aged", ages=ages),
                text=[plotly_plain(figure_text(r, measure)) for _, r in group.iterrows()],
                textposition=[figure_position(key, year, breaks) for year in group["year"].astype(int)],
                marker={"size": 12, "color": color, "symbol": AGE_GROUP_SYMBOLS.get(key, "circle")},
                line={"color": color, "width": 2, "dash": "dot"},
                cliponaxis=False,
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "visible": bool(derived.any()),
                    "array": (group["_high"] - group["_point"]).where(derived, 0).fillna(0),
                    "arrayminus": (group["_point"] - group["_low"]).where(derived, 0).fillna(0),
                    **DERIVED_BAR,
                },
                hovertemplate="%{x}: %{text}<extra>" + plotly_plain(phrase("chart.aged", ages=ages)) + "</extra>",
            )
        )
    if rows["interval"].eq("derived_ci95").any():
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines",
                name=legend_name(derived_name),
                line={"color": DERIVED_BAR["color"], "width": 2},
            )
        )
    bands = annotation_bands(annotations)
    for note, top, _ in bands:
        # Its dashed line stops under the bands above its own, so no line runs through another year's text.
        fig.add_shape(
            type="line",
            x0=note["x"],
            x1=note["x"],
            xref="x",
            y0=0,
            y1=top,
            yref="paper",
            line={"color": "#999999", "dash": "dash", "width": 1},
        )
        fig.add_annotation(
            x=note["x"],
            y=top,
            yref="paper",
            text="<br>".join(plotly_plain(line) for line in wrapped(note["text"], ANNOTATION_CHARS)),
            showarrow=False,
            xanchor="right",
            xshift=-3,
            yanchor="top",
            align="right",
            font={"size": 11, "color": "#333333"},
            name=TREND_BREAK,
        )
    base_layout(fig, 480, x_title=x_title, y_title=y_title)
    if ticks:
        # room left of the first round for its figure, clear of the y axis's tick labels
        # and right of the last, for a figure written right of its trend break's line
        fig.update_xaxes(tickmode="array", tickvals=ticks, range=[min(ticks) - 2, max(ticks) + 4])
    top = pd.concat([rows["_point"], rows["_high"]]).max()
    fig.update_yaxes(range=[0, top / data_share(bands)] if pd.notna(top) else None)
    # a figure right of the last round's line ('about 1.46 M') needs the right margin's room too
    last = rows[rows["year"] == rows["year"].max()] if not rows.empty else rows
    widest = max((text_width(figure_text(r, measure)) for _, r in last.iterrows()), default=0)
    # (beyond the range's room right of the last round); the rounds' years stay level, as they fit a phone
    fig.update_layout(margin_r=max(30, int(FIGURE_CHAR_PX * widest) - 40))
    fig.update_xaxes(tickangle=0, tickfont_size=12)  # 2015 and 2018 side by side on a phone, apart
    return fig


def split_bars(rows: pd.DataFrame, words) -> go.Figure:
    """Broad = narrow + quasi per round, as stacked bars; values derived here are hatched. `words`: the figure's
    words (labels.narrow, .quasi, .derived, .derived_value, .round; axis.x, .y)."""
    fig = go.Figure()
    # Year and ages on two lines: three rounds then fit a phone's width without slanted labels.
    rounds = [
        words.text("labels.round", year=y, ages=plotly_plain(a))
        for y, a in zip(rows["year"], rows["ages"], strict=True)
    ]
    rows = rows.assign(_round=rounds).sort_values("year")
    for concept, color, name in (
        ("hikikomori_narrow", "#0072B2", words.text("labels.narrow")),
        ("hikikomori_quasi", "#E69F00", words.text("labels.quasi")),
    ):
        part = rows[rows["concept"] == concept]
        derived = part["derived_fields"].fillna("").str.contains("value")
        fig.add_trace(
            go.Bar(
                x=part["_round"],
                y=part["value"].astype("float64"),
                name=legend_name(name),
                marker_color=color,
                marker_pattern_shape=["/" if d else "" for d in derived],
                text=[
                    words.text("labels.derived_value", value=count_short(v)) if d else count_short(v)
                    for v, d in zip(part["value"], derived, strict=True)
                ],
                textposition="inside",
                hovertemplate="%{x}: %{text}<extra></extra>",
            )
        )
    fig.add_trace(
        go.Bar(
            x=[None],
            y=[None],
            name=words.text("labels.derived"),
            marker_color="#ffffff",
            marker_line={"color": "#333333", "width": 1},
            marker_pattern_shape="/",
        )
    )
    fig.update_layout(barmode="stack")
    base_layout(fig, 440 + legend_room(fig), x_title=words.text("axis.x"), y_title=words.text("axis.y"))
    # 2015 and 2018 side by side on a phone, apart
    # three two-line rounds fit a phone level; turned, they ran into the axis title
    fig.update_xaxes(tickangle=0, tickfont_size=12)
    return fig


def with_source(fig: go.Figure, text: str, width: int = 48) -> go.Figure:
    """The figure with its source line inside (wrapped to fit beside a y-axis title on a phone), so a PNG saved from
    the toolbar carries it.

    Changes and returns `fig` itself: figures are built afresh for every script run, and a copy costs a
    validation of the whole figure."""
    left_out = left_out_line(fig)
    lines = (_wrap(left_out, width) if left_out else []) + (_wrap(text, width) or [""])
    title_lines = str(fig.layout.xaxis.title.text or "").count("<br>")  # a two-line axis title needs a line's room
    # 16 px of it for tick labels Plotly turns on a narrow screen, which push the axis title down
    bottom = 96 + 13 * len(lines) + 18 * title_lines
    fig.update_layout(margin_b=bottom, height=(fig.layout.height or 450) + 13 * (len(lines) - 1))
    fig.add_annotation(
        text="<br>".join(plotly_plain(line) for line in lines),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-(bottom - 8),
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        align="left",
        font={"size": 10, "color": "#444444"},
        name="source-line",
    )
    return fig


def value_positions(values: list[float]) -> list[str]:
    """Where each point's figure goes: above a point, below one lower than the point before it (outside the line's
    bend), and beside a lone point (on a phone a lone mark a few years from another series' had their figures on top
    of each other)."""
    if len(values) == 1:
        return ["middle left"]
    last = len(values) - 1
    # a falling point between two others takes its figure up and right, clear of the points before and after it
    return [
        ("top right" if 0 < j < last else "bottom center") if j and value < values[j - 1] else "top center"
        for j, value in enumerate(values)
    ]


def count_series(
    rows: pd.DataFrame, log: bool, value_column: str, x_title: str, y_title: str, annotations: list[dict] = ()
) -> go.Figure:
    """One-night counts over the years, one line per country; each annotation (a figure's words: x, text) points at
    the first point of its year (Japan's 2024 count without Ishikawa)."""
    fig = go.Figure()
    series = [
        phrase("chart.series", country=c, group=g, ages=a)
        for c, g, a in zip(rows["country_name"], rows["group_label"], rows["ages"], strict=True)
    ]
    rows = rows.assign(_series=series)
    seen_per_country: dict[str, int] = {}
    for name, group in rows.groupby("_series", sort=False):
        group = group.sort_values("year")
        country = group["country"].iloc[0]
        nth = seen_per_country[country] = seen_per_country.get(country, -1) + 1
        color = COUNTRY_COLORS.get(country, "#333333")
        symbol = [COUNTRY_SYMBOLS.get(country, "circle"), "square-open", "diamond-open", "x"][nth % 4]
        texts = [
            plotly_plain(qualified(count_short(v), q)) if value_column == "value" else f"{float(v):.1f}"
            for v, q in zip(group[value_column], group["qualifier"], strict=True)
        ]
        # Long series: label the first and last points only; hover shows every value.
        shown = [t if len(texts) <= 4 or j in (0, len(texts) - 1) else "" for j, t in enumerate(texts)]
        values = list(group[value_column].astype("float64"))
        fig.add_trace(
            go.Scatter(
                x=group["year"].astype(int),
                y=group[value_column].astype("float64"),
                mode="lines+markers+text",
                name=legend_name(name),
                text=shown,
                customdata=texts,
                textposition=value_positions(values),
                cliponaxis=False,
                marker={"size": 10, "color": color, "symbol": symbol, "line": {"color": color, "width": 2}},
                line={"color": color, "width": 2, "dash": ["solid", "dot", "dash", "dashdot"][nth % 4]},
                hovertemplate="%{x}: %{customdata}<extra>" + plotly_plain(name) + "</extra>",
            )
        )
    for note in annotations:
        at = rows[(rows["year"] == note["x"]) & rows[value_column].notna()]
        if at.empty:
            continue
        y = float(at[value_column].iloc[-1])
        fig.add_annotation(
            x=note["x"],
            y=math.log10(y) if log else y,
            text="<br>".join(plotly_plain(line) for line in wrapped(note["text"], 26)),
            showarrow=True,
            arrowhead=2,
            # the note's right edge left of its year: centred there, a phone's narrow years put it on the next
            # point's figure (2025's 2,591)
            ax=-24,
            ay=45,
            xanchor="right",
            font={"size": 11, "color": "#333333"},
        )
    base_layout(fig, 460 + legend_room(fig), x_title=x_title, y_title=y_title)
    if log:
        values = rows[value_column].astype("float64")
        fig.update_yaxes(type="log", **log_ticks(values[values > 0].min() / 2, values.max() * 2))
    else:
        fig.update_yaxes(rangemode="tozero")
    return fig


FOREST_LEFT = 0.7  # the ratio axis's left end
REFERENCE_MARKS = "reference marks"
GROUP_HEADINGS = "group headings"
TOP_SCALE = "top scale"
# A forest of more lines than this repeats its scale above its first row: health-forest's 28 rows ran to 3,700 px, and
# a reader scrolled through all of them with no scale in sight. Its legend then sits far enough above the plot.
TOP_SCALE_LINES = 20


def forest_plot(rows: pd.DataFrame, reference: tuple[float, str] | None = None) -> go.Figure:
    """Point and 95% CI per row on a log ratio axis, reference line at 1, grouped by outcome, coloured by exposure.

    Rows whose CI crosses 1 have hollow markers and say 'not significant'; rows without a CI have no bar. A reference
    (value, name) is marked on every row inside the axis (claim_marks).
    """
    fig = go.Figure()
    rows, total = first_rows(rows)
    rows = rows.assign(_y=[plotly_plain(lbl) for lbl in rows["label"]])
    # One exposure group has one colour and shape on every chart: its place in labels.csv (forest_rows'
    # exposure_rank), not its order on this chart (loneliness was blue on one chart, orange on the next).
    ranks = rows["exposure_rank"]
    exposures = sorted(dict.fromkeys(rows["exposure_group"]), key=lambda g: ranks[rows["exposure_group"] == g].iloc[0])
    symbols = ["circle", "square", "diamond", "triangle-up", "x", "star"]
    for exposure in exposures:
        # a filled mark first, where the group has one: the legend draws the first mark's shape
        part = rows[rows["exposure_group"] == exposure].sort_values(
            "significance", key=lambda s: s.ne("significant"), kind="stable"
        )
        i = int(ranks[part.index[0]])
        color = OKABE_ITO[i % len(OKABE_ITO)]
        has_ci = part["ci_low"].notna()
        open_ = part["significance"].ne("significant")
        fig.add_trace(
            go.Scatter(
                x=part["value"],
                y=part["_y"],
                mode="markers",
                name=plotly_plain(exposure),
                text=[plotly_plain(t) for t in part["estimate_text"]],
                marker={
                    "color": color,
                    "size": 11,
                    "symbol": [symbols[i % len(symbols)] + ("-open" if o else "") for o in open_],
                    "line": {"color": color, "width": 2},
                },
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": (part["ci_high"] - part["value"]).where(has_ci, 0).fillna(0),
                    "arrayminus": (part["value"] - part["ci_low"]).where(has_ci, 0).fillna(0),
                    "color": color,
                    "thickness": 1.5,
                    "width": 4,
                },
                cliponaxis=False,
                hovertemplate="%{y}<br>%{text}<extra></extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=legend_name(phrase("chart.hollow_ratio")),
            marker={"symbol": "circle-open", "size": 11, "color": "#555555", "line": {"width": 2}},
        )
    )
    # The reference ("1 = no difference") as a short upright mark on each row's line: a full-height line ran through
    # the labels written above the rows.
    fig.add_trace(
        go.Scatter(
            x=[1] * len(rows),
            y=rows["_y"],
            mode="markers",
            name=REFERENCE_MARKS,
            marker={"symbol": "line-ns", "size": 16, "line": {"color": "#333333", "width": 1.5}},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.data = (fig.data[-1], *fig.data[:-1])  # under the estimates
    # Each row's label and estimate above its line, and each group's heading on a line of its own above its rows (a
    # category no row uses: it starts with a word joiner).
    firsts = rows.groupby("group", sort=False)["_y"].first()
    heading_of = {first: "\u2060" + plotly_plain(group_name) for group_name, first in firsts.items()}
    categories = [line for y in rows["_y"] for line in ([heading_of[y]] if y in heading_of else []) + [y]]
    texts = [f"{label}:\n{estimate}" for label, estimate in zip(rows["label"], rows["estimate_text"], strict=True)]
    left = min(FOREST_LEFT, reference[0] / 1.15) if reference and reference[0] > 0 else FOREST_LEFT
    if reference is not None:
        fig.add_trace(claim_marks(*reference, list(rows["_y"])))
        fig.data = (fig.data[-1], *fig.data[:-1])  # under the estimates, first in the legend
    base_layout(
        fig,
        200 + row_height(texts) * max(len(categories), 1) + legend_room(fig),
        x_title=phrase("chart.ratio_axis"),
    )
    fig.add_trace(row_label_trace(list(rows["_y"]), texts, left))
    fig.add_trace(row_label_trace(list(heading_of.values()), list(firsts.index), left, name=GROUP_HEADINGS, bold=True))
    high = float(pd.concat([rows["ci_high"], rows["value"]]).max()) if not rows.empty else 2
    high = max(high, reference[0]) if reference else high
    fig.update_xaxes(
        type="log",
        range=[math.log10(left) - LABEL_ANCHOR_INSIDE, math.log10(max(high, 2) * 1.15)],
        tickvals=[0.75, 1, 1.5, 2, 3, 5, 8],
    )
    fig.update_yaxes(
        range=[len(categories) - 0.5, -0.75], categoryorder="array", categoryarray=categories, showticklabels=False
    )
    if len(categories) > TOP_SCALE_LINES:
        top_scale(fig, rows["_y"].iloc[0])
    fig.update_layout(meta=drawn_meta(len(rows), total))
    return fig


def top_scale(fig: go.Figure, first_row: str) -> None:
    """The x axis's ticks again above the plot (a second axis matching the first), for a chart too tall to read
    against a scale at its foot alone; an invisible mark at 1 on the first row gives the axis a trace to show."""
    fig.add_trace(
        go.Scatter(
            x=[1],
            y=[first_row],
            xaxis="x2",
            mode="markers",
            marker_opacity=0,
            hoverinfo="skip",
            showlegend=False,
            name=TOP_SCALE,
        )
    )
    bottom = fig.layout.xaxis
    fig.update_layout(
        xaxis2={
            "overlaying": "x",
            "side": "top",
            "matches": "x",
            "type": bottom.type,
            "tickvals": bottom.tickvals,
            "ticktext": bottom.ticktext,
            "showgrid": False,
            "automargin": True,
            "exponentformat": "none",
        }
    )


def percent_bars(rows: pd.DataFrame) -> go.Figure:
    """Percentage increases given without intervals, as labelled bars (no error bars: none were published); each
    bar's label and figure written above it, as in the dot plots."""
    rows, total = first_rows(rows)
    labels = [plotly_plain(v) for v in rows["label"]]
    figures = [phrase("chart.about_increase", value=f"{float(v):g}") for v in rows["value"]]
    fig = go.Figure(
        go.Bar(
            x=rows["value"],
            y=labels,
            orientation="h",
            width=0.35,  # a thin bar below its label: the label takes the upper part of the row
            marker_color="#0072B2",
            text=figures,
            textposition="none",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    texts = [f"{label}: {figure}" for label, figure in zip(rows["label"], figures, strict=True)]
    base_layout(fig, 200 + (row_height(texts) + 8) * max(len(rows), 1), x_title=phrase("chart.increase_axis"))
    fig.add_trace(row_label_trace(labels, texts, 0, clearance_px=32))
    fig.update_layout(showlegend=False)  # one series: the labels say what each bar is
    fig.update_xaxes(range=[0, float(rows["value"].max()) * 1.1 if not rows.empty else 1])
    fig.update_yaxes(range=[len(rows) - 0.5, -0.75], showticklabels=False)
    fig.update_layout(meta=drawn_meta(len(rows), total))
    return fig


# A value the rows are read against: black and thicker than the forest plot's marks at 1, and short enough to stay
# clear of the labels above and below its row on a phone, where the rows are squeezed.
CLAIM_MARK = {"symbol": "line-ns", "size": 14, "line": {"color": "#000000", "width": 4}}


def claim_marks(x: float, name: str, categories: list[str]) -> go.Scatter:
    """A value the rows are read against (the Claim check's claimed number) as a bold upright mark on each row's line,
    named in the legend and on hover: a full-height line would run through the labels above the rows (a dashed one cut
    a phone's '541,000' in two), as the forest plot's reference line once did."""
    return go.Scatter(
        x=[x] * len(categories),
        y=categories,
        mode="markers",
        name=legend_name(name),
        marker=CLAIM_MARK,
        cliponaxis=False,
        hovertemplate=plotly_plain(name) + "<extra></extra>",
    )
