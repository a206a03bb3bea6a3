"""Every page in Chromium: charts drawn, sources visible, phone width, URL state,
downloads, citations, keyboard, axe."""

import csv
import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

import i18n
from shaping.words import pages
from tests.e2e.conftest import open_expanders, settle, start_server, stop_server

PAGES = [(p.file, p.title, p.icon, p.url) for p in pages()]

# The default page (Overview) lives at "/": Streamlit ignores a default page's url_path; app.py's hidden page at
# "/overview" sends readers there (test_overview_path_opens_the_overview).
PATHS = ["/" if i == 0 else "/" + url for i, (_, _, _, url) in enumerate(PAGES)]
CHARTS = {
    "/": 0,
    "/japan": 3,
    "/compare": 1,
    "/homelessness": 3,
    "/health": 2,
    "/claims": 3,
    "/sources": 0,
    "/check_data": 0,
}


def open_page(page, url: str) -> None:
    page.goto(url)
    settle(page)


def problems_on_screen(page) -> list[str]:
    """Exception boxes, error boxes and dialogs (such as Streamlit's "Page not found") on screen."""
    return [
        e.inner_text()[:200]
        for e in page.query_selector_all("[data-testid=stException], [data-testid=stAlertContentError], [role=dialog]")
    ]


@pytest.mark.parametrize("path", PATHS)
def test_page_renders_charts_and_sources(page, base_url, path):
    open_page(page, base_url + path)
    assert problems_on_screen(page) == []
    assert "Traceback" not in page.inner_text("body")
    charts = page.query_selector_all("[data-testid=stPlotlyChart]")
    assert len(charts) == CHARTS[path]
    assert all(chart.query_selector(".main-svg") for chart in charts)
    for chart in charts:  # the source line is inside every figure too
        assert "Hikikomori in Numbers · Source" in chart.inner_text()
    if charts:
        lines = [
            e
            for e in page.query_selector_all("[data-testid=stMarkdownContainer] p")
            if e.inner_text().startswith("Source")
        ]
        assert lines and lines[0].is_visible()
        assert all(
            a.get_attribute("href").startswith(("http://", "https://"))
            for line in lines
            for a in line.query_selector_all("a")
        )


@pytest.mark.parametrize("path", PATHS)
def test_phone_width_needs_no_horizontal_scrolling(browser, base_url, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    try:
        open_page(page, base_url + path)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        for chart in page.query_selector_all("[data-testid=stPlotlyChart]"):
            box = chart.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1
            assert box["height"] >= 250  # tall enough to read
    finally:
        context.close()


# An SVG text's lines (Plotly writes each line of a multi-line text as a tspan of class "line"), joined by spaces.
LINES = (
    "t => { const lines = [...t.querySelectorAll('tspan.line')]; "
    "return lines.length ? lines.map(l => l.textContent).join(' ') : t.textContent; }"
)


def y_labels(page, chart_index: int = 0) -> list[str]:
    """The rows the chart draws a mark for, top down, each checked to be written whole above its row on screen."""
    chart = page.query_selector_all("[data-testid=stPlotlyChart] .js-plotly-plot")[chart_index]
    rows = chart.evaluate("gd => gd.data.filter(t => t.mode === 'markers' && t.text).flatMap(t => t.y)")
    order = chart.evaluate("gd => gd._fullLayout.yaxis.categoryarray")
    written = [text.evaluate(LINES) for text in chart.query_selector_all(".textpoint text")]
    for row in rows:
        label = " ".join(row.replace("·", " ").split())
        assert any(" ".join(text.replace("·", " ").split()).startswith(label + ":") for text in written), (row, written)
    return sorted(rows, key=order.index)


# Every text Plotly draws in a chart (labels, annotations, legend, ticks, axis titles) with its box on screen; a text
# point Plotly hid (display="none": its anchor fell outside the axis) has an empty box and is listed as hidden.
TEXT_SELECTOR = (
    ".textpoint text, .annotation-text, .legendtext, .xtick text, .ytick text, .g-xtitle text, .g-ytitle text"
)
CHART_TEXTS = f"""gd => [...gd.querySelectorAll('{TEXT_SELECTOR}')].filter(t => t.textContent).map(t => {{
    const r = t.getBoundingClientRect(), hidden = t.closest('[display=none]') !== null;
    const cut = r.right > gd.getBoundingClientRect().right + 1;  // past the chart's edge: a reader sees part of it
    return {{text: t.textContent.slice(0, 60), hidden, cut, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom}};
}})"""


def overlapping(texts: list[dict], tolerance: float = 1) -> list[tuple[str, str]]:
    """Pairs of drawn texts whose boxes overlap by more than `tolerance` px both ways."""
    pairs = []
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            width, height = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]), min(a["y1"], b["y1"]) - max(a["y0"], b["y0"])
            if width > tolerance and height > tolerance:
                pairs.append((a["text"], b["text"]))
    return pairs


@pytest.mark.parametrize(
    ("width", "lang"), [(390, "en"), (1280, "en"), (390, "ja")], ids=["phone", "desktop", "phone-ja"]
)
def test_every_chart_text_is_drawn_and_none_covers_another(browser, base_url, width, lang):
    """Row labels, values, legend, ticks and titles in every chart of every page (every Claim check page too): none
    hidden by Plotly, none on top of another, none running past the chart's edge. All three happened on a phone (a
    Japanese legend line is wider than an English one), and labels of whole charts were hidden."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = {}
    try:
        for path in [p for p in PATHS if CHARTS[p]] + ["/claims?claims_page=2", "/claims?claims_page=3"]:
            open_page(page, base_url + path + ("&" if "?" in path else "?") + f"lang={lang}")
            for i, chart in enumerate(page.query_selector_all("[data-testid=stPlotlyChart] .js-plotly-plot")):
                texts = chart.evaluate(CHART_TEXTS)
                assert texts, (path, i)
                hidden = [t["text"] for t in texts if t["hidden"]]
                cut = [t["text"] for t in texts if t["cut"] and not t["hidden"]]
                covered = overlapping([t for t in texts if not t["hidden"] and t["x1"] > t["x0"]])
                if hidden or covered or cut:
                    problems[f"{path} chart {i}"] = {"hidden": hidden, "overlapping": covered, "cut": cut}
    finally:
        context.close()
    assert problems == {}


def test_copied_url_reopens_the_same_selection(page, base_url):
    open_page(page, base_url + "/compare?countries=Italy&measure=Count")
    labels = y_labels(page)
    assert labels and all(label.startswith("Italy") for label in labels)
    page.get_by_role("radio", name="Logarithmic").click()
    page.wait_for_function("() => location.search.includes('scale=Logarithmic')")
    settle(page)
    copied = page.url
    assert parse_qs(urlparse(copied).query)["countries"] == ["Italy"]
    other = page.context.new_page()
    open_page(other, copied)
    assert y_labels(other) == labels
    assert other.query_selector("[data-testid=stPlotlyChart] .xaxislayer-above .xtick text") is not None
    axis_type = other.evaluate(
        "() => document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot')._fullLayout.xaxis.type"
    )
    assert axis_type == "log"
    other.close()


def test_download_holds_the_rows_drawn(page, base_url):
    open_page(page, base_url + "/compare?countries=South+Korea")
    with page.expect_download() as event:
        page.get_by_role("button", name="Download the data shown (CSV)").click()
    text = Path(event.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))  # the first line is the header
    assert all(r["figure"].startswith("Hikikomori in Numbers") for r in rows)
    assert sorted(r["label"] for r in rows) == sorted(y_labels(page))
    assert all(r["country"] == "KOR" for r in rows)
    assert all(r["source_url"].startswith("http") for r in rows)


def test_overview_path_opens_the_overview(page, base_url):
    """'/overview' opened a "Page not found" dialog: the Overview's own path now shows the Overview."""
    open_page(page, base_url + "/overview")
    assert problems_on_screen(page) == []
    assert "Latest national estimate" in page.inner_text("body") or "Hikikomori are people" in page.inner_text("body")


def test_cite_text_contains_the_current_url(page, base_url):
    open_page(page, base_url + "/compare?countries=Japan&measure=Count")
    page.get_by_text("Quote and cite", exact=True).first.click()
    settle(page)
    citations = [c.inner_text() for c in page.query_selector_all("[data-testid=stCode]")]
    assert any(
        "compare?countries=Japan&measure=Count" in c and c.startswith("Hikikomori in Numbers") for c in citations
    )
    page.get_by_text("Show every citation", exact=False).first.click()  # BibTeX and the sources: a second step
    settle(page)
    citations = [c.inner_text() for c in page.query_selector_all("[data-testid=stCode]")]
    assert any("howpublished = {\\url{" in c and "countries=Japan" in c for c in citations)


def test_controls_work_from_the_keyboard(page, base_url):
    open_page(page, base_url + "/japan")
    focused = []
    for _ in range(60):  # Tab until the measure control has focus
        page.keyboard.press("Tab")
        focused.append(
            page.evaluate(
                "() => document.activeElement && "
                "(document.activeElement.getAttribute('role') + ':' + document.activeElement.innerText.trim())"
            )
        )
        if focused[-1].startswith("radio:") and "age group" in focused[-1]:
            break
    else:
        pytest.fail(f"the measure control could not be reached with Tab; focus went {focused}")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search.includes('measure=')")
    settle(page)
    assert "(people)" in page.query_selector_all("h3")[0].inner_text()


def test_charts_have_alt_text_from_the_data(page, base_url):
    open_page(page, base_url + "/japan")
    described = page.evaluate("""() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
        .map(c => c.getAttribute('role') === 'figure' ? c.getAttribute('aria-label') || '' : '')""")
    assert len(described) == 3
    assert all(text.startswith("Chart: ") for text in described)
    assert "1.79%" in described[0] and "2.05%" in described[0]


@pytest.mark.parametrize("path", PATHS)
def test_no_serious_or_critical_accessibility_violations(page, base_url, axe_script, path):
    open_page(page, base_url + path)
    open_expanders(page, 6)  # their content (citations, notes, quotes) is checked too
    if page.get_by_role("tab", name="Table").count():
        page.get_by_role("tab", name="Table").first.click()  # and one card's table
        settle(page)
    page.add_script_tag(path=str(axe_script))
    violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))""")
    assert violations == [], json.dumps(violations, indent=1)


def _serious_violations(page, axe_script) -> list[dict]:
    page.add_script_tag(path=str(axe_script))
    return page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))""")


# One page per language, each with cards: what a Japanese, Korean or Italian reader opens first after the overview.
LANGUAGE_PAGES = {"ja": "/compare", "ko": "/japan", "it": "/health"}


@pytest.mark.parametrize(("lang", "path"), LANGUAGE_PAGES.items())
def test_a_page_in_another_language_says_which_and_has_no_serious_accessibility_violation(
    page, base_url, axe_script, lang, path
):
    open_page(page, f"{base_url}{path}?lang={lang}")
    assert page.evaluate("() => document.documentElement.lang") == lang  # the served page, and after the script run
    heading = next(p.heading for p in pages() if "/" + p.url == path)
    assert page.query_selector("h1").inner_text().strip() == i18n.translator(lang).gettext(heading)
    # Korean breaks lines between words, Japanese headings between phrases (a phone cut 히키코|모리 and ひきこ|もり);
    # Italian keeps Streamlit's own rule.
    breaks = page.evaluate("() => getComputedStyle(document.querySelector('h1')).wordBreak")
    assert breaks == {"ko": "keep-all", "ja": "auto-phrase"}.get(lang, "break-word")
    open_expanders(page, 6)  # citations, notes and quotes in that language are checked too
    table = page.get_by_role("tab", name=i18n.translator(lang).gettext("Table"), exact=True)
    if table.count():
        table.first.click()
        settle(page)
    # Every published quote shown says its language; none is left to inherit the page's.
    quotes = page.query_selector_all("[data-testid=stMain] blockquote")
    assert all(q.get_attribute("lang") for q in quotes)
    assert _serious_violations(page, axe_script) == []


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_page_name_in_the_navigation_is_read_whole(page, base_url, lang):
    """The sidebar cuts a long name with an ellipsis ("Giovani senza dimora: Stati Unit…"): each must fit."""
    open_page(page, f"{base_url}/?lang={lang}")
    names = page.query_selector_all("[data-testid=stSidebarNavLink] span")
    cut = [n.inner_text() for n in names if n.evaluate("e => e.scrollWidth > e.clientWidth + 1")]
    assert len(names) >= len(PAGES) and cut == []


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_link_to_another_page_is_read_whole_on_a_phone(browser, base_url, lang):
    """The overview's links to the other pages kept their names on one line, and a phone cut them at its edge
    ("Verifica delle affermazioni: i numeri dell'articolo del 20")."""
    phone = browser.new_page(viewport={"width": 390, "height": 900})
    try:
        for path in ("/", "/homelessness"):
            open_page(phone, f"{base_url}{path}?lang={lang}")
            links = phone.query_selector_all("[data-testid=stMain] [data-testid=stPageLink-NavLink]")
            cut = [a.inner_text() for a in links if a.evaluate(CUT)]
            assert links and cut == [], path
    finally:
        phone.close()


# an element or any element inside it shows less than it holds, or reaches past the window's right edge
CUT = """a => [a, ...a.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1
    || e.getBoundingClientRect().right > window.innerWidth + 1)"""


def test_a_rerun_of_the_compare_card_alone_stays_in_the_reader_s_language(page, base_url):
    """The Compare card is a fragment: opening its 'Quote and cite' or changing its scale reruns it alone, without
    app.py, and its words came out in English (and its expander closed)."""
    it = i18n.translator("it").gettext
    open_page(page, base_url + "/compare?lang=it")
    page.get_by_text(it("Quote and cite"), exact=True).first.click()
    settle(page)
    page.get_by_role("radio", name=it("Logarithmic"), exact=True).click()
    settle(page)
    main = page.inner_text("[data-testid=stMain]")
    assert it("Download the data shown (CSV)") in main and "Download the data shown" not in main
    assert it("Quote and cite") in main and "Quote and cite" not in main
    assert page.get_by_role("radio", name=it("Logarithmic"), exact=True).is_checked()


def test_the_language_switch_changes_the_page_and_keeps_the_view(page, base_url):
    open_page(page, base_url + "/compare?countries=Japan&scale=Logarithmic")
    assert page.evaluate("() => document.documentElement.lang") == "en"
    page.get_by_role("combobox", name="Language").click()
    page.get_by_role("option", name="日本語").click()
    page.wait_for_function("() => location.search.includes('lang=ja')")
    settle(page)
    assert page.evaluate("() => document.documentElement.lang") == "ja"
    assert page.query_selector("h1").inner_text().strip() == i18n.translator("ja").gettext("Compare countries")
    ja = i18n.translator("ja").gettext
    query = parse_qs(urlparse(page.url).query)
    # The choices stay in the link, in English or as Japanese shows them: either reopens the same view.
    assert query["scale"][0] in ("Logarithmic", ja("Logarithmic"))
    assert query["countries"] in (["Japan"], [ja("Japan")])
    page.reload()
    settle(page)
    assert page.query_selector("h1").inner_text().strip() == ja("Compare countries")
    countries = page.query_selector("[data-testid=stMultiSelect]").inner_text()  # the label, then the chosen
    assert ja("Japan") in countries and ja("South Korea") not in countries and ja("Italy") not in countries
    assert page.get_by_role("radio", name=ja("Logarithmic"), exact=True).is_checked()
    page.get_by_role("link", name=ja("Japan"), exact=True).first.click()  # another page, through the navigation
    settle(page)
    assert "lang=ja" in page.url and page.evaluate("() => document.documentElement.lang") == "ja"


def test_pages_ask_no_other_host(page, base_url):
    """Readers' browsers talk to the dashboard only: no fonts, icons or scripts from third parties."""
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    for path in PATHS:
        open_page(page, base_url + path)
    elsewhere = [
        url for url in asked if not url.startswith((base_url, base_url.replace("http", "ws"), "data:", "blob:"))
    ]
    assert asked and elsewhere == []


def test_deep_link_is_the_first_visit_of_a_fresh_server(browser):
    """A link to a page that is a new server's first visit runs app.py's navigation (page config, titled sidebar)
    at once, and again once the server is warm; nothing resets Streamlit's legacy pages/ mode any more."""
    server, base = start_server()
    try:
        for visit in ("fresh", "warm"):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            try:
                page = context.new_page()
                open_page(page, base + "/japan?measure=Count+%28people%29")
                assert problems_on_screen(page) == [], visit
                assert page.title() == "Hikikomori in Numbers", visit
                assert page.inner_text("[data-testid=stMain] h1") == "Japan", visit
                assert page.url.endswith("/japan?measure=Count+%28people%29"), visit
                nav = [a.inner_text().split("\n")[-1] for a in page.query_selector_all("[data-testid=stSidebarNav] a")]
                assert nav == [title for _, title, _, _ in PAGES], visit
                assert "(people)" in page.query_selector_all("h3")[0].inner_text(), visit
            finally:
                context.close()
    finally:
        stop_server(server)
