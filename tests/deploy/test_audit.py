"""`make audit` (deploy/audit.py) says what it checked: pip-audit's "No known vulnerabilities found" with every package
skipped (its service unreachable: security probe 2026-12-07, row 1) is a failure, not a clean result."""

import json
import subprocess

import pytest

from deploy import audit

NOT_FOUND = "Dependency not found on PyPI and could not be audited"
SKIPPED = {
    "dependencies": [
        {"name": "streamlit", "skip_reason": f"{NOT_FOUND}: streamlit (1.67.0)"},
        {"name": "pandas", "skip_reason": f"{NOT_FOUND}: pandas (2.3.3)"},
    ],
    "fixes": [],
}
CLEAN = {"dependencies": [{"name": "streamlit", "version": "1.67.0", "vulns": []}], "fixes": []}
ADVISORY = {"id": "GHSA-xxxx", "fix_versions": []}
VULNERABLE = {"dependencies": [{"name": "jinja2", "version": "3.1.0", "vulns": [ADVISORY]}]}
NONE = {"info": 0, "low": 0, "moderate": 0, "high": 0, "critical": 0, "total": 0}
NPM_CLEAN = {"metadata": {"vulnerabilities": NONE, "dependencies": {"total": 2}}}


def runner(pip: dict | str, npm: dict | str = NPM_CLEAN, pip_code: int = 0):
    """A stand-in for subprocess.run answering pip-audit and npm audit as given (a str is raw output)."""

    def run(command: list[str]) -> subprocess.CompletedProcess:
        answer, code = (npm, 0) if "audit" in command and "--package-lock-only" in command else (pip, pip_code)
        text = answer if isinstance(answer, str) else json.dumps(answer)
        return subprocess.CompletedProcess(command, code, stdout=text, stderr="" if text else "Could not resolve host")

    return run


@pytest.fixture(autouse=True)
def npm_present(monkeypatch):
    monkeypatch.setattr(audit.shutil, "which", lambda name: "/usr/bin/npm")


def test_every_package_skipped_is_a_failure_naming_them(capsys):
    assert audit.main(["requirements.txt"], runner(SKIPPED)) == 1
    out, err = capsys.readouterr()
    assert "requirements.txt: 0 of 2 packages checked" in out and "NOT CHECKED 2: streamlit, pandas" in out
    assert "Dependency not found on PyPI" in out and "audit FAILED" in err


def test_an_unreachable_service_is_a_failure(capsys):
    assert audit.main(["requirements.txt"], runner("", pip_code=1)) == 1
    assert "pip-audit gave no report (could not reach its service?): Could not resolve host" in capsys.readouterr().out


def test_npm_unreachable_is_a_failure(capsys):
    assert audit.main([], runner(CLEAN, npm="")) == 1
    assert "npm audit gave no report" in capsys.readouterr().out


def test_a_vulnerability_fails_and_a_full_check_passes(capsys):
    assert audit.main(["requirements.txt"], runner(VULNERABLE, pip_code=1)) == 1
    assert "VULNERABLE jinja2 3.1.0: GHSA-xxxx" in capsys.readouterr().out
    assert audit.main(["requirements.txt", "requirements-dev.txt"], runner(CLEAN)) == 0
    assert "every package checked" in capsys.readouterr().out


def test_pip_audit_is_pinned_for_make_audit():
    from tests.conftest import ROOT

    assert "pip-audit==2.10.1" in (ROOT / "requirements-dev.txt").read_text().splitlines()
    assert "audit:" in (ROOT / "Makefile").read_text()
