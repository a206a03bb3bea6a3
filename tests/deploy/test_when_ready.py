"""deploy/when_ready.py: HAProxy is started only once every worker's health check says ok, or after the wait's bound
(then the late port is named, and HAProxy reports the worker DOWN itself)."""

import http.server
import threading

import pytest

from deploy import when_ready
from tests.support.streamlit_server import free_port


@pytest.fixture
def worker():
    """A stand-in for a worker's /_stcore/health: 503 while 'warming', then ok."""
    state = {"ready": False}

    class Health(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            ok = state["ready"] and self.path == "/_stcore/health"
            body = b"ok" if ok else b"not ready"
            self.send_response(200 if ok else 503)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], state
    server.shutdown()
    server.server_close()


def test_a_worker_is_ready_only_when_its_health_check_says_ok(worker):
    port, state = worker
    assert not when_ready.ready(free_port())  # nothing listening yet
    assert not when_ready.ready(port)  # 503 while warming up
    state["ready"] = True
    assert when_ready.ready(port)


def test_the_command_runs_once_every_worker_answers_and_says_nothing(worker, monkeypatch, capsys):
    port, state = worker
    state["ready"] = True
    ran = []
    monkeypatch.setattr(when_ready.os, "execv", lambda path, argv: ran.append(argv))
    when_ready.main(["--ports", str(port), "--within", "5", "--", "/usr/sbin/haproxy", "-db"])
    assert ran == [["/usr/sbin/haproxy", "-db"]] and capsys.readouterr().out == ""


def test_a_worker_that_never_answers_does_not_hold_the_proxy_back(worker, monkeypatch, capsys):
    port, _ = worker  # stays at 503
    ran = []
    monkeypatch.setattr(when_ready.os, "execv", lambda path, argv: ran.append(argv))
    when_ready.main(["--ports", str(port), "--within", "0", "--", "/usr/sbin/haproxy"])
    assert ran == [["/usr/sbin/haproxy"]] and f"no health answer on port {port}" in capsys.readouterr().out
