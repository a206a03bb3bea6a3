"""File-level checks before row validation: size, encoding, delimiter, header, quotes and cell counts.

Frictionless reports these as label or encoding errors that name no column a maintainer would
recognise, so they are checked here first and stated plainly. A UTF-8 BOM and CRLF line endings
are accepted silently; anything that cannot be read safely is refused with how to re-save.
A table with a problem found here is not validated further: its cells cannot be told apart.
"""

import csv
import io
import re

from loaders.package import MAX_FILE_BYTES, RawFile, field_names, file_name
from loaders.problems import Problem

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
QUOTED_CELL = re.compile(r'"[^"]*(?:""[^"]*)*"')  # unrolled: no backtracking blow-up on a long cell
WELL_FORMED_RECORD = re.compile(r'(?:"[^"]*(?:""[^"]*)*"|[^,"\r\n]*)(?:,(?:"[^"]*(?:""[^"]*)*"|[^,"\r\n]*))*(?=\r\n|\n|\Z)')


def decode(raw: RawFile, shown_as: str) -> tuple[str | None, list[Problem]]:
    """The file's text (BOM removed, newlines as read), or None with the problem that stops it."""
    if raw.content is None:
        if raw.size < 0:
            return None, [Problem(shown_as, None, None, "file is missing")]
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return None, [Problem(shown_as, None, None, f"file is {raw.size / 1024 / 1024:.1f} MB, over the {limit} MB limit: is it the right file?")]
    data = raw.content
    while data.startswith(BOM):  # a tool that adds a BOM to text that has one leaves two
        data = data[len(BOM) :]
    for magic, what in NOT_TEXT.items():
        if data.startswith(magic):
            return None, [Problem(shown_as, None, None, f"file is {what}; open it in a spreadsheet and {RESAVE}")]
    if not data.strip():
        return None, [Problem(shown_as, None, None, "file is empty: it needs at least the header line")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = len(data[data.rfind(b"\n", 0, err.start) + 1 : err.start].decode("utf-8", errors="replace")) + 1  # as an editor counts
        byte = data[err.start]
        return None, [
            Problem(
                shown_as,
                line,
                None,
                f"not UTF-8: byte 0x{byte:02X} at line {line}, character {column} (the file looks like Latin-1, Windows-1252 or Shift-JIS); {RESAVE}",
            )
        ]
    if "\x00" in text:
        return None, [Problem(shown_as, None, None, f"file contains NUL bytes: it is not a text CSV (UTF-16, or a spreadsheet file renamed?); {RESAVE}")]
    if "\n" not in text and "\r" in text:
        return None, [Problem(shown_as, None, None, f"lines end with a carriage return only (Excel's 'CSV (Macintosh)' format); {RESAVE}")]
    return text, []


def _shown(name: str) -> str:
    """A column name with invisible characters written out, so 'unknown column' is never a riddle."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in name)


def _first_line(text: str) -> tuple[str, str]:
    """The first line as str.splitlines() gives it, and the text after its line break (without splitting the rest)."""
    brk = LINE_BREAK.search(text)
    return (text[: brk.start()], text[brk.end() :]) if brk else (text, "")


def check_header(name: str, text: str, shown_as: str) -> list[Problem]:
    """Problems with the header line (delimiter, missing, unknown, repeated or reordered columns), then
    with the rows' CSV structure (quotes that do not pair up, lines with the wrong number of cells)."""
    first, rest = _first_line(text)
    expected = field_names(name)
    header = next(csv.reader(io.StringIO(first)), [])
    if len(header) <= 1:
        for delim, word in ((";", "semicolons"), ("\t", "tabs")):
            if delim in first:
                return [Problem(shown_as, 1, None, f"columns are separated by {word}, not commas (a spreadsheet export?); {RESAVE}")]
    problems = []
    stripped = [h.strip() for h in header]
    for column in expected:
        if column not in stripped:
            problems.append(Problem(shown_as, 1, column, f"column '{column}' is missing from the header"))
    for position, column in enumerate(stripped, 1):
        if not column:
            problems.append(
                Problem(
                    shown_as,
                    1,
                    None,
                    f"column {position} of the header has no name (an empty spreadsheet column, or a comma at the end of every line?): delete that column",
                )
            )
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
        problems += [Problem(shown_as, 1, s, f"column name '{h}' has spaces around it: remove them") for h, s in zip(header, stripped, strict=True) if h != s]
    if not problems:
        problems += check_structure(text, stripped, shown_as)
    if not problems and not rest.strip():  # no line after the header has a character that is not white space
        problems.append(Problem(shown_as, None, None, "file has a header but no data rows"))
    return problems


def _snippet(text: str, start: int) -> str:
    following = text[start : start + 20].split("\n")[0].replace("\r", "")
    return following + ("..." if len(following) == 20 else "")


def _plain_line(text: str, start: int) -> tuple[int, int, int, int] | None:
    """(end of its cells, start of the next line, its cells, 0 newlines inside cells) of the line starting at start,
    when it holds no quote and no lone carriage return (the line's CRLF, if any, is its end); None for a line that
    must be read otherwise."""
    newline = text.find("\n", start)
    stop = len(text) if newline < 0 else newline
    if text.find('"', start, stop) >= 0:
        return None
    carriage = text.find("\r", start, stop)
    if carriage >= 0 and not (carriage == stop - 1 and newline >= 0):
        return None
    end = stop if carriage < 0 else carriage
    return end, stop + 1, text.count(",", start, end) + 1, 0


def _quoted_record(text: str, start: int) -> tuple[int, int, int, int] | None:
    """(end of its cells, start of the next record, its cells, the newlines inside its quoted cells) of a record that
    holds quoted cells and is well formed: every quote opens a cell, closes it before a comma or the line end and is
    otherwise doubled, and the line ends in LF or CRLF (or the text ends). None for a record to read cell by cell."""
    match = WELL_FORMED_RECORD.match(text, start)
    if match is None:
        return None
    record = match.group()
    end, after = match.end(), 2 if text.startswith("\r\n", match.end()) else 1
    return end, end + after, QUOTED_CELL.sub("", record).count(",") + 1, record.count("\n")


def _cell_count_problem(shown_as: str, line: int, cells: int, width: int) -> Problem:
    """A line whose cell count is not the header's."""
    more = cells > width
    return Problem(
        shown_as,
        line,
        None,
        f"this line has {cells} cell{'s' if cells != 1 else ''} but the header has {width}: "
        + ("a comma inside a cell that is not in quotes (or a space before its opening quote)?" if more else "a cell or a comma is missing?"),
    )


def check_structure(text: str, header: list[str], shown_as: str) -> list[Problem]:
    """Quotes that do not pair up, lone carriage returns, and lines whose cell count differs from the
    header's. Reads cells the way the csv module does (a quote opens a cell only as its first character)
    but stops at the first quote problem, since every cell after it would be misread."""
    problems: list[Problem] = []
    width = len(header)
    line = start_line = 1
    start = i = 0
    cells = 1

    def column(cell: int) -> str | None:
        return header[cell - 1] if cell <= width else None

    while not (i >= len(text) and i == start):  # stop at the end, unless a line is unfinished
        # A line with no quote, or whose quotes all pair up, is counted in one step: its cells are the commas outside
        # quotes plus one. Anything else is read character by character below, to say what is wrong and where.
        whole = (_plain_line(text, i) or _quoted_record(text, i)) if i == start else None
        if whole is not None:
            end, i, cells, inside = whole
            if start_line > 1 and end > start and cells != width:
                problems.append(_cell_count_problem(shown_as, start_line, cells, width))
            line += inside + 1
            start, start_line, cells = i, line, 1
            continue
        if text.startswith('"', i):
            opened, i = line, i + 1
            while True:
                close = text.find('"', i)
                if close < 0:
                    return problems + [
                        Problem(
                            shown_as,
                            opened,
                            column(cells),
                            "a quote opens this cell and is never closed, so the rest of the file is read as one "
                            'cell: add the closing quote, or write a quote that is part of the text as two ("")',
                        )
                    ]
                line += text.count("\n", i, close)
                if text.startswith('""', close):
                    i = close + 2
                    continue
                i = close + 1
                break
            if i < len(text) and text[i] not in ",\r\n":
                where = "" if line == opened else f" on line {line}"
                return problems + [
                    Problem(
                        shown_as,
                        opened,
                        column(cells),
                        f"a quote opens this cell, but the next quote{where} is followed by '{_snippet(text, i)}', not a "
                        'comma: a stray quote? Quote the whole cell and write each quote inside it as two ("")',
                    )
                ]
        else:
            end = CELL_END.search(text, i)
            i = end.start() if end else len(text)
        if i < len(text) and text[i] == ",":
            cells, i = cells + 1, i + 1
            continue
        if text.startswith("\r", i) and not text.startswith("\r\n", i):
            return problems + [Problem(shown_as, line, None, f"this line contains a lone carriage return (old Mac line ending); {RESAVE}")]
        if start_line > 1 and text[start:i] and cells != width:
            problems.append(_cell_count_problem(shown_as, start_line, cells, width))
        i += 2 if text.startswith("\r\n", i) else 1
        line += 1
        start, start_line, cells = i, line, 1
    return problems


def record_lines(text: str) -> list[int]:
    """Line number (1-based) on which each CSV record starts; index 0 is the header."""
    lines = []
    reader = csv.reader(io.StringIO(text))
    start = 1
    try:
        for _ in reader:
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error:
        pass
    return lines
