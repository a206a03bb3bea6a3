"""The static edition (make site) in Chromium, served as a static host would: every page and embed draws its chart, no page asks
another host for anything, axe finds no serious or critical violation, and text from the CSVs stays inert."""

import json
import shutil

import pytest

from figures import catalog
from loaders.tables import PackageCheck, check_package
from publish.build import BASIC_JS, BASIC_TRACES, build_site
from tests.conftest import REAL_DATA, STATIC_BASE, rows, serve, set_cell
from tests.e2e.conftest import _missing

pytestmark = pytest.mark.chromium
DRAWN = ".chart-box.drawn .main-svg"


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def test_every_page_and_embed_draws_its_chart_and_asks_no_other_host(tab, site, served):
    _, built = site
    asked, errors = [], []
    tab.on("request", lambda r: asked.append(r.url))
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(served)
    assert tab.locator(".card").count() == len(built)
    for item in built:
        for name in ("", "embed.html"):
            tab.goto(f"{served}figures/{item.entry.key}/{name}")
            tab.wait_for_selector(DRAWN, timeout=60_000)
            assert tab.locator("img.still").count() == 0  # the SVG stand-in gives way to the interactive chart
            assert "Hikikomori in Numbers · Source" in tab.inner_text(".chart")
    elsewhere = [url for url in asked if not url.startswith((served, "data:"))]
    assert errors == [] and elsewhere == []


def test_the_basic_bundle_holds_every_trace_type_the_catalog_draws(tab, real_check):
    """The trace types plotly.js's basic bundle registers, read from the bundle itself: every catalog figure (built at
    its default parameters) must draw with them, and BASIC_TRACES (the build's rule for choosing it) must be them."""
    if not BASIC_JS.exists():
        _missing(f"{BASIC_JS.relative_to(BASIC_JS.parents[2])} is needed: run `npm ci` (make e2e-tools does)")
    tab.set_content("<!doctype html><title>bundle</title><body></body>")
    tab.add_script_tag(path=str(BASIC_JS))
    held = set(tab.evaluate("() => Object.keys(Plotly.PlotSchema.get().traces)"))
    assert held == set(BASIC_TRACES)
    drawn = {entry.key: {trace.type for trace in entry.build(real_check).chart.data} for entry in catalog(real_check)}
    assert drawn and {key: types - held for key, types in drawn.items() if types - held} == {}


# Every visible toolbar button's box against every legend entry's text and symbol; the toolbar only shows on hover
# on a desktop, so the pointer rests on the chart's top right first.
TOOLBAR_OVER_LEGEND = """() => {
  const box = e => e.getBoundingClientRect();
  const shown = [...document.querySelectorAll('.modebar-btn')].filter(b => getComputedStyle(b.parentNode).opacity > 0.1).map(box);
  const entries = [...document.querySelectorAll('.legend .legendtext, .legend .legendpoints')].map(box).filter(r => r.width > 0);
  return {buttons: shown.length, entries: entries.length,
          covered: entries.filter(e => shown.some(b => b.left < e.right && e.left < b.right && b.top < e.bottom && e.top < b.bottom)).length};
}"""


@pytest.mark.parametrize("width,touch", [(390, True), (820, True), (1280, False)], ids=["phone", "tablet", "desktop"])
def test_the_toolbar_never_covers_the_legend(browser, site, served, width, touch):
    _, built = site
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=touch, has_touch=touch)
    page = context.new_page()
    seen = {}
    try:
        for item in built:
            for name in ("", "embed.html"):
                page.goto(f"{served}figures/{item.entry.key}/{name}")
                page.wait_for_selector(DRAWN, timeout=60_000)
                if not touch:
                    chart = page.locator(".chart-box .plot").bounding_box()
                    page.mouse.move(chart["x"] + chart["width"] - 40, chart["y"] + 8)
                    page.wait_for_timeout(300)  # the toolbar fades in
                seen[f"{item.entry.key}/{name}"] = page.evaluate(TOOLBAR_OVER_LEGEND)
    finally:
        context.close()
    assert {path: s for path, s in seen.items() if s["covered"]} == {}
    assert all(s["buttons"] == 0 for path, s in seen.items() if path.endswith("embed.html"))  # embeds: no toolbar
    pages = [s for path, s in seen.items() if path.endswith("/")]
    assert all(s["buttons"] == 0 for s in pages) if width < 640 else all(s["buttons"] > 0 for s in pages)
    assert sum(s["entries"] for s in seen.values()) > 0


@pytest.fixture
def audit_tab(browser):
    """A tab that lets the auditor's own script in past the pages' CSP (the pages themselves run under it:
    tests/e2e/test_static_csp.py)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", ["", "figures/japan-rounds/", "figures/compare/embed.html"])
def test_no_serious_or_critical_accessibility_violations(audit_tab, served, axe_script, path):
    tab = audit_tab
    tab.goto(served + path)
    if path:
        tab.wait_for_selector(DRAWN, timeout=60_000)
    tab.add_script_tag(path=str(axe_script))
    violations = tab.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))""")
    assert violations == [], json.dumps(violations, indent=1)


def test_phone_width_needs_no_horizontal_scrolling(browser, served):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    try:
        for path in ("", "figures/japan-rounds/", "figures/compare/embed.html"):
            page.goto(served + path)
            if path:
                page.wait_for_selector(DRAWN, timeout=60_000)
            assert (
                page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
            ), path
    finally:
        context.close()


HOSTILE_NOTE = (
    '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> read javascript:window.__xss=3 " \' &amp;'
)


def test_text_from_the_csvs_stays_text(tab, tmp_path):
    """The validator refuses markup in the data (make site then writes nothing); the pages escape it all the same."""
    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    set_cell(data, "recluse_estimates", 1, "note", HOSTILE_NOTE)  # jp-cao-2010-broad: on japan-rounds
    source_id = rows(data / "recluse_estimates.csv")[1][rows(data / "recluse_estimates.csv")[0].index("source_id")]
    listed = rows(data / "sources.csv")
    at = next(i for i, r in enumerate(listed) if r[listed[0].index("source_id")] == source_id)
    set_cell(
        data, "sources", at, "producer", "Producer <b>bold</b> javascript:alert(1)"
    )  # in the source lines and chart
    refused = check_package(data)
    assert refused.problems["recluse_estimates"]
    check = PackageCheck(refused.data_dir, refused.frames, {})  # as if a rule let it through
    out = tmp_path / "site"
    build_site(check, out, STATIC_BASE, images=False)
    page_text = (out / "figures" / "japan-rounds" / "index.html").read_text(encoding="utf-8")
    assert "<script>window" not in page_text and "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page_text
    server, served = serve(out)
    dialogs = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for path in ("figures/japan-rounds/", "figures/japan-rounds/embed.html", ""):
            tab.goto(served + path)
            if path:
                tab.wait_for_selector(DRAWN, timeout=60_000)
            assert tab.evaluate("() => window.__xss === undefined"), path
            assert tab.query_selector_all("img[src='x'], b") == [], path
            assert (
                tab.evaluate(
                    "() => [...document.querySelectorAll('a')].filter(a => !/^(https?:|[a-z0-9#./-]|$)/i.test(a.getAttribute('href') || '')).length"
                )
                == 0
            ), path
        tab.goto(served + "figures/japan-rounds/")
        assert "read javascript:window.__xss=3" in tab.inner_text("main")
        assert "Producer <b>bold</b> javascript:alert(1)" in tab.inner_text(".sources")
        assert dialogs == []
    finally:
        server.shutdown()
