"""The server the dashboard runs as (asgi.py) validates the data and builds every default figure before its health
check first answers, so the proxy sends no reader to a cold process (issue 14)."""

import re

from tests.support.streamlit_server import StreamlitServer
from ui.shared import warm_jobs


def test_the_health_check_answers_only_after_the_warm_up(real_check, tmp_path):
    server = StreamlitServer(log_dir=tmp_path)
    try:
        server.start()
        log = server.log.read_text()  # read the moment /_stcore/health first said "ok"
    finally:
        server.stop()
    found = re.search(r"warm-up: package checked and (\d+) of (\d+) figures built in ([\d.]+) s", log)
    assert found, log[-1500:]
    assert (
        int(found[1]) == int(found[2]) == len(warm_jobs(real_check))
    )  # all of it: the bundled data is well within the budget
