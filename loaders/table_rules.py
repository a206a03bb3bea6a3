"""Our own checks of one table, apart from frictionless's: its typed frame, the cell rules and the cross-column rules."""

from dataclasses import dataclass

import pandas as pd

from loaders.cell_rules import cell_problems
from loaders.frames import read_records, to_frame
from loaders.problems import Problem
from loaders.rules import rule_problems


@dataclass(frozen=True)
class TableRules:
    """One readable table's typed frame, its cell problems and its cross-column rule problems (before the rules on lines
    with a schema problem are dropped: that needs frictionless's result, loaders.tables does it)."""

    frame: pd.DataFrame
    cells: list[Problem]
    rules: list[Problem]


def table_rules(name: str, text: str, shown_as: str) -> TableRules:
    """The typed frame and our own rules' problems for one readable table; needs no other table."""
    records = read_records(text)  # read once, for the typed frame and the cell rules
    frame = to_frame(name, text, records)
    return TableRules(frame, cell_problems(name, text, shown_as, records), rule_problems(name, frame, shown_as))
