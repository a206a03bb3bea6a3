"""The layers import in one direction: display code (figures, shaping, ui, views, publish) reaches the validator only
through its entry points (loaders.tables, loaders.cache, loaders.candidate, loaders.release), never a rule module, and
core/ (the ground floor both stand on) imports neither."""

import ast

import pytest

from tests.conftest import ROOT

DISPLAY = ("figures", "shaping", "ui", "views", "publish")
ENTRY_POINTS = {"loaders.tables", "loaders.cache", "loaders.candidate", "loaders.release"}


def imported(path) -> set[str]:
    """Every module a file imports, at any depth (a function's lazy import counts too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return found


@pytest.mark.parametrize("package", DISPLAY)
def test_display_code_imports_no_rule_module(package):
    wrong = {
        (path.relative_to(ROOT).as_posix(), name)
        for path in (ROOT / package).rglob("*.py")
        for name in imported(path)
        if name.startswith("loaders.") and name.rsplit(".", 1)[0] not in ENTRY_POINTS and name not in ENTRY_POINTS
    }
    assert wrong == set()


def test_core_imports_neither_the_validator_nor_display_code():
    above = ("loaders", *DISPLAY)
    wrong = {
        (path.relative_to(ROOT).as_posix(), name)
        for path in (ROOT / "core").rglob("*.py")
        for name in imported(path)
        if name.split(".")[0] in above
    }
    assert wrong == set()
