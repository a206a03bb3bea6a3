"""Charts readable on a 390-px phone: row labels written whole above their rows (not cut beside the axis), legend
entries and labels in lines a phone's chart can show, and each row's figure in its label."""

import pytest

import i18n
from figures import catalog
from figures.finished import finish
from shaping.charts import (
    GROUP_HEADINGS,
    LEGEND_CHARS,
    ROW_LABEL_CHARS,
    ROW_LABELS,
    forest_plot,
    legend_name,
    percent_bars,
    text_width,
    tick_text,
    wrapped,
)
from shaping.health import forest_rows, percent_rows

# A legend line at 14 px: about 44 characters fit beside its symbol in a 390-px phone's chart.
PHONE_LEGEND_CHARS = 44


def test_wrapped_breaks_after_separators_then_at_spaces_and_newlines():
    assert wrapped("Japan · Hikikomori, broad (Cabinet Office) · 15–39 · 2022: 2.05%", 50) == [
        "Japan · Hikikomori, broad (Cabinet Office) · 15–39",
        "2022: 2.05%",
    ]
    assert wrapped("Kuiper 2015 · loneliness → dementia:\nRR 1.58 (1.19–2.09)") == [
        "Kuiper 2015 · loneliness → dementia:",
        "RR 1.58 (1.19–2.09)",
    ]
    assert wrapped("a b c d e f", 3) == ["a b", "c d", "e f"]
    assert wrapped("short") == ["short"]


def test_japanese_wraps_between_characters_by_width_and_korean_at_spaces():
    japanese = "数字で見るひきこもり・出典：内閣府の調査、2010年から2022年まで"
    lines = wrapped(japanese, 20)
    assert "".join(lines) == japanese and len(lines) > 1
    assert all(text_width(line) <= 20 for line in lines)  # a wide character counts two: ten of them a line
    assert not any(line.startswith(("、", "・", "：")) for line in lines[1:])  # no line opens with punctuation
    korean = "한국 은둔 청년 국무조정실 조사 2022년 전국 19~34세"
    lines = wrapped(korean, 12)
    assert " ".join(lines) == korean and len(lines) > 1  # broken only at spaces: every word whole
    assert all(text_width(line) <= 12 for line in lines)


def test_log_ticks_read_in_the_reader_s_language():
    with i18n.language("ja"):
        assert [tick_text(v) for v in (20, 20_000, 5_000_000)] == ["20", "2万", "500万"]
        assert tick_text(5000) == "5,000"  # as the labels beside it write 6,274人 (Babel's short form wrote 5000)
    with i18n.language("ko"):
        assert tick_text(500_000) == "50만"
    with i18n.language("it"):  # not Babel's borrowed "50K"
        assert [tick_text(v) for v in (20, 50_000, 200_000, 5_000_000)] == ["20", "50.000", "200.000", "5\xa0Mln"]
    assert [tick_text(v) for v in (20, 20_000, 5_000_000)] == ["20", "20k", "5M"]


def test_legend_name_is_plain_and_wrapped():
    name = legend_name("United States: unaccompanied children, under 18 (one night)")
    assert name.replace("<br>", " ") == "United States: unaccompanied children, under 18 (one night)"
    assert len(name.split("<br>")) == 2 and all(len(line) <= LEGEND_CHARS for line in name.split("<br>"))
    assert legend_name("<b>bold</b>") == "&lt;b&gt;bold&lt;/b&gt;"


def words(text: str) -> list[str]:
    """The words of a label as written (line breaks and the ' · ' a break replaced do not count)."""
    return text.replace("<br>", " ").replace("·", " ").split()


def row_notes(chart) -> dict[str, str]:
    """What is written above each row (its label trace's text), by the row's category."""
    return {
        y: text
        for trace in chart.data
        if trace.name in (ROW_LABELS, GROUP_HEADINGS)
        for y, text in zip(trace.y, trace.text, strict=True)
    }


def marked_rows(chart) -> set[str]:
    """The rows a data trace draws a mark for (not the label traces)."""
    return {
        y
        for trace in chart.data
        if trace.name not in (ROW_LABELS, GROUP_HEADINGS) and trace.y is not None
        for y in trace.y
        if isinstance(y, str)
    }


def phone_problems(chart) -> list[str]:
    """What would be cut or unreadable in a 390-px phone's chart."""
    found = []
    for trace in chart.data:
        if trace.showlegend is not False and trace.name:
            found += [
                f"legend line too long: {line}" for line in trace.name.split("<br>") if len(line) > PHONE_LEGEND_CHARS
            ]
    drawn = marked_rows(chart)
    if drawn:  # rows by name: the names are written above the rows, never cut beside the axis
        notes = row_notes(chart)
        if chart.layout.yaxis.showticklabels is not False:
            found.append("row names beside the axis")
        found += [f"row without its label above it: {y}" for y in sorted(drawn - set(notes))]
        lines = [line for text in notes.values() for line in text.replace("<b>", "").replace("</b>", "").split("<br>")]
        found += [f"label line too long: {line}" for line in lines if len(line) > ROW_LABEL_CHARS]
    return found


def test_every_catalog_figure_fits_a_phone(real_check):
    problems = {}
    for entry in catalog(real_check):
        figure = entry.builder(real_check, **entry.params)
        if figure is not None:
            problems[entry.key] = phone_problems(finish(figure, real_check).chart)
    assert len(problems) >= 10
    assert {key: found for key, found in problems.items() if found} == {}


def test_forest_writes_each_estimate_above_its_row_and_each_group_on_a_line_of_its_own(real_check, vocab):
    rows = forest_rows(real_check.table("isolation_health_risks"), vocab)
    chart = forest_plot(rows)
    notes = row_notes(chart)
    for label, estimate in zip(rows["label"], rows["estimate_text"], strict=True):
        assert words(notes[label]) == words(f"{label}: {estimate}")
    groups = list(dict.fromkeys(rows["group"]))
    headings = [y for y in chart.layout.yaxis.categoryarray if y not in set(rows["label"])]
    assert [words(notes[h]) for h in headings] == [words(f"<b>{g}</b>") for g in groups]
    assert not set(headings) & marked_rows(chart)
    assert len(chart.layout.yaxis.categoryarray) == len(rows) + len(groups)


def test_a_tall_forest_repeats_its_scale_above_its_first_row_and_a_short_one_does_not(real_check, vocab):
    """health-forest's 28 rows ran to 3,700 px with its scale only at the foot: a reader scrolled through them all
    with no number on the axis in sight."""
    rows = forest_rows(real_check.table("isolation_health_risks"), vocab)
    tall, short = forest_plot(rows), forest_plot(rows.head(3))
    top = tall.layout.to_plotly_json()["xaxis2"]
    assert top["side"] == "top" and top["matches"] == "x" and list(top["tickvals"]) == list(tall.layout.xaxis.tickvals)
    assert any(t.xaxis == "x2" for t in tall.data)
    assert "xaxis2" not in short.layout.to_plotly_json() and not any(t.xaxis == "x2" for t in short.data)


def test_an_exported_tall_forest_keeps_its_legend_above_its_top_scale(real_check, vocab):
    """The exported image sets its legend on the plot's top edge, where the repeated scale's numbers are: the legend
    covered them. It now sits the numbers' height higher, with the title block moved up by as much."""
    from shaping.images import IMAGE_WIDTH, TOP_TICKS_PX, image_height, legend_height, titled

    chart = titled(forest_plot(forest_rows(real_check.table("isolation_health_risks"), vocab)), "Title", "Subtitle")
    top, bottom = chart.layout.margin.t, chart.layout.margin.b
    plot = image_height(chart) - top - bottom
    assert (chart.layout.legend.y - 1) * plot >= TOP_TICKS_PX
    assert top >= legend_height(chart, 0.85 * IMAGE_WIDTH) + TOP_TICKS_PX


def test_percent_bars_write_each_figure_above_its_bar(real_check, vocab):
    rows = percent_rows(real_check.table("isolation_health_risks"), vocab)
    chart = percent_bars(rows)
    notes = row_notes(chart)
    assert sorted(notes) == sorted(rows["label"])
    for label, value in zip(rows["label"], rows["value"], strict=True):
        assert words(notes[label]) == words(f"{label}: about +{float(value):g}%")


def test_legend_lines_stay_short_for_a_long_series_name():
    long = "United States: unaccompanied youth, under 25, counted on one night"
    assert max(len(line) for line in legend_name(long).split("<br>")) <= LEGEND_CHARS
    assert legend_name(long).replace("<br>", " ") == long


def test_row_labels_hang_from_inside_the_axis(real_check):
    """Plotly hides a text point lying on a log axis's end: every chart's row labels start just inside it."""
    import math

    checked = 0
    for entry in catalog(real_check):
        figure = entry.builder(real_check, **entry.params)
        chart = figure.chart if figure is not None else None
        for trace in chart.data if chart is not None else []:
            if trace.name in (ROW_LABELS, GROUP_HEADINGS) and chart.layout.xaxis.type == "log":
                start = chart.layout.xaxis.range[0]
                assert all(math.log10(x) > start for x in trace.x), (entry.key, start, trace.x[0])
                checked += 1
    assert checked >= 5


@pytest.mark.parametrize(
    ("text", "width", "whole"),
    [
        ("2018年：40～64歳を初めて調査", 20, ["初めて", "2018年"]),  # not 初|めて, not 201|8年
        ("2022年：郵送・オンライン調査、コロナ禍", 20, ["オンライン", "コロナ禍"]),  # not オンラ|イン
        ("当サイトで算出した95%区間（公表値ではない）", 34, ["（公表値ではない）"]),  # not （公|表値
        ("白抜き：信頼区間が1をまたぐ（有意でない）、または信頼区間の公表なし", 34, ["（有意でない）"]),  # not （|有意
    ],
)
def test_japanese_lines_break_between_phrases_not_inside_words(text, width, whole):
    """Japanese broke between any two characters (外出す|る, オンラ|イン): it breaks between phrases (BudouX)."""
    lines = wrapped(text, width)
    assert "".join(lines) == text and all(text_width(line) <= width for line in lines)
    assert all(any(word in line for line in lines) for word in whole), lines
    assert not any(line.endswith(tuple("（「『")) or line.startswith(tuple("）」』、。")) for line in lines), lines


def test_a_japanese_word_after_a_space_moves_whole_to_the_next_line():
    """A forest-plot label in Japanese ended '(UK Biobank) （英語のま' / 'ま）': the space before the marker is where
    the line may break, and the marker stays whole."""
    marker = "（英語のまま）"
    for before in ("社会的孤立 → 死亡 (UK Biobank)", "社会的孤立 → 死亡 (Minimally adjusted)"):
        lines = wrapped(f"{before} {marker}: RR 1.38 （1.27–1.51）")
        assert any(marker in line for line in lines), lines
        assert all(text_width(line) <= ROW_LABEL_CHARS for line in lines)
