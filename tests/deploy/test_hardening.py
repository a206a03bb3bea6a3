"""`make serve` hardened (security probe 2026-12-07, rows 3, 9, 10, 12, 14): it refuses to start on a taken port,
and the HAProxy it configures refuses uploads (when off) and metrics (unless on), sets the security headers, hides
the server's name and marks cookies Secure behind TLS. The proxy's behaviour is tested with the real haproxy in
front of a stand-in worker (no Streamlit); the dashboard itself behind it: tests/e2e/test_proxy_hardening.py."""

import base64
import hashlib
import http.server
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

import settings
from deploy import serve

HAPROXY = os.environ.get("HAPROXY") or shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/sbin")
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def options(tmp_path, *extra: str, workers: int = 2) -> list[str]:
    return [
        "--workers",
        str(workers),
        "--port",
        str(free_port()),
        "--host",
        "127.0.0.1",
        "--run-dir",
        str(tmp_path),
        *extra,
    ]


@pytest.fixture
def listening() -> Iterator[socket.socket]:
    """A loopback port held by another process's listener, as a static server left running would."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield s


@pytest.fixture
def no_exec(monkeypatch) -> list:
    """serve.main up to the point where it would become supervisord: haproxy's config check passes (/bin/true)
    and the exec is recorded instead of replacing the test process."""
    calls = []

    def execv(path, argv):
        calls.append(argv)
        raise SystemExit(0)

    monkeypatch.setenv("HAPROXY", shutil.which("true") or "/bin/true")
    monkeypatch.setattr(serve.os, "execv", execv)
    monkeypatch.setattr(serve.os, "chdir", lambda path: None)
    saved = dict(os.environ)  # main sets the workers' environment (uploads off, the cookie secret) before its exec
    yield calls
    os.environ.clear()
    os.environ.update(saved)


def test_a_taken_worker_port_stops_the_start_naming_it(tmp_path, listening, no_exec, capsys):
    taken = listening.getsockname()[1]
    args = options(tmp_path, "--worker-ports", f"{free_port()},{taken}")
    assert serve.main(args) == 2
    err = capsys.readouterr().err
    said = f"serve: port {taken} (worker w2's port) is already in use: stop what listens there or choose another PORT"
    assert err.strip() == said
    assert no_exec == [] and not (tmp_path / "supervisord.conf").exists()


def test_a_taken_proxy_port_stops_the_start_naming_it(tmp_path, listening, no_exec, capsys):
    taken = listening.getsockname()[1]
    args = [
        "--workers",
        "1",
        "--port",
        str(taken),
        "--host",
        "127.0.0.1",
        "--worker-ports",
        str(free_port()),
        "--run-dir",
        str(tmp_path),
    ]
    assert serve.main(args) == 2
    assert f"port {taken} (the proxy's port) is already in use" in capsys.readouterr().err
    assert no_exec == []


def test_free_ports_start_as_before(tmp_path, no_exec):
    with pytest.raises(SystemExit):
        serve.main(options(tmp_path, "--worker-ports", f"{free_port()},{free_port()}"))
    assert len(no_exec) == 1 and (tmp_path / "supervisord.conf").exists()
    assert serve.taken_port("127.0.0.1", free_port(), [free_port()]) is None


def test_the_csp_allows_streamlits_own_inline_script_by_hash_only(tmp_path):
    index = tmp_path / "index.html"
    body = "\n  window.prerenderReady = false\n"
    index.write_text(f"<head><script>{body}</script><script type=module src='./x.js'></script></head>")
    digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
    app_scripts = [serve.document_lang_script(lang) for lang in ("en", "ja", "ko", "it")]
    app_digests = [base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in app_scripts]
    assert serve.inline_script_hashes(index) == [f"'sha256-{d}'" for d in [digest, *app_digests]]
    assert len(serve.inline_script_hashes()) >= 1  # the installed Streamlit's index.html has its inline script
    policy = serve.content_security_policy("", ["'sha256-abc'"])
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["script-src"] == "'self' 'wasm-unsafe-eval' 'sha256-abc'"
    scripts = directives["script-src"].replace("'wasm-unsafe-eval'", "")
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    framed = serve.content_security_policy("https://a.example, https://b.example", [])
    assert framed.endswith("frame-ancestors https://a.example https://b.example")


def test_settings_default_to_the_safe_side(monkeypatch):
    for name in (settings.BY_NAME[n].env for n in ("METRICS", "FRAME_ANCESTORS", "SECURE_COOKIES", "UPLOADS")):
        monkeypatch.delenv(name, raising=False)
    args = serve.parse([])
    assert (args.uploads, args.metrics, args.frame_ancestors, args.secure_cookies) == ("off", "off", "", "off")
    with pytest.raises(SystemExit):
        serve.parse(["--frame-ancestors", "https://a.example; script-src *"])


class StandIn(http.server.BaseHTTPRequestHandler):
    """A worker as HAProxy sees it: healthy, naming itself uvicorn, setting Streamlit's XSRF cookie, answering
    metrics and accepting any upload."""

    def log_message(self, *args) -> None:
        pass

    def answer(self, status: int, body: bytes = b"ok") -> None:
        self.send_response(status)
        self.send_header("server", "uvicorn")
        self.send_header("Set-Cookie", "_streamlit_xsrf=2|ab|cd|1; Path=/; SameSite=Lax")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.answer(200, b"# loaders.cache._checked 0.1" if "metrics" in self.path else b"ok")

    def do_PUT(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.answer(204, b"")


@contextmanager
def proxy(tmp_path, *extra: str) -> Iterator[str]:
    """The HAProxy `make serve` configures (with `extra` options) in front of one stand-in worker; its base URL."""
    if not HAPROXY:
        reason = "haproxy is needed: install it with `apt-get install -y haproxy` (Debian)."
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(f"required test cannot run: {reason}")
        pytest.skip(reason)
    worker = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    threading.Thread(target=worker.serve_forever, daemon=True).start()
    args = serve.parse(options(tmp_path, *extra, "--worker-ports", str(worker.server_port), workers=1))
    config = serve.render(args, tmp_path, HAPROXY)["haproxy.cfg"]
    proc = subprocess.Popen([HAPROXY, "-db", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{args.port}"
    try:
        while request(base + "/_stcore/health")[0] != 200:  # until HAProxy has seen the worker healthy twice
            assert proc.poll() is None, "haproxy exited"
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait()
        worker.shutdown()


def request(url: str, method: str = "GET", body: bytes | None = None) -> tuple[int, dict[str, list[str]], bytes]:
    """Status, headers (lower-case names, every value) and body of one request; (0, {}, b"") when refused."""
    try:
        with NO_PROXY.open(urllib.request.Request(url, data=body, method=method), timeout=30) as answer:
            status, headers, data = answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        status, headers, data = error.code, error.headers, error.read()
    except (ConnectionError, urllib.error.URLError):
        return 0, {}, b""
    named: dict[str, list[str]] = {}
    for name, value in headers.items():
        named.setdefault(name.lower(), []).append(value)
    return status, named, data


UPLOAD = "/_stcore/upload_file/8669f029-f99b-4d10-a116-a4d185b30d57/file-1"


@pytest.mark.slow
def test_the_public_proxy_refuses_uploads_and_metrics_and_sets_the_headers(tmp_path):
    with proxy(tmp_path) as base:
        for path in (
            UPLOAD,
            UPLOAD.replace("upload", "%75pload"),
            "/" + UPLOAD,
            UPLOAD.replace("upload_file", "UPLOAD_FILE"),
        ):
            assert request(base + path, "PUT", b"x" * 1000)[0] == 403, path
        for path in ("/_stcore/metrics", "/_stcore/%6detrics", "//_stcore/metrics"):
            status, _, body = request(base + path)
            assert status == 403 and b"loaders" not in body, path
        status, headers, _ = request(base + "/")
        assert status == 200
        assert headers["content-security-policy"] == [serve.content_security_policy("")]
        assert headers["x-frame-options"] == ["DENY"] and headers["x-content-type-options"] == ["nosniff"]
        assert headers["referrer-policy"] == ["same-origin"] and "server" not in headers
        assert not any("Secure" in cookie for cookie in headers["set-cookie"])


@pytest.mark.slow
def test_operators_can_turn_uploads_metrics_framing_and_secure_cookies_on(tmp_path):
    origin = "https://blog.example.org"
    turned_on = ["--uploads", "on", "--metrics", "on", "--frame-ancestors", origin, "--secure-cookies", "on"]
    with proxy(tmp_path, *turned_on) as base:
        assert request(base + UPLOAD, "PUT", b"x" * 1000)[0] == 204
        assert request(base + "/_stcore/metrics")[0] == 200
        status, headers, _ = request(base + "/")
        assert headers["content-security-policy"][0].endswith(f"frame-ancestors {origin}")
        assert "x-frame-options" not in headers
        cookies = headers["set-cookie"]
        assert {c.split("=")[0] for c in cookies} == {serve.COOKIE, "_streamlit_xsrf"}
        assert all(c.lower().count("secure") == 1 for c in cookies), cookies
