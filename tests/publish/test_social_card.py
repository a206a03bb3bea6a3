"""The social card (og:image) is readable as a thumbnail: a chart whose own text a feed's 500-px thumbnail cannot show
gets a card led by the figure's words (title, subtitle, its page's summary, the source line with the project's name)
wrapped inside the card in every language; a chart that stays legible keeps the chart card. Read from the card's
layout and annotations (no pixels, no Kaleido)."""

import re
from html import unescape
from pathlib import Path

import pytest

import i18n
from figures import catalog
from figures.finished import finish
from loaders.tables import check_package
from publish.social import (
    EDGE,
    LEGIBLE_PX,
    LINE_SPACING,
    SOCIAL_SIZE,
    TEXT_CARD,
    THUMBNAIL_WIDTH,
    SocialWords,
    char_em,
    legible,
    social_card,
    social_size,
    text_px,
)
from shaping.charts import left_out_line, text_width, wrapped
from shaping.images import SOURCE_LINE, TITLE_BLOCK
from shaping.words import app_title
from tests.conftest import add_row

TALL_ROWS = 12  # health risks added to the fixture's one: the forest grows well past what a card shows legibly
VALTORTA_EVIDENCE = 4  # the fixture's evidence row for its health row (not_found), copied for each new row
# A Japanese line never opens on a mark that closes or follows what comes before it.
NO_LINE_START = "、。，．）」』】〕：；！？・"


@pytest.fixture
def tall(package: Path) -> Path:
    """The fixture package with enough health risks that the health forest is a tall chart."""
    for i in range(TALL_ROWS):
        row_id = f"h-tall-{i}"
        add_row(package, "isolation_health_risks", {"row_id": row_id, "register_id": f"H-TALL-{i}", "value": "1.2"})
        add_row(
            package, "evidence", {"evidence_id": f"ev-{row_id}-value", "health_row_id": row_id}, like=VALTORTA_EVIDENCE
        )
    return package


def built(folder: Path, key: str, lang: str = "en"):
    """A catalog figure finished in a language, and its social card with the words the build gives it."""
    check = check_package(folder)
    with i18n.language(lang):
        entry = next(e for e in catalog(check) if e.key == key)
        shown = finish(entry.build(check), check)
        figure = shown.figure
        words = SocialWords(figure.title, figure.subtitle, shown.source_line, figure.summary, lang)
    card, size = social_card(shown.chart, words)  # as the build draws it: after the pages, outside their language
    return shown, card, size, check


def notes(card) -> dict[str, object]:
    return {a.name: a for a in card.layout.annotations}


def lines(note) -> list[str]:
    """An annotation's lines as a reader sees them (no markup)."""
    return [unescape(re.sub(r"<[^>]+>", "", line)) for line in str(note.text).split("<br>")]


def squeezed(text: str) -> str:
    """Text without its spaces, so a wrapped block compares with the one-line words it came from."""
    return "".join(text.split())


def test_a_tall_chart_gets_a_card_led_by_its_title_summary_and_source_line(tall):
    shown, card, size, _ = built(tall, "health-forest")
    assert not legible(shown.chart)
    assert (card.layout.meta or {}).get("social") == TEXT_CARD
    assert size == (*SOCIAL_SIZE, 1.0) and (card.layout.width, card.layout.height) == SOCIAL_SIZE
    said = notes(card)
    figure = shown.figure
    assert squeezed("".join(lines(said["title"]))) == squeezed(figure.title)
    assert squeezed("".join(lines(said["subtitle"]))) == squeezed(figure.subtitle)
    assert squeezed("".join(lines(said["summary"]))) == squeezed(figure.summary) != ""
    source = lines(said[SOURCE_LINE])
    assert source[0] == app_title()  # the project's name, then the sources
    assert squeezed(app_title() + " · " + "".join(source[1:])) == squeezed(shown.source_line)
    # the chart's shape beside the words: its marks without their words (no row label, legend or value)
    assert card.layout.showlegend is False and len(card.data) == sum((t.xaxis or "x") == "x" for t in shown.chart.data)
    assert not any("text" in (getattr(t, "mode", None) or "") for t in card.data)


def test_a_forest_tall_enough_for_a_top_scale_keeps_its_marks_on_the_card(tall):
    """A forest of more than 20 lines repeats its scale above its rows on a second axis; copied onto the card, that
    axis spread its numbers across the whole card's foot and the marks vanished from the shape."""
    for i in range(TALL_ROWS, 2 * TALL_ROWS):
        row_id = f"h-tall-{i}"
        add_row(tall, "isolation_health_risks", {"row_id": row_id, "register_id": f"H-TALL-{i}", "value": "1.3"})
        add_row(
            tall, "evidence", {"evidence_id": f"ev-{row_id}-value", "health_row_id": row_id}, like=VALTORTA_EVIDENCE
        )
    shown, card, _, _ = built(tall, "health-forest")
    assert any(t.xaxis == "x2" for t in shown.chart.data)  # the chart has its top scale
    assert not any((t.xaxis or "x") != "x" for t in card.data) and "xaxis2" not in card.layout.to_plotly_json()
    marks = [t for t in card.data if t.type == "scatter" and t.x is not None and len(t.x) > 1]
    assert marks and card.layout.xaxis.domain[0] > 0.5  # the estimates, drawn in the shape on the card's right


def test_the_same_chart_when_short_and_a_short_chart_keep_the_chart_card(package):
    """The rule is the chart's text at the card's scale, not the kind of chart: the fixture's one-row forest and the
    Japan rounds are short enough to read."""
    for key in ("health-forest", "japan-rounds"):
        shown, card, size, _ = built(package, key)
        assert legible(shown.chart), key
        assert (card.layout.meta or {}).get("social") != TEXT_CARD, key
        assert size == social_size(shown.chart), key
        assert TITLE_BLOCK in notes(card) and len(card.data) == len(shown.chart.data), key
        assert text_px(shown.chart) * size[2] * THUMBNAIL_WIDTH / SOCIAL_SIZE[0] >= LEGIBLE_PX, key


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_text_led_card_is_legible_and_its_words_stay_inside_it_in_every_language(tall, lang):
    """Every text on the card, shown 500 px wide, is at least LEGIBLE_PX tall; every line fits the card's width (a
    wide character counts two narrow ones); the blocks stack without overlapping and end above the card's foot; a
    Japanese line never opens on closing punctuation."""
    _, card, _, _ = built(tall, "health-forest", lang)
    assert (card.layout.meta or {}).get("social") == TEXT_CARD
    assert text_px(card, skip=()) * THUMBNAIL_WIDTH / SOCIAL_SIZE[0] >= LEGIBLE_PX
    width, height = SOCIAL_SIZE
    shape_left = card.layout.xaxis.domain[0] * width if card.data else width - EDGE  # where the chart's shape starts
    bottom = 0.0
    for note in card.layout.annotations:  # in reading order, top to bottom
        size, shown = note.font.size, lines(note)
        top = (1 - note.y) * height
        assert top >= bottom, (lang, note.name)  # below the block before it
        bottom = top + len(shown) * size * LINE_SPACING
        right = width - EDGE if note.name == SOURCE_LINE else shape_left  # the source line runs under the shape
        em = char_em("".join(shown), bold=note.name == "title")
        for i, line in enumerate(shown):
            bold_name = note.name == SOURCE_LINE and i == 0  # the project's name, bold
            assert EDGE + text_width(line) * max(em, char_em(line, bold_name)) * size <= right, (lang, note.name, line)
            if lang == "ja":
                assert not line.startswith(tuple(NO_LINE_START)), (note.name, line)
    assert bottom <= height, lang


def test_a_chart_that_left_rows_out_says_so_on_its_card_in_the_reader_s_language(tall):
    """The card is drawn after every language's pages, outside their language: what it adds itself (how many rows the
    chart drew) must still be in the card's language, as the summary beside it is."""
    check = check_package(tall)
    with i18n.language("ja"):
        entry = next(e for e in catalog(check) if e.key == "health-forest")
        shown = finish(entry.build(check), check)
        shown.chart.update_layout(meta={"rows_drawn": 3, "rows_total": 40})
        said = left_out_line(shown.chart)
        figure = shown.figure
    with i18n.language("en"):
        english = left_out_line(shown.chart)
    card, _ = social_card(shown.chart, SocialWords(figure.title, "", shown.source_line, figure.summary, "ja"))
    source = squeezed("".join(lines(notes(card)[SOURCE_LINE])))
    assert said != english and squeezed(said) in source and squeezed(english) not in source


def test_nothing_in_the_card_is_an_id_or_code(tall):
    """The card says only the figure's words: no figure key, row or source id, column name or language code."""
    shown, card, _, check = built(tall, "health-forest", "ja")
    text = " ".join(line for note in card.layout.annotations for line in lines(note))
    rows = shown.figure.rows
    codes = {shown.figure.key, *rows["row_id"], *rows["source_id"], *check.table("sources")["source_id"]}
    codes |= {column for column in rows.columns if "_" in column}
    assert not [code for code in codes if code in text]
    assert not re.search(r"\b[a-z]+(_[a-z]+)+\b", text)  # no snake_case name of any kind


def test_japanese_card_lines_never_open_on_a_closing_mark_at_any_width(package):
    """The card wraps the figure's sentences at many widths; BudouX opened a phrase with the colon after a bracket
    ('…による）|：15～39歳'), which put '：' at the start of a line of the Compare card."""
    check = check_package(package)
    with i18n.language("ja"):
        texts = [t for e in catalog(check) if (f := e.build(check)) for t in (f.title, f.subtitle, f.summary) if t]
    assert any("）：" in text for text in texts)  # the case this guards
    for text in texts:
        for width in range(10, 61):
            lines = wrapped(text, width)
            assert squeezed("".join(lines)) == squeezed(text), (width, lines)
            assert not any(line.startswith(tuple(NO_LINE_START)) for line in lines), (width, lines)
