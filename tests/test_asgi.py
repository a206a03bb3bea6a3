"""The server's start-up hook (asgi.py): it holds the health check back while the warm-up builds, but never for longer
than settings.WARM_UP_SECONDS, so a far larger package still gets a server that answers (issue 14)."""

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import asgi


def _run_lifespan() -> bool:
    """Enter the lifespan the way Streamlit's server does; True once it has yielded (the server then accepts readers)."""

    async def enter() -> bool:
        async with asgi.warm_caches(None):
            return True

    # In a thread of its own: an earlier test in the same process (Playwright's sync API) may leave an event loop
    # running in this one, where asyncio.run refuses to start.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, enter()).result()


def test_the_server_waits_for_a_warm_up_that_ends_within_the_budget(monkeypatch):
    done = threading.Event()
    monkeypatch.setattr(asgi, "_warm_quietly", done.set)
    assert _run_lifespan()
    assert done.is_set()  # the health check came after the warm-up


def test_a_warm_up_job_longer_than_the_budget_does_not_hold_the_server_back(monkeypatch, caplog):
    release, finished = threading.Event(), threading.Event()

    def slow_job() -> None:  # a job that runs until the test lets it go: minutes, as one did on a 100x package
        release.wait(30)
        finished.set()

    monkeypatch.setattr(asgi, "_warm_quietly", slow_job)
    monkeypatch.setattr(asgi.settings, "WARM_UP_SECONDS", 0.1)
    assert _run_lifespan()
    assert not finished.is_set()  # the server accepts readers while the job still runs
    assert "still building after" in caplog.text
    release.set()
    assert finished.wait(5)  # and the job goes on to its end in the background
