"""The maintainers' command: output format, exit codes, and that it never changes a file."""

import subprocess
import sys

import pytest

from loaders.validate import main
from tests.conftest import ROOT, checksums, set_cell


def test_valid_folder_prints_summary_and_exits_0(package, capsys):
    assert main([str(package)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert out[0].startswith("OK: 8 tables, 16 rows, 4 sources")  # 5 of them evidence rows
    assert "and 3 producer names in" in out[0]  # the fixture's names, counted with the words, not the data rows


def test_problem_lines_are_file_line_column_message(package, capsys):
    set_cell(package, "recluse_estimates", 1, "value_low", "900000")
    assert main([str(package)]) == 1
    captured = capsys.readouterr()
    assert (
        captured.out.strip() == f"{package}/recluse_estimates.csv:2: value_low: value_low 900000 is above value 696000"
    )
    assert "1 problem in 1 file" in captured.err


@pytest.mark.slow  # a fresh Python process: seconds of imports
def test_file_level_problem_has_no_traceback(package):
    (package / "sources.csv").write_bytes("source_id\nCaf\u00e9\n".encode("latin-1"))
    before = checksums(package)
    done = subprocess.run(
        [sys.executable, "-m", "loaders.validate", str(package)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert f"{package}/sources.csv:2: not UTF-8: byte 0xE9 at line 2" in done.stdout
    assert checksums(package) == before


def test_env_var_selects_the_folder(package, monkeypatch, capsys):
    monkeypatch.setenv("HIKIKOMORI_DATA_DIR", str(package))
    set_cell(package, "population", 1, "value", "-3")
    assert main([]) == 1
    assert "population.csv:2: value: '-3' must be at least 1" in capsys.readouterr().out


def test_not_a_folder(tmp_path, capsys):
    assert main([str(tmp_path / "nope")]) == 2
