"""`make audit`: pip-audit on the requirements files and npm audit on package-lock.json, failing unless every
package was actually checked. pip-audit prints "No known vulnerabilities found" and exits 0 even when it skipped
every package (its service unreachable, as on a machine without network access): here a skip is a failure.

    .venv/bin/python -m deploy.audit [requirements.txt requirements-dev.txt] [--lock package-lock.json]
"""

import argparse
import json
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import settings
from core.problems import counted

ROOT = Path(__file__).resolve().parent.parent
Runner = Callable[[list[str]], subprocess.CompletedProcess]


def run(command: list[str]) -> subprocess.CompletedProcess:
    """Run a command and capture its output (the default runner; tests pass their own)."""
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def pip_audit_command() -> list[str]:
    """pip-audit as $PIP_AUDIT names it, else this Python's (requirements-dev.txt pins it)."""
    given = settings.value("PIP_AUDIT")
    return shlex.split(given) if given else [sys.executable, "-m", "pip_audit"]


def pip_verdict(requirements: str, runner: Runner = run) -> tuple[bool, list[str]]:
    """Audit one requirements file: (clean, lines to print). Clean only when every package was checked."""
    done = runner([*pip_audit_command(), "-r", requirements, "--format", "json", "--progress-spinner", "off"])
    try:
        report = json.loads(done.stdout)
        packages = report["dependencies"]
    except (json.JSONDecodeError, KeyError, TypeError):
        why = (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        return False, [f"{requirements}: pip-audit gave no report (could not reach its service?): {why[0][:300]}"]
    skipped = [p for p in packages if p.get("skip_reason")]
    vulnerable = [p for p in packages if p.get("vulns")]
    lines = [f"{requirements}: {len(packages) - len(skipped)} of {counted(len(packages), 'package')} checked"]
    for package in vulnerable:
        ids = ", ".join(v.get("id", "?") for v in package["vulns"])
        lines.append(f"  VULNERABLE {package['name']} {package.get('version', '')}: {ids}")
    if skipped:
        reasons = sorted({p["skip_reason"].split(":")[0] for p in skipped})
        names = ", ".join(p["name"] for p in skipped[:10]) + (" …" if len(skipped) > 10 else "")
        lines.append(f"  NOT CHECKED {len(skipped)}: {names}")
        lines += [f"    reason: {reason[:200]}" for reason in reasons[:3]]
    clean = bool(packages) and not skipped and not vulnerable and done.returncode == 0
    return clean, lines


def npm_verdict(lock: str, runner: Runner = run) -> tuple[bool, list[str]]:
    """npm audit of the lockfile (devDependencies too: make site ships plotly.js): (clean, lines to print)."""
    npm = shutil.which("npm")
    if npm is None:
        return False, [f"{lock}: npm not found, so it was not audited (install Node.js)"]
    done = runner([npm, "audit", "--package-lock-only", "--json"])
    try:
        report = json.loads(done.stdout)
        counts = report["metadata"]["vulnerabilities"]
    except (json.JSONDecodeError, KeyError, TypeError):
        said = [
            line for line in (done.stderr or done.stdout).splitlines() if line.strip() and "complete log" not in line
        ]
        why = said[:1] or [f"exit {done.returncode}"]
        return False, [f"{lock}: npm audit gave no report (could not reach the registry?): {why[0][:300]}"]
    found = {level: n for level, n in counts.items() if level != "total" and n}
    if found:
        return False, [f"{lock}: VULNERABLE " + ", ".join(f"{n} {level}" for level, n in found.items())]
    total = report["metadata"].get("dependencies", {}).get("total", "?")
    return True, [f"{lock}: {total} packages checked, none vulnerable"]


def main(argv: list[str] | None = None, runner: Runner = run) -> int:
    """Audit everything; exit 0 only when every package was checked and none is vulnerable."""
    parser = argparse.ArgumentParser(prog="python -m deploy.audit", description=__doc__.split("\n\n")[0])
    parser.add_argument("requirements", nargs="*", default=["requirements.txt", "requirements-dev.txt"])
    parser.add_argument("--lock", default="package-lock.json", help="npm lockfile ('' to skip npm)")
    args = parser.parse_args(argv)
    verdicts = [pip_verdict(r, runner) for r in args.requirements]
    if args.lock:
        verdicts.append(npm_verdict(args.lock, runner))
    for _, lines in verdicts:
        print("\n".join(lines))
    if all(clean for clean, _ in verdicts):
        print("audit: every package checked, no known vulnerability.")
        return 0
    print("audit FAILED: a package is vulnerable or was NOT checked (a skip is not a clean result).", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
