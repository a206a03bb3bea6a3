"""The card's "Embed and images": nothing built while closed; the static edition's iframe code and files when a public
address is set, for the view the static edition publishes (its title and height, whatever the screen shows); this
view's PNG and SVG made by Kaleido only on click, with the title, subtitle and source line inside."""

import dataclasses
import struct

import plotly.graph_objects as go
import pytest

from figures import catalog
from figures.finished import finish
from loaders.tables import check_package
from shaping.edition import embed_height, figure_url
from shaping.images import IMAGE_WIDTH, PNG_SCALE, finished, image_height, titled
from tests.conftest import REAL_DATA
from tests.pages.helpers import download, open_cards
from tests.ui.test_card import card_figure, card_rows, run_card

BASE = "https://hikikomori.example.org/"


@pytest.fixture(scope="module")
def check():
    return check_package(REAL_DATA)


@pytest.fixture
def figure(check):
    return card_figure(card_rows(check))


def embed_codes(at) -> list[str]:
    return [c.value for c in at.code if c.value.startswith("<iframe")]


def test_closed_it_builds_nothing(figure, check):
    at = run_card(figure, check)
    assert embed_codes(at) == []
    assert not [b for b in at.get("download_button") if b.proto.label.endswith("of this view")]


@pytest.mark.parametrize("measure", ["rate", "count"])
def test_with_a_public_address_the_code_embeds_the_published_view_at_its_height(check, monkeypatch, measure):
    """With Count on screen, the code still names and sizes the rate view the static edition publishes (it took the
    screen's title and height before, so the pasted frame cut off the published view's bottom)."""
    monkeypatch.setattr("settings.PUBLIC_BASE_URL", BASE)
    entry = next(e for e in catalog(check) if e.key == "compare")
    published = finish(entry.build(check), check)
    at = open_cards(run_card(finish(entry.build(check, measure=measure), check), check), expanders=("embed",))
    (code,) = embed_codes(at)
    assert code.startswith(f'<iframe src="{figure_url(BASE, "compare", "embed.html")}"')
    assert f'title="Hikikomori in Numbers: {published.figure.title}"' in code
    assert (
        f"height: {embed_height(image_height(published.chart), published.figure.title, published.sources_text)}px"
        in code
    )
    told = " ".join(c.value for c in at.caption)
    assert ("one view of each figure" in told) is (measure == "count")
    links = " ".join(m.value for m in at.markdown)
    assert (
        f"({BASE}edition/figures/compare/compare.png)" in links
        and f"({BASE}edition/figures/compare/compare.svg)" in links
    )


def test_a_figure_the_static_edition_does_not_publish_has_no_embed_code(figure, check, monkeypatch):
    monkeypatch.setattr("settings.PUBLIC_BASE_URL", BASE)
    at = open_cards(run_card(figure, check), expanders=("embed",))
    assert embed_codes(at) == [] and any("does not publish" in c.value for c in at.caption)


def test_without_one_it_says_why_there_is_no_embed_code(figure, check):
    at = open_cards(run_card(figure, check), expanders=("embed",))
    assert embed_codes(at) == []
    assert any("No embed code" in c.value for c in at.caption)
    assert [b.proto.label for b in at.get("download_button") if b.proto.label.endswith("of this view")] == [
        "PNG of this view",
        "SVG of this view",
    ]


def test_the_source_line_is_added_once_even_when_the_chart_tab_added_it(figure):
    once = finished(figure.chart, "Hikikomori in Numbers · Sources: x")
    twice = finished(once, "Hikikomori in Numbers · Sources: x")
    assert [a.name for a in twice.layout.annotations].count("source-line") == 1
    assert [a.name for a in figure.chart.layout.annotations].count("source-line") == 0  # the card's own chart untouched


@pytest.mark.chromium
def test_images_are_made_on_click_with_the_source_line_inside(figure, check, chromium, record_downloads):
    at = open_cards(run_card(figure, check), expanders=("embed",))
    png = download(at, "PNG of this view")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    line = finish(dataclasses.replace(figure, chart=go.Figure(figure.chart)), check).source_line
    exported = titled(finished(figure.chart, line), figure.title, figure.subtitle, source=line)
    assert width == IMAGE_WIDTH * PNG_SCALE and height == image_height(exported) * PNG_SCALE
    svg = download(at, "SVG of this view").decode("utf-8")
    assert svg.startswith("<svg") and "Hikikomori in Numbers · Sources:" in svg
    assert figure.title in svg  # the image says what it shows


def test_an_exported_image_carries_title_and_subtitle_above_the_chart(check):
    entry = next(e for e in catalog(check) if e.key == "japan-rounds")
    shown = finish(entry.build(check), check)
    exported = titled(shown.chart, shown.figure.title, shown.figure.subtitle)
    text = next(a.text for a in exported.layout.annotations if a.name == "title-block")
    assert shown.figure.title.split(",")[0] in text and "2010, 2015, 2018 and 2022" in text.replace("<br>", " ")
    assert image_height(exported) > image_height(shown.chart) and exported.layout.margin.t > shown.chart.layout.margin.t
