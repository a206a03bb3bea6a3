"""Component tests of the Streamlit side (ui/) with AppTest.from_function; tests that open a download ask for
the record_downloads fixture (tests/conftest.py)."""

import pytest


@pytest.fixture(autouse=True)
def no_public_url(monkeypatch):
    monkeypatch.setattr("settings.PUBLIC_BASE_URL", None)  # whatever the environment says; tests set it themselves
