"""The static edition's own Content-Security-Policy (security probe 2026-12-07, row 13): every page carries it in a
<meta http-equiv> before anything it governs, has no inline script, and draws its chart in Chromium without a
violation; an embed, framed by a page of another origin, draws there too (a <meta> policy cannot refuse framing)."""

import re

import pytest

from i18n import LANGUAGES
from tests.conftest import serve

pytestmark = pytest.mark.chromium
DRAWN = ".chart-box.drawn .main-svg"
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
WATCH_CSP = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  [e.violatedDirective, e.blockedURI, e.sourceFile, e.lineNumber].join(' ')));"""


@pytest.fixture
def watched(browser):
    """A tab that records every CSP violation and every console message about the policy."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.reported = []
    page.on("console", lambda m: page.reported.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    context.close()


def test_every_page_carries_the_policy_first_and_no_inline_script(site):
    out, built = site
    pages = sorted(out.rglob("*.html"))  # every language's edition
    assert len(pages) == len(LANGUAGES) * (1 + 2 * len(built))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policies = META.findall(html)
        assert len(policies) == 1, path
        head = html[: html.index("</head>")]
        assert head.index("Content-Security-Policy") < min(
            head.find(t) if t in head else len(head) for t in ("<script", "<link")
        )
        directives = dict(part.split(" ", 1) for part in policies[0].split("; "))
        assert directives["script-src"] == "'self'" and directives["object-src"] == "'none'"
        assert "frame-ancestors" not in directives  # ignored (and reported) in a <meta> policy
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, (path, tag)
        assert not re.search(r"\son[a-z]+=", html), path


def test_every_page_and_embed_draws_without_a_violation(watched, site, served):
    _, built = site
    watched.goto(served)
    assert watched.evaluate("window.__csp") == []
    for item in built:
        for name in ("", "embed.html"):
            watched.goto(f"{served}figures/{item.entry.key}/{name}")
            watched.locator(".chart-box").hover()  # plotly.js is fetched when a reader reaches for the chart
            watched.wait_for_selector(DRAWN, timeout=30_000)
            box = watched.locator(DRAWN).first.bounding_box()
            watched.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # a hover label
            assert watched.evaluate("window.__csp") == [], f"{item.entry.key}/{name}"
    assert watched.reported == []


def test_an_embed_draws_inside_a_page_of_another_origin(watched, site, served, tmp_path):
    _, built = site
    embed = f"{served}figures/{built[0].entry.key}/embed.html".replace("127.0.0.1", "localhost")
    (tmp_path / "index.html").write_text(f'<!doctype html><title>a blog</title><iframe src="{embed}"></iframe>')
    host, origin = serve(tmp_path)
    try:
        watched.goto(origin)
        frame = watched.frame_locator("iframe")
        frame.locator(".chart-box").hover()
        frame.locator(DRAWN).first.wait_for(timeout=30_000)
        assert watched.reported == []
    finally:
        host.shutdown()
