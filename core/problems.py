"""Problems in the data as values: file, line, column and a sentence a maintainer understands."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file; line counts the header as line 1 (None = whole file)."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        return f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


def counted(n: int, thing: str, things: str | None = None) -> str:
    """'1 problem', '3 problems': a count for the maintainers' commands, which speak English (never "problem(s)")."""
    return f"{n} {thing if n == 1 else things or thing + 's'}"


class DataError(Exception):
    """Raised when a table cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
