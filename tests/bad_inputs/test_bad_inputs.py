"""Bad data and hostile input never break the dashboard (the cases are in tests/bad_inputs/cases.py).

For every case, `python -m loaders.validate DIR` (its main(), in process) names the file, line and column and
exits 1 (0 for accepted input) with no traceback, and no file in the folder changes. For one case of each kind
(and one accepted case), the pages run too: a page using the broken table shows the error box naming the
problem, and a page not using it runs clean. Two AppTest page runs cost far more than a validation, and the
page side does not depend on which rule found the problem.
"""

import re
import shutil
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from core.model import VOCABULARY
from core.package import table_names
from core.paths import ENV_VAR
from loaders.tables import check_package
from loaders.validate import main
from tests.bad_inputs.cases import CASES, Case, one_of_each_kind
from tests.conftest import REAL_DATA, ROOT, checksums

# Cheapest first: a case runs the first page that uses its table and the first page that does not.
PAGE_ORDER = ["overview", "sources", "health", "homelessness", "compare", "japan", "claims"]
# load_tables also refuses a page when the vocabulary (concepts.csv, labels.csv) has problems: every card reads it.
PAGE_TABLES = {
    page: set(
        re.findall(
            r'"(\w+)"', re.search(r"load_tables\(([^)]*)\)", (ROOT / "views" / f"{page}.py").read_text()).group(1)
        )
    )
    | set(VOCABULARY)
    for page in PAGE_ORDER
}


PAGE_CASES = one_of_each_kind()


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


def broken_copy(case: Case, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(REAL_DATA, folder)
    case.mutate(folder)
    return folder


def test_corpus_is_large_and_covers_every_table():
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)
    assert {c.table for c in CASES} == set(table_names())
    assert PAGE_TABLES["claims"] >= {"claims", "claim_evidence", "sources"}  # the page map is read from views/*.py
    assert pages_for("population") == ("views/homelessness.py", "views/overview.py")


def test_every_case_has_a_kind_and_each_kind_gets_a_page_check():
    assert all(c.kind for c in CASES)
    kinds = {c.kind for c in CASES}
    assert {c.kind for c in PAGE_CASES if c.words is not None} == kinds
    assert [c.words for c in PAGE_CASES].count(None) == 1
    assert len(PAGE_CASES) == len(kinds) + 1


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_validator_names_file_line_and_column(case, tmp_path, capsys):
    folder = broken_copy(case, tmp_path)
    before = checksums(folder)
    code = main([str(folder)])
    captured = capsys.readouterr()
    out, err = captured.out, captured.err
    # file:line: column: message, exit 1 (0 for accepted input), never a traceback
    assert "Traceback" not in out + err, err
    if case.words is None:
        assert code == 0 and out.startswith("OK: 8 tables"), out + err
        pd.testing.assert_frame_equal(check_package(folder).frames[case.table], real_frame(case.table))
    else:
        assert code == 1, out + err
        prefix = expected_prefix(case, folder)
        assert any(line.startswith(prefix) and case.words in line for line in out.splitlines()), (
            f"no line starts {prefix!r} and contains {case.words!r}:\n{out[:3000]}"
        )
    # nothing written
    assert checksums(folder) == before


@pytest.mark.apptest
@pytest.mark.parametrize("case", PAGE_CASES, ids=[f"{c.kind}: {c.name}" for c in PAGE_CASES])
def test_pages_show_the_error_box_only_where_the_table_is_used(case, tmp_path, monkeypatch, run_page):
    folder = broken_copy(case, tmp_path)
    before = checksums(folder)
    monkeypatch.setenv(ENV_VAR, str(folder))
    using, other = pages_for(case.table)
    at = run_page(using)
    assert not at.exception, at.exception
    if case.words is None:
        assert not at.error, [e.value for e in at.error]
    else:
        assert at.error and "cannot be shown" in at.error[0].value
        shown = at.dataframe[0].value
        match = shown[
            shown["file"].str.endswith(f"{case.table}.csv")
            & shown["problem"].str.contains(case.words, regex=False)
            & shown["column"].eq(case.column or "")
            & (shown["line"].isna() if case.line is None else shown["line"].eq(case.line))
        ]
        assert len(match), shown.to_string()
        assert "Traceback" not in " ".join([e.value for e in at.error] + shown["problem"].tolist())
    if other is not None:
        clean = run_page(other)
        assert not clean.exception and not clean.error, [e.value for e in clean.error]
    assert checksums(folder) == before
