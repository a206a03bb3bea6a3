"""The card's "Embed and images": nothing built while closed; the static edition's iframe code and files when a public
address is set; this view's PNG and SVG made by Kaleido only on click, with the source line inside."""

import struct

import pytest

from loaders.tables import check_package
from shaping.edition import embed_height, figure_url
from shaping.images import IMAGE_WIDTH, PNG_SCALE, finished, image_height
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


def test_with_a_public_address_it_gives_the_static_embed_and_files(figure, check, monkeypatch):
    monkeypatch.setattr("settings.PUBLIC_BASE_URL", BASE)
    at = open_cards(run_card(figure, check), expanders=("embed",))
    (code,) = embed_codes(at)
    assert f'src="{figure_url(BASE, "test-card", "embed.html")}"' in code
    assert code.startswith(f'<iframe src="{BASE}edition/figures/test-card/embed.html"')
    chart = finished(figure.chart, "x")
    assert f"height: {embed_height(image_height(chart))}px" in code
    links = " ".join(m.value for m in at.markdown)
    assert f"({BASE}edition/figures/test-card/test-card.png)" in links and f"({BASE}edition/figures/test-card/test-card.svg)" in links


def test_without_one_it_says_why_there_is_no_embed_code(figure, check):
    at = open_cards(run_card(figure, check), expanders=("embed",))
    assert embed_codes(at) == []
    assert any("No embed code" in c.value for c in at.caption)
    assert [b.proto.label for b in at.get("download_button") if b.proto.label.endswith("of this view")] == ["PNG of this view", "SVG of this view"]


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
    assert width == IMAGE_WIDTH * PNG_SCALE and height == image_height(finished(figure.chart, "x")) * PNG_SCALE
    svg = download(at, "SVG of this view").decode("utf-8")
    assert svg.startswith("<svg") and "Hikikomori in Numbers · Sources:" in svg
