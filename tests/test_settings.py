"""Settings are declared once (settings.SETTINGS), read from the environment in one place, and each is documented."""

import re

import pytest

import settings
from tests.conftest import ROOT


def readme_settings() -> str:
    """The README's Settings section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"^### Settings\n(.*?)(?=^#)", text, re.S | re.M).group(1)


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=[s.name for s in settings.SETTINGS])
def test_every_setting_is_documented_in_the_readme(setting):
    row = next((line for line in readme_settings().splitlines() if line.startswith(f"| `{setting.name}` |")), None)
    assert row is not None, f"README's Settings table has no row for {setting.name}"
    if setting.env:
        assert f"`{setting.env}`" in row


def test_the_environment_overrides_a_default_and_blank_means_unset():
    assert settings.value("PORT", {}) == 8501
    assert settings.value("PORT", {"PORT": "9000"}) == 9000
    assert settings.value("PORT", {"PORT": "  "}) == 8501
    assert settings.value("UPLOADS", {}, default=False) is False
    assert settings.value("UPLOADS", {"HIKIKOMORI_UPLOADS": "on"}, default=False) is True
    assert settings.value("PUBLIC_BASE_URL", {"HIKIKOMORI_PUBLIC_URL": "https://x.example"}) == "https://x.example/"
    with pytest.raises(ValueError, match="HIKIKOMORI_PUBLIC_URL"):
        settings.value("PUBLIC_BASE_URL", {"HIKIKOMORI_PUBLIC_URL": "ftp://x.example"})


def test_only_settings_reads_the_projects_environment_variables():
    outside = ("tests", "benchmarks", ".venv", "node_modules")
    product = [p for p in ROOT.rglob("*.py") if p.parts[len(ROOT.parts)] not in outside]
    reads = re.compile(r"os\.environ\.get|os\.getenv|os\.environ\[")
    assert {p.relative_to(ROOT).as_posix() for p in product if reads.search(p.read_text())} <= {"settings.py"}
