"""The per-table steps of checking a package: the header, frictionless's schema check and our own rules, table by table.

loaders.tables assembles the package's problems from them the same way whichever way they were run: here one table
after another, or in worker processes (loaders.parallel_check)."""

from dataclasses import dataclass

from loaders.precheck import check_header, record_lines
from loaders.problems import Problem
from loaders.schema_check import schema_problems
from loaders.table_rules import TableRules, table_rules


@dataclass(frozen=True)
class CheckSteps:
    """What each step found: header problems per decoded table; schema problems and our own rules per readable table
    (one whose header has no problem), both in the order of the texts."""

    headers: dict[str, list[Problem]]
    schema: dict[str, list[Problem]]
    own: dict[str, TableRules]


def readable(texts: dict[str, str], headers: dict[str, list[Problem]]) -> dict[str, str]:
    """The texts whose header has no problem: the tables whose cells can be told apart and so are checked further."""
    return {name: text for name, text in texts.items() if not headers[name]}


def serial_steps(texts: dict[str, str], shown_as: dict[str, str]) -> CheckSteps:
    """Every step for every table (name -> decoded text), in this process, one table after another."""
    headers = {name: check_header(name, text, shown_as[name]) for name, text in texts.items()}
    tables = readable(texts, headers)
    lines = {name: record_lines(text) for name, text in tables.items()}
    schema = schema_problems(tables, shown_as, lines)
    return CheckSteps(headers, schema, {name: table_rules(name, text, shown_as[name]) for name, text in tables.items()})
