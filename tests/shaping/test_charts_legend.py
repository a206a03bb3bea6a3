"""On a phone the dot plot's legend takes a row per entry: drawn by plotly.js in Chromium, it must stay whole and above
the chart's rows, never over a row's label or mark (it crowded the Claim check's first label at 390 px)."""

from concurrent.futures import ThreadPoolExecutor

import pytest

import i18n
from loaders.tables import check_package
from shaping.charts import dot_plot, forest_plot, with_source
from shaping.estimates import annotate
from shaping.vocabulary import Vocabulary
from tests.conftest import ROOT

PLOTLY_JS = ROOT / "node_modules" / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
GAP_PX = 12  # clear space between the legend's box and the first row's label: most of a line of 12-px text
# Boxes of every legend entry and of every row's label and mark, in page pixels.
BOXES = """() => {
  const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const drawn = (sel) => [...document.querySelectorAll(sel)].map(box).filter(([l, t, r, b]) => r > l && b > t);
  return {legend: drawn('.legend .traces'), background: drawn('.legend .bg'), labels: drawn('.scatterlayer .textpoint'),
          marks: drawn('.scatterlayer .points path')};
}"""


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.fixture(scope="module")
def many_entries():
    """A Claim check dot plot: a claimed number, rows labelled by their role, a legend of several entries."""
    check = check_package(ROOT / "tests" / "fixtures" / "valid")
    rows = annotate(check.table("recluse_estimates"), Vocabulary.of(check))
    rows = rows.assign(label=["Origin: Japan\n" + label for label in rows["label"]])  # as the Claim check labels rows
    fig = with_source(dot_plot(rows, "count", log=False, reference=(500_000, "The claim: 500,000")), "Source: fixture")
    entries = [t for t in fig.data if t.showlegend is not False and t.name]
    assert len(entries) >= 4  # enough for the phone's legend to take several rows
    return fig


def drawn_boxes(fig, width: int, chromium: str, boxes_js: str, layout_width: int | None = None) -> dict:
    """The boxes boxes_js reports once plotly.js in Chromium has drawn fig in a page `width` px wide."""
    if not PLOTLY_JS.exists():
        pytest.skip("plotly.js is installed by `make e2e-tools` (npm ci)")
    layout = f"{{...f.layout, width: {layout_width}}}" if layout_width else "f.layout"
    html = (
        f"<html><body style='margin:0'><div id='chart' style='width:{width}px'></div>"
        f"<script>{PLOTLY_JS.read_text(encoding='utf-8')}</script><script>const f = {fig.to_json()};"
        f"Plotly.newPlot('chart', f.data, {layout});</script></body></html>"
    )
    # On a thread of its own: Playwright's sync API refuses to run where an earlier browser test left an event loop.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(_draw, html, width, chromium, boxes_js).result()


def _draw(html: str, width: int, chromium: str, boxes_js: str) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.set_content(html)
            page.wait_for_selector(".legend .traces")
            return page.evaluate(boxes_js)
        finally:
            browser.close()


@pytest.mark.chromium
@pytest.mark.parametrize("width", [300, 340, 1100])  # a 390-px phone's card (300-340 px), a desktop's
def test_the_legend_stays_above_the_rows_at_any_width(many_entries, chromium, width):
    boxes = drawn_boxes(many_entries, width, chromium, BOXES)
    assert boxes["legend"] and boxes["labels"] and boxes["marks"]
    # the legend's background is opaque: whatever it overlaps is hidden, so its box must clear every label and mark
    legend = boxes["background"] + boxes["legend"]
    gap = min(b[1] for b in boxes["labels"]) - max(b[3] for b in legend)
    assert gap >= GAP_PX, f"the legend ends {gap:.0f} px from the first row's label: crowded or covering it"
    assert not [(e, x) for e in legend for x in boxes["labels"] + boxes["marks"] if overlaps(e, x)]
    assert all(b[2] <= width for b in boxes["legend"]), "a legend entry is cut at the right edge"


TITLE_AND_LEGEND = """() => {
  const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const title = [...document.querySelectorAll('.annotation')].filter((a) => a.textContent.includes('TITLE'));
  return {title: title.map(box), legend: [...document.querySelectorAll('.legend .traces')].map(box)};
}"""


@pytest.mark.chromium
@pytest.mark.parametrize(
    ("height", "lang"), [(600, "en"), (4000, "en"), (4000, "ko")]
)  # a chart of a few rows, one as tall as the health chart's, and the same with Korean words (wider per character)
def test_an_exported_image_s_legend_stays_below_its_title(chromium, height, lang):
    """The title block of a PNG or SVG sits above the legend at any chart height (on the tall health chart the legend
    rose into the title and subtitle: its place above the plot was a share of the plot's height)."""
    from shaping.health import forest_rows
    from shaping.images import IMAGE_WIDTH, finished, titled

    check = check_package(ROOT / "tests" / "fixtures" / "valid")
    subtitle = {
        "en": "What, where, when and the unit " * 3,
        "ko": "고립되거나 외로운 사람이 그렇지 않은 사람에 비해 " * 4,
    }
    with i18n.language(lang):
        chart = forest_plot(forest_rows(check.table("isolation_health_risks"), Vocabulary.of(check)))
        chart.update_layout(height=height)
        fig = titled(finished(chart, "Source: fixture"), "TITLE of the image", subtitle[lang])
    boxes = drawn_boxes(fig, IMAGE_WIDTH, chromium, TITLE_AND_LEGEND, layout_width=IMAGE_WIDTH)
    assert boxes["title"] and boxes["legend"]
    assert max(b[3] for b in boxes["title"]) <= min(b[1] for b in boxes["legend"]), "the legend covers the title"


@pytest.mark.chromium
def test_a_linear_count_axis_names_its_ticks_in_full(chromium):
    import plotly.graph_objects as go

    from shaping.charts import base_layout

    fig = go.Figure([go.Bar(x=["2010", "2015"], y=[236_000, 696_000], name=n) for n in ("narrow", "broad")])
    with i18n.language("ja"):
        base_layout(fig, 440)
    ticks = drawn_boxes(
        fig, 340, chromium, "() => [...document.querySelectorAll('.ytick text')].map(t => t.textContent)"
    )
    assert "600,000" in ticks and not [t for t in ticks if t.endswith("k")]  # Plotly's own '600k' is not Japanese
