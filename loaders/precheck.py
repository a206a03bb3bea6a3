"""File-level checks before row validation: size, encoding, delimiter, header.

Frictionless reports these as label or encoding errors that name no column a maintainer would
recognise, so they are checked here first and stated plainly. A UTF-8 BOM and CRLF line endings
are accepted silently; anything that cannot be read safely is refused with how to re-save.
"""
import csv
import io

from loaders.package import MAX_FILE_BYTES, RawFile, field_names, file_name
from loaders.problems import Problem

BOM = b"\xef\xbb\xbf"
RESAVE = "re-save it as 'CSV UTF-8 (comma delimited)'"


def decode(raw: RawFile, shown_as: str) -> tuple[str | None, list[Problem]]:
    """The file's text (BOM removed, newlines as read), or None with the problem that stops it."""
    if raw.content is None:
        if raw.size < 0:
            return None, [Problem(shown_as, None, None, "file is missing")]
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return None, [Problem(shown_as, None, None, f"file is {raw.size / 1024 / 1024:.1f} MB, over the {limit} MB limit: is it the right file?")]
    data = raw.content[len(BOM):] if raw.content.startswith(BOM) else raw.content
    if not data.strip():
        return None, [Problem(shown_as, None, None, "file is empty: it needs at least the header line")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        byte = data[err.start]
        return None, [Problem(shown_as, line, None,
                              f"not UTF-8: byte 0x{byte:02X} at line {line}, character {column} "
                              f"(the file looks like Latin-1, Windows-1252 or Shift-JIS); {RESAVE}")]
    if "\x00" in text:
        return None, [Problem(shown_as, None, None, f"file contains NUL bytes: it is not a text CSV; {RESAVE}")]
    return text, []


def check_header(name: str, text: str, shown_as: str) -> list[Problem]:
    """Problems with the header line: delimiter, missing, unknown, repeated or reordered columns."""
    first = text.splitlines()[0] if text.splitlines() else ""
    expected = field_names(name)
    header = next(csv.reader(io.StringIO(first)), [])
    if len(header) <= 1:
        for delim, word in ((";", "semicolons"), ("\t", "tabs")):
            if delim in first:
                return [Problem(shown_as, 1, None,
                                f"columns are separated by {word}, not commas (a spreadsheet export?); {RESAVE}")]
    problems = []
    stripped = [h.strip() for h in header]
    for column in expected:
        if column not in stripped:
            problems.append(Problem(shown_as, 1, column, f"column '{column}' is missing from the header"))
    for column in stripped:
        if column not in expected:
            problems.append(Problem(shown_as, 1, column or None,
                                    f"unknown column '{column}': {file_name(name)} has the columns {', '.join(expected)}"))
    for column in sorted({c for c in stripped if stripped.count(c) > 1}):
        problems.append(Problem(shown_as, 1, column, f"column '{column}' appears more than once in the header"))
    if not problems and stripped != expected:
        problems.append(Problem(shown_as, 1, None, "columns are in the wrong order: expected " + ", ".join(expected)))
    if not problems and header != stripped:
        problems.append(Problem(shown_as, 1, None, "a column name has spaces around it: remove them"))
    if not problems and len(text.splitlines()) < 2:
        problems.append(Problem(shown_as, None, None, "file has a header but no data rows"))
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
