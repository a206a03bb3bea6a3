"""File-level checks before row validation: size, encoding, delimiter, header, quotes and cell counts.

Frictionless reports these as label or encoding errors that name no column a maintainer would recognise, so they are
checked here first and stated plainly. A UTF-8 BOM and CRLF line endings are accepted silently; anything that cannot be
read safely is refused with how to re-save. A table with a problem found here is not validated further: its cells
cannot be told apart. The records read here are the ones every later step uses, so each file is parsed once by us.
"""

import csv
import io
import re
from dataclasses import dataclass

from core.package import MAX_FILE_BYTES, RawFile, field_names, file_name
from core.problems import Problem

BOM = b"\xef\xbb\xbf"
RESAVE = "re-save it as 'CSV UTF-8 (comma delimited)'"
# Files that are not text at all, by their first bytes.
NOT_TEXT = {
    b"PK\x03\x04": "an Excel workbook (.xlsx) or zip file, not a CSV",
    b"\xd0\xcf\x11\xe0": "an old Excel workbook (.xls), not a CSV",
    b"\xff\xfe": "UTF-16 text (Excel's 'Unicode Text'), not UTF-8",
    b"\xfe\xff": "UTF-16 text (Excel's 'Unicode Text'), not UTF-8",
}
CELL_END = re.compile(r"[,\r\n]")
LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # where str.splitlines() splits
LONE_CR = re.compile(r"\r(?!\n)")
QUOTED_CELL = re.compile(r'"[^"]*(?:""[^"]*)*("?)')  # unrolled (no backtracking blow-up); group 1 empty: never closed
NEVER_CLOSED = (
    "a quote opens this cell and is never closed, so the rest of the file is read as one cell: add the closing quote, "
    'or write a quote that is part of the text as two ("")'
)


# A cell may be as long as a file may be (the schema's maxLength then names it); never lowers a limit set elsewhere.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))


@dataclass(frozen=True)
class Records:
    """A readable table as the csv module reads it: the header's names, the data records and the line each starts on,
    and the first line of every record, blank ones and the header (index 0) too, as frictionless numbers rows."""

    header: list[str]
    rows: list[list[str]]
    lines: list[int]
    starts: list[int]


def decode(raw: RawFile, shown_as: str) -> tuple[str | None, list[Problem]]:
    """The file's text (BOM removed, newlines as read), or None with the problem that stops it."""

    def refused(message: str, line: int | None = None) -> tuple[None, list[Problem]]:
        return None, [Problem(shown_as, line, None, message)]

    if raw.content is None:
        if raw.size < 0:
            return refused("file is missing")
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return refused(f"file is {raw.size / 1024 / 1024:.1f} MB, over the {limit} MB limit: is it the right file?")
    data = raw.content
    while data.startswith(BOM):  # a tool that adds a BOM to text that has one leaves two
        data = data[len(BOM) :]
    for magic, what in NOT_TEXT.items():
        if data.startswith(magic):
            return refused(f"file is {what}; open it in a spreadsheet and {RESAVE}")
    if not data.strip():
        return refused("file is empty: it needs at least the header line")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        before = data[data.rfind(b"\n", 0, err.start) + 1 : err.start]
        column = len(before.decode("utf-8", errors="replace")) + 1  # as an editor counts
        looks = "the file looks like Latin-1, Windows-1252 or Shift-JIS"
        return refused(
            f"not UTF-8: byte 0x{data[err.start]:02X} at line {line}, character {column} ({looks}); {RESAVE}", line
        )
    if "\x00" in text:
        return refused(
            f"file contains NUL bytes: it is not a text CSV (UTF-16, or a spreadsheet file renamed?); {RESAVE}"
        )
    if "\n" not in text and "\r" in text:
        return refused(f"lines end with a carriage return only (Excel's 'CSV (Macintosh)' format); {RESAVE}")
    return text, []


def _shown(name: str) -> str:
    """A column name with invisible characters written out, so 'unknown column' is never a riddle."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in name)


def header_problems(name: str, first: str, shown_as: str) -> list[Problem]:
    """Problems with the header line: delimiter, missing, unknown, repeated or reordered columns, spaces around names."""
    expected = field_names(name)
    header = next(csv.reader(io.StringIO(first)), [])
    if len(header) <= 1:
        for delim, word in ((";", "semicolons"), ("\t", "tabs")):
            if delim in first:
                message = f"columns are separated by {word}, not commas (a spreadsheet export?); {RESAVE}"
                return [Problem(shown_as, 1, None, message)]
    problems = []
    stripped = [h.strip() for h in header]
    for column in expected:
        if column not in stripped:
            problems.append(Problem(shown_as, 1, column, f"column '{column}' is missing from the header"))
    for position, column in enumerate(stripped, 1):
        if not column:
            message = f"column {position} of the header has no name (an empty spreadsheet column, or a comma at the end of every line?): delete that column"
            problems.append(Problem(shown_as, 1, None, message))
        elif column not in expected:
            near = [c for c in expected if c.lower() == column.lower().replace(" ", "_")]
            hint = (
                f"did you mean '{near[0]}'? Column names are lowercase, with underscores"
                if near
                else f"{file_name(name)} has the columns {', '.join(expected)}"
            )
            problems.append(Problem(shown_as, 1, column, f"unknown column '{_shown(column)}': {hint}"))
    for column in sorted({c for c in stripped if stripped.count(c) > 1 and c}):
        problems.append(Problem(shown_as, 1, column, f"column '{column}' appears more than once in the header"))
    if not problems and stripped != expected:
        problems.append(Problem(shown_as, 1, None, "columns are in the wrong order: expected " + ", ".join(expected)))
    if not problems:
        spaced = [(h, s) for h, s in zip(header, stripped, strict=True) if h != s]
        problems += [Problem(shown_as, 1, s, f"column name '{h}' has spaces around it: remove them") for h, s in spaced]
    return problems


def read_table(name: str, text: str, shown_as: str) -> tuple[Records | None, list[Problem]]:
    """The table's records, or None with the problems of its header or its CSV structure (quotes that do not pair up,
    lines with the wrong number of cells) that stop it being read further."""
    first, rest = (LINE_BREAK.split(text, maxsplit=1) + [""])[:2]  # the header line, as str.splitlines() ends it
    problems = header_problems(name, first, shown_as)
    if problems:
        return None, problems
    records, problems = read_rows(text, field_names(name), shown_as)
    if not problems and not rest.strip():  # no line after the header has a character that is not white space
        problems.append(Problem(shown_as, None, None, "file has a header but no data rows"))
    return (None, problems) if problems else (records, [])


def _snippet(text: str, start: int) -> str:
    following = text[start : start + 20].split("\n")[0].replace("\r", "")
    return following + ("..." if len(following) == 20 else "")


def _cell_count_problem(shown_as: str, line: int, cells: int, width: int) -> Problem:
    """A line whose cell count is not the header's."""
    hint = (
        "a comma inside a cell that is not in quotes (or a space before its opening quote)?"
        if cells > width
        else "a cell or a comma is missing?"
    )
    return Problem(
        shown_as,
        line,
        None,
        f"this line has {cells} cell{'s' if cells != 1 else ''} but the header has {width}: {hint}",
    )


def _record_problem(text: str, line: int, header: list[str], shown_as: str) -> Problem | None:
    """Why the csv module refused the record at the start of text (on the given line), in a maintainer's words: a quote
    never closed, text after a closing quote, or a lone carriage return. Cells are read as the csv module reads them:
    a quote opens a cell only as its first character. None when the record has none of these problems."""
    i, cell = 0, 0
    while True:
        column = header[cell] if cell < len(header) else None
        if text.startswith('"', i):
            quoted = QUOTED_CELL.match(text, i)
            opened = line + text.count("\n", 0, i)
            if not quoted.group(1):
                return Problem(shown_as, opened, column, NEVER_CLOSED)
            i = quoted.end()
            if i < len(text) and text[i] not in ",\r\n":
                closed = line + text.count("\n", 0, i)
                where = "" if closed == opened else f" on line {closed}"
                message = (
                    f"a quote opens this cell, but the next quote{where} is followed by '{_snippet(text, i)}', not a "
                    'comma: a stray quote? Quote the whole cell and write each quote inside it as two ("")'
                )
                return Problem(shown_as, opened, column, message)
        else:
            i = CELL_END.search(text, i).start() if CELL_END.search(text, i) else len(text)
        if text.startswith(",", i):
            i, cell = i + 1, cell + 1
        elif text.startswith("\r", i) and not text.startswith("\r\n", i):
            where = line + text.count("\n", 0, i)
            return Problem(
                shown_as, where, None, f"this line contains a lone carriage return (old Mac line ending); {RESAVE}"
            )
        else:
            return None


def read_rows(text: str, header: list[str], shown_as: str) -> tuple[Records, list[Problem]]:
    """The records after the header and the structure problems: lines whose cell count is not the header's, then the
    first quote or line-ending problem (every cell after it would be misread, so reading stops there). Blank lines
    give no data record: frictionless reports them."""
    chunks = io.StringIO(text, newline="\n")  # lines end at LF only: a lone CR inside a line is the csv module's error
    reader = csv.reader(chunks, strict=True)
    records, problems, start, offset = Records(header, [], [], []), [], 1, 0
    try:
        for record in reader:
            end = chunks.tell()
            if LONE_CR.search(text, offset, end) and (
                problem := _record_problem(text[offset:end], start, header, shown_as)
            ):
                return records, problems + [problem]  # a CR the csv module took for a line end
            if record and records.starts:
                records.rows.append(record)
                records.lines.append(start)
                if len(record) != len(header):
                    problems.append(_cell_count_problem(shown_as, start, len(record), len(header)))
            records.starts.append(start)
            start, offset = reader.line_num + 1, end
    except csv.Error as error:
        problem = _record_problem(text[offset:], start, header, shown_as)
        return records, problems + [problem or Problem(shown_as, start, None, f"cannot be read as CSV: {error}")]
    return records, problems
