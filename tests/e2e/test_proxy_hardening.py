"""The public edition behind HAProxy (`make serve`, uploads off) as an anonymous reader meets it, in Chromium
(security probe 2026-12-07, rows 3, 9, 10): uploads and metrics refused by the proxy, the security headers, a page
on another origin unable to frame the dashboard, and every page drawn under the Content-Security-Policy with no
violation. Without haproxy or Chromium these tests skip and say how to install them; under E2E_REQUIRED=1 they fail.
"""

import os
import re
import subprocess
import sys
import time
from contextlib import suppress

import pytest

import settings
from shaping.words import served_pages
from tests.conftest import serve as serve_folder
from tests.e2e.conftest import running
from tests.e2e.test_serve import HAPROXY, Served
from tests.support.streamlit_server import NO_PROXY, ROOT, VIEWPORT, free_port, settle

PATHS = ["/" if i == 0 else "/" + p.url for i, p in enumerate(served_pages(False, settings.UPLOAD_PAGE))]
UUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
CLOSED_EXPANDER = "[data-testid=stMain] [data-testid=stExpander] details:not([open]) summary"
# Every CSP violation the page reports, from the start of each document.
WATCH_CSP = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  [e.violatedDirective, e.blockedURI, e.sourceFile, e.lineNumber].join(' ')));"""


def _missing(reason: str) -> None:
    if os.environ.get("E2E_REQUIRED") == "1":
        pytest.fail(f"required browser test cannot run: {reason}")
    pytest.skip(reason)


class PublicEdition(Served):
    """`python -m deploy.serve` as `make serve` starts the public edition: uploads off, one worker."""

    workers = ("w1",)

    def start(self, timeout: float = 300) -> float:
        """Start it and wait until its worker is UP behind the proxy (the bound only catches a start that hangs)."""
        self.ports = [free_port()]
        cmd = [sys.executable, "-m", "deploy.serve", "--workers", "1", "--port", str(self.port), "--host", "127.0.0.1"]
        cmd += ["--worker-ports", str(self.ports[0]), "--run-dir", str(self.run_dir), "--uploads", "off"]
        env = {k: v for k, v in os.environ.items() if not k.startswith("HIKIKOMORI_")}
        began = time.monotonic()
        with open(self.log, "wb") as log:
            out = {"stdout": log, "stderr": subprocess.STDOUT}
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True, **out)
        while time.monotonic() - began < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"deploy.serve exited with {self.proc.returncode}: {self.tail()}")
            with suppress(OSError, ValueError, KeyError):
                if self.status()["w1"] == "UP":
                    return time.monotonic() - began
            time.sleep(0.2)
        raise RuntimeError(f"the worker was not UP behind the proxy after {timeout:.0f} s: {self.tail()}")


@pytest.fixture(scope="module")
def public(tmp_path_factory):
    if not HAPROXY:
        _missing("haproxy is needed for the make serve tests: install it with `apt-get install -y haproxy` (Debian).")
    yield from running(PublicEdition(tmp_path_factory.mktemp("public")))


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    """A GET without any proxy from the environment: status, headers (lower-case names), body."""
    import urllib.error

    try:
        with NO_PROXY.open(url, timeout=60) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_an_upload_put_with_the_readers_own_session_is_refused_by_the_proxy(browser, public):
    context = browser.new_context(viewport=VIEWPORT)
    frames: list[bytes] = []
    try:
        page = context.new_page()
        keep = lambda data: frames.append(data if isinstance(data, bytes) else data.encode())  # noqa: E731
        page.on("websocket", lambda ws: ws.on("framereceived", keep))
        page.goto(public.base + "/")
        settle(page)
        xsrf = next(c["value"] for c in context.cookies() if c["name"] == "_streamlit_xsrf")
        sessions = list(dict.fromkeys(m.decode() for frame in frames for m in UUID.findall(frame)))
        assert sessions, "no session id in the websocket's frames"
        body = {"file": {"name": "population.csv", "mimeType": "text/csv", "buffer": b"x" * 10_000}}

        def put(base: str) -> list[int]:
            urls = [f"{base}/_stcore/upload_file/{session}/probe-{i}" for i, session in enumerate(sessions)]
            urls += [
                f"{base}/_stcore/%75pload_file/{sessions[0]}/encoded",
                f"{base}//_stcore/upload_file/{sessions[0]}/slashes",
            ]
            return [context.request.put(url, headers={"X-Xsrftoken": xsrf}, multipart=body).status for url in urls]

        # Straight at the worker the reader's session accepts a file: the proxy is what must refuse it.
        assert 204 in put(f"http://127.0.0.1:{public.ports[0]}")
        assert set(put(public.base)) == {403}
    finally:
        context.close()


def test_metrics_are_refused_by_the_proxy(public):
    assert get(f"http://127.0.0.1:{public.ports[0]}/_stcore/metrics")[0] == 200  # what the proxy hides
    for path in ("/_stcore/metrics", "/_stcore/%6Detrics", "/_stcore/METRICS", "//_stcore/metrics?x=1"):
        status, _, body = get(public.base + path)
        assert status == 403, path
        assert b"loaders" not in body and b"cache" not in body


def test_every_answer_carries_the_security_headers_and_no_server_name(public):
    for path in ("/", "/japan", "/_stcore/health"):
        status, headers, _ = get(public.base + path)
        assert status == 200
        csp = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp and "'unsafe-eval'" not in csp
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"
        assert "server" not in headers, headers.get("server")


def test_a_page_on_another_origin_cannot_frame_the_dashboard(browser, public, tmp_path):
    frame = f'<iframe src="{public.base}/" width="900" height="600"></iframe>'
    (tmp_path / "index.html").write_text(f"<!doctype html><title>framer</title>{frame}")
    host, origin = serve_folder(tmp_path)
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        blocked = []
        page.on(
            "console",
            lambda m: blocked.append(m.text) if "frame-ancestors" in m.text or "X-Frame-Options" in m.text else None,
        )
        page.goto(origin.replace("127.0.0.1", "localhost"))  # another origin than the dashboard's
        page.wait_for_load_state("load")
        child = page.frames[1]
        # Until Chromium reports the refusal, or the framed app draws (what the old proxy allowed).
        drawn = None
        for _ in range(600):
            with suppress(Exception):
                drawn = child.query_selector("[data-testid=stApp]")
            if blocked or drawn:
                break
            page.wait_for_timeout(100)
        assert drawn is None and blocked, "the dashboard drew inside a page of another origin"
    finally:
        context.close()
        host.shutdown()


def test_every_page_draws_under_the_csp_with_no_violation(browser, public):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.add_init_script(WATCH_CSP)
    reported: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda m: reported.append(m.text) if "Content Security Policy" in m.text else None)
        for path in PATHS:
            page.goto(public.base + path)
            state = settle(page)
            assert state["title"] and not state["exception"], (path, state)
            for _ in range(40):  # every expander open, as a reader would
                closed = page.query_selector(CLOSED_EXPANDER)
                if closed is None:
                    break
                closed.click()
                settle(page)
            for tab in page.query_selector_all("[data-testid=stMain] [role=tab]"):
                tab.click()
                settle(page)
            charts = page.query_selector_all("[data-testid=stPlotlyChart]")
            if charts:
                box = charts[0].bounding_box()
                page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # a hover label
                camera = charts[0].query_selector("a[data-title='Download plot as a png'], a[data-title*='png']")
                if camera is not None:
                    with page.expect_download():
                        charts[0].hover()
                        camera.click()
            for button in page.query_selector_all("[data-testid=stMain] [data-testid=stDownloadButton] button")[:2]:
                with page.expect_download():
                    button.click()
            assert page.evaluate("window.__csp") == [], path
        assert reported == []
    finally:
        context.close()
