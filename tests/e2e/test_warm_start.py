"""The server the dashboard runs as (asgi.py) validates the data and builds every default figure before its health
check first answers, so the proxy sends no reader to a cold process (issue 14)."""

import re

from figures import catalog
from tests.support.streamlit_server import StreamlitServer
from ui.shared import warm_views


def test_the_health_check_answers_only_after_the_warm_up(real_check, tmp_path):
    server = StreamlitServer(log_dir=tmp_path)
    try:
        server.start()
        log = server.log.read_text()  # read the moment /_stcore/health first said "ok"
    finally:
        server.stop()
    found = re.search(r"warm-up: package checked and (\d+) figures built in ([\d.]+) s", log)
    assert found, log[-1500:]
    assert int(found[1]) == sum(len(warm_views(entry)) for entry in catalog(real_check))  # each default view and its neighbours
