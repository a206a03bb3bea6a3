"""The outcome of checking a data folder, as a plain value: what the pages read, with no validator behind it."""

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from core.package import table_names
from core.problems import DataError, Problem


@dataclass(frozen=True)
class PackageCheck:
    """The outcome of reading a data folder: typed frames and the problems of each table."""

    data_dir: Path
    frames: dict[str, pd.DataFrame]
    problems: dict[str, list[Problem]] = field(default_factory=dict)
    # The data files' content hash (core.package.fingerprint) when the check came from loaders.cache: what keys the
    # figures shared by every session (ui/shared.py). None for a check made otherwise (a candidate upload, a test).
    content_hash: str | None = None

    def all_problems(self) -> list[Problem]:
        """Every problem, table by table in package order."""
        return [p for name in table_names() for p in self.problems.get(name, [])]

    def table(self, name: str) -> pd.DataFrame:
        """The validated table, or DataError with its problems."""
        if self.problems.get(name):
            raise DataError(self.problems[name])
        return self.frames[name]


def shown_path(path: Path) -> str:
    """The path as a maintainer would type it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative
