"""Bad data and hostile input never break the dashboard (the cases are in tests/bad_inputs/cases.py).

For every case: `python -m loaders.validate DIR` names the file, line and column and exits 1 (0 for
accepted input) with no traceback; a page using the broken table shows the error box and a page not
using it runs clean; and no file in the folder changes. The command runs in a subprocess while the
pages run here, so each case costs about one validation of wall time.
"""
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from loaders.package import table_names
from loaders.paths import ENV_VAR
from loaders.tables import check_package
from loaders.vocabulary_rules import VOCABULARY
from tests.bad_inputs.cases import CASES, Case
from tests.conftest import REAL_DATA, ROOT, checksums

# Cheapest first: a case runs the first page that uses its table and the first page that does not.
PAGE_ORDER = ["overview", "sources", "health", "homelessness", "compare", "japan", "claims"]
# load_tables also refuses a page when the vocabulary (concepts.csv, labels.csv) has problems: every card reads it.
PAGE_TABLES = {page: set(re.findall(r'"(\w+)"', re.search(r"load_tables\(([^)]*)\)", (ROOT / "views" / f"{page}.py").read_text()).group(1)))
               | set(VOCABULARY) for page in PAGE_ORDER}


def pages_for(table: str) -> tuple[str, str | None]:
    using = [p for p in PAGE_ORDER if table in PAGE_TABLES[p]]
    other = [p for p in PAGE_ORDER if table not in PAGE_TABLES[p]]
    return f"views/{using[0]}.py", (f"views/{other[0]}.py" if other else None)  # every page uses sources


@cache
def real_frame(table: str) -> pd.DataFrame:
    return check_package(REAL_DATA).frames[table]


def expected_prefix(case: Case, folder: Path) -> str:
    """The start of the validator's line: file:line: column: (line and column left out when None)."""
    where = str(folder / f"{case.table}.csv") + (f":{case.line}" if case.line is not None else "")
    return f"{where}: {case.column}: " if case.column else f"{where}: "


def test_corpus_is_large_and_covers_every_table():
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)
    assert {c.table for c in CASES} == set(table_names())
    assert PAGE_TABLES["claims"] >= {"claims", "claim_evidence", "sources"}  # the page map is read from views/*.py
    assert pages_for("population") == ("views/homelessness.py", "views/overview.py")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case, tmp_path, monkeypatch, run_page):
    folder = tmp_path / "data"
    shutil.copytree(REAL_DATA, folder)
    case.mutate(folder)
    before = checksums(folder)
    command = subprocess.Popen([sys.executable, "-m", "loaders.validate", str(folder)], cwd=ROOT, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        # 2. the app: an error box where the table is used, a clean page where it is not
        monkeypatch.setenv(ENV_VAR, str(folder))
        using, other = pages_for(case.table)
        at = run_page(using)
        assert not at.exception, at.exception
        if case.words is None:
            assert not at.error, [e.value for e in at.error]
            pd.testing.assert_frame_equal(check_package(folder).frames[case.table], real_frame(case.table))
        else:
            assert at.error and "cannot be shown" in at.error[0].value
            shown = at.dataframe[0].value
            match = shown[shown["file"].str.endswith(f"{case.table}.csv") & shown["problem"].str.contains(case.words, regex=False)
                          & shown["column"].eq(case.column or "") & (shown["line"].isna() if case.line is None else shown["line"].eq(case.line))]
            assert len(match), shown.to_string()
            assert "Traceback" not in " ".join([e.value for e in at.error] + shown["problem"].tolist())
        if other is not None:
            clean = run_page(other)
            assert not clean.exception and not clean.error, [e.value for e in clean.error]
    finally:
        out, err = command.communicate(timeout=300)
    # 1. the command: file:line: column: message, exit 1 (0 for accepted input), never a traceback
    assert "Traceback" not in out + err, err
    if case.words is None:
        assert command.returncode == 0 and out.startswith("OK: 8 tables"), out + err
    else:
        assert command.returncode == 1, out + err
        prefix = expected_prefix(case, folder)
        assert any(line.startswith(prefix) and case.words in line for line in out.splitlines()), \
            f"no line starts {prefix!r} and contains {case.words!r}:\n{out[:3000]}"
    # 3. nothing written
    assert checksums(folder) == before
