"""The static edition (make site) in Chromium, served as a static host would: every page and embed shows its chart as a
still and draws it interactive when a reader reaches for it, no page asks another host for anything, the embed code
shows its whole view in an article at any width, axe finds no serious or critical violation, and text from the CSVs
stays inert."""

import json
import shutil

import pytest

from figures import catalog
from loaders.tables import PackageCheck, check_package
from publish.build import BASIC_JS, BASIC_TRACES, build_site
from shaping.edition import edition_root
from tests.conftest import REAL_DATA, STATIC_BASE, rows, serve, set_cell
from tests.e2e.conftest import _missing

pytestmark = pytest.mark.chromium
DRAWN = ".chart-box.drawn .main-svg"


def reach(page, touch: bool = False) -> None:
    """Reach for the chart as a reader does (the pointer onto it, or a finger on it): plotly.js is fetched only then,
    and draws the interactive chart over the still."""
    chart = page.locator(".chart-box").first
    chart.tap() if touch else chart.hover()
    page.locator(DRAWN).first.wait_for(timeout=60_000)


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
            tab.goto(f"{served}figures/{item.entry.key}/{name}", wait_until="load")
            assert tab.locator("img.still").count() == 1 and tab.locator(DRAWN).count() == 0
            reach(tab)
            assert tab.locator("img.still").count() == 0  # the SVG still gives way to the interactive chart
            assert "Hikikomori in Numbers · Source" in tab.inner_text(".chart")
    elsewhere = [url for url in asked if not url.startswith((served, "data:"))]
    assert errors == [] and elsewhere == []


@pytest.mark.parametrize("width,touch", [(390, True), (1280, False)], ids=["phone", "desktop"])
def test_a_reader_who_only_reads_gets_the_still_and_never_plotly(browser, site, served, width, touch):
    """plotly.js is fetched when a reader reaches for a chart, not on load: the still, drawn for the window's width,
    is the chart until then (the phone's Lighthouse score is this)."""
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=touch, has_touch=touch)
    page = context.new_page()
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    try:
        for path in ("figures/japan-rounds/", "figures/compare/embed.html"):
            page.goto(served + path, wait_until="load")
            page.wait_for_timeout(500)
            shown = page.evaluate("() => document.querySelector('img.still').currentSrc")
            box = page.locator(".chart-box").bounding_box()
            assert not [u for u in asked if "/plotly" in u], path
            assert shown.endswith(".svg") and int(shown.rsplit("-", 1)[1][:-4]) <= box["width"], (path, shown, box)
            reach(page, touch)
            assert [u for u in asked if "/plotly" in u], path
            asked.clear()
    finally:
        context.close()


# An article on another origin (localhost, the edition on 127.0.0.1) with every figure's embed code pasted in turn.
ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>An article</title></head>
<body style="margin: 16px; font: 16px/1.5 serif"><h1>An article</h1>{codes}<p>The article goes on.</p></body></html>"""
LAST_LINE = ".embed-foot"


def inside(page, index: int) -> dict:
    """Where the embed's last line sits against its frame's box, in the article's coordinates."""
    frame = page.locator("iframe").nth(index)
    box = frame.bounding_box()
    line = frame.content_frame.locator(LAST_LINE).bounding_box()
    return {
        "frame": (round(box["y"]), round(box["y"] + box["height"])),
        "line": (round(line["y"]), round(line["y"] + line["height"])),
        "shown": box["y"] <= line["y"] and line["y"] + line["height"] <= box["y"] + box["height"],
        "blank": round(box["y"] + box["height"] - line["y"] - line["height"]),
    }


@pytest.mark.parametrize("scripts", [True, False], ids=["as-given", "scripts-stripped"])
@pytest.mark.parametrize("width", [390, 820, 1280])
def test_the_embed_code_shows_its_whole_view_in_an_article_at_every_width(
    browser, site, served, tmp_path, width, scripts
):
    """Each figure page's embed code, pasted as given into an article on another origin: every frame shows its last
    line (the source line and the link back) inside its box at a phone's, a tablet's and a desktop's width, before
    and after the reader draws the interactive chart; the frame's script keeps it to its view's height (no more
    than a line of blank below), and an article that strips scripts still shows the whole view."""
    _, built = site
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    edition = served.replace("127.0.0.1", "localhost")
    codes = []
    try:
        for item in built:
            page.goto(f"{served}figures/{item.entry.key}/")
            code = page.locator("pre code", has_text="<iframe").inner_text()
            code = code.replace(edition_root(STATIC_BASE), edition)
            code = code.replace(json.dumps(STATIC_BASE.rstrip("/")), json.dumps(edition.rstrip("/")))
            codes.append(code if scripts else code[: code.index("<script>")])
        (tmp_path / "index.html").write_text(ARTICLE.format(codes="\n".join(codes)), encoding="utf-8")
        host, article = serve(tmp_path)
        try:
            page.goto(article)
            seen = {}
            for index, item in enumerate(built):
                page.locator("iframe").nth(index).scroll_into_view_if_needed()
                frame = page.locator("iframe").nth(index).content_frame
                frame.locator(LAST_LINE).wait_for()
                for state in ("still", "drawn"):
                    if state == "drawn":
                        frame.locator(".chart-box").hover()
                        frame.locator(DRAWN).first.wait_for(timeout=60_000)
                    for _ in range(50):  # the frame follows the view's height message
                        where = inside(page, index)
                        if where["shown"] and (not scripts or where["blank"] <= 24):
                            break
                        page.wait_for_timeout(100)
                    seen[f"{item.entry.key} {state}"] = where
        finally:
            host.shutdown()
    finally:
        context.close()
    cut = {key: where for key, where in seen.items() if not where["shown"]}
    assert cut == {}
    if scripts:
        assert {key: where for key, where in seen.items() if where["blank"] > 24} == {}


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
  const shown = [...document.querySelectorAll('.modebar-btn')]
    .filter(b => getComputedStyle(b.parentNode).opacity > 0.1).map(box);
  const entries = [...document.querySelectorAll('.legend .legendtext, .legend .legendpoints')]
    .map(box).filter(r => r.width > 0);
  return {buttons: shown.length, entries: entries.length,
          covered: entries.filter(e => shown.some(b => b.left < e.right && e.left < b.right &&
                                                       b.top < e.bottom && e.top < b.bottom)).length};
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
                reach(page, touch)
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


@pytest.mark.parametrize(
    "path",
    [
        "",
        "figures/japan-rounds/",
        "figures/compare/embed.html",
        "ja/",
        "ja/figures/japan-rounds/",
        "ko/figures/compare/",
        "it/figures/japan-rounds/embed.html",
    ],
)
def test_no_serious_or_critical_accessibility_violations(audit_tab, served, axe_script, path):
    tab = audit_tab
    tab.goto(served + path)
    if "figures/" in path:
        reach(tab)
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
                reach(page)
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
                reach(tab)
            assert tab.evaluate("() => window.__xss === undefined"), path
            assert tab.query_selector_all("img[src='x'], b") == [], path
            assert (
                tab.evaluate(
                    "() => [...document.querySelectorAll('a')]"
                    ".filter(a => !/^(https?:|[a-z0-9#./-]|$)/i.test(a.getAttribute('href') || '')).length"
                )
                == 0
            ), path
        tab.goto(served + "figures/japan-rounds/")
        assert "read javascript:window.__xss=3" in tab.inner_text("main")
        assert "Producer <b>bold</b> javascript:alert(1)" in tab.inner_text(".sources")
        assert dialogs == []
    finally:
        server.shutdown()


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_a_collapsed_section_s_rule_runs_above_its_heading_not_through_it(browser, served, width):
    """The sections a reader opens ("Where it says so", every citation) are ruled off above their summary line: the
    rule of an inline heading ran through its words, and the evidence looked struck out."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(served + "figures/japan-rounds/")
        rules = page.evaluate("""() => [...document.querySelectorAll('details > summary > h2')].map(h => {
            const text = h.getBoundingClientRect(), section = h.closest('details');
            return {text: h.textContent, own: getComputedStyle(h).borderTopWidth,
                    above: section.getBoundingClientRect().top <= text.top - 4,
                    ruled: getComputedStyle(section).borderTopWidth !== '0px'};
        })""")
    finally:
        context.close()
    assert len(rules) == 2
    assert all(r["own"] == "0px" and r["ruled"] and r["above"] for r in rules), rules
