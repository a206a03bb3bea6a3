"""`make serve`'s own output: a normal start (and a normal stop) prints nothing alarming, and a worker that dies is
still reported, by supervisord and by HAProxy. Without haproxy this skips and says how to install it."""

import os
import re
import signal
import time

import pytest

from tests.e2e.test_serve import HAPROXY, OUTCOME_WITHIN, Served, _missing

# What made a normal start look like a failure: supervisord's CRIT lines, HAProxy's ALERT and DOWN lines, and a 503
# logged for a request no worker could answer yet.
ALARMING = re.compile(r"\bCRIT\b|\bALERT\b|\bis DOWN\b|no server available| 503 ")


def alarming(text: str) -> list[str]:
    return [line for line in text.splitlines() if ALARMING.search(line)]


@pytest.fixture
def server(tmp_path):
    if not HAPROXY:
        _missing("haproxy is needed for the make serve tests: install it with `apt-get install -y haproxy` (Debian).")
    served = Served(tmp_path)
    yield served
    left = served.stop()
    assert left == [], f"processes left running after SIGTERM: {left}\n{served.tail()}"


def test_a_normal_start_and_stop_are_quiet_and_a_killed_worker_is_reported(server):
    server.start()  # returns once HAProxy counts both workers UP
    started = server.tail(10**6)
    assert started.count("warm-up: package checked") == 2, started  # the output was read through both warm-ups
    assert alarming(started) == [], started

    os.kill(server.worker("w1")["pid"], signal.SIGKILL)
    wanted = ("exited: w1 (terminated by SIGKILL; not expected)", "Server streamlit/w1 is DOWN")
    deadline = time.monotonic() + OUTCOME_WITHIN
    while time.monotonic() < deadline and not all(w in server.tail(10**6) for w in wanted):
        time.sleep(0.2)
    after = server.tail(10**6)[len(started) :]
    assert all(w in after for w in wanted), after

    # Stopped as Ctrl-C does: the proxy first, so no worker is reported DOWN on the way out.
    before = len(server.tail(10**6))
    assert server.stop() == []
    stopped = server.tail(10**6)[before:]
    assert "stopped: haproxy" in stopped and alarming(stopped) == [], stopped
