"""Checking uploaded CSVs (or a zip of the package) against the current data, in memory only."""

import csv
import io
import lzma
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from core.package import MAX_FILE_BYTES, RawFile, field_names, file_name, read_raw, table_names
from core.package_check import PackageCheck, shown_path
from core.problems import Problem
from loaders.precheck import BOM
from loaders.tables import check_raw

MAX_ZIP_BYTES = MAX_FILE_BYTES * 2
# What a broken or hostile zip entry raises while opened or inflated (bad CRC, truncated data, unknown method...).
ARCHIVE_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, RuntimeError, ValueError)


def recognise_table(content: bytes) -> str | None:
    """The table whose columns the first line names (at least half of them); None when none fits."""
    first = content.removeprefix(BOM)
    line = first.split(b"\n", 1)[0].decode("utf-8", errors="replace").strip("\r")
    header = {h.strip() for h in next(csv.reader(io.StringIO(line)), [])}
    overlap = {name: len(header & set(field_names(name))) / len(field_names(name)) for name in table_names()}
    best = max(overlap, key=overlap.get)
    return best if overlap[best] >= 0.5 else None


def unzip_package(content: bytes, upload_name: str) -> tuple[dict[str, bytes], list[Problem]]:
    """The package's CSVs from a zip (by file name, any folder); unknown, oversized or unsafe entries refused."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except ARCHIVE_ERRORS:
        return {}, [Problem(upload_name, None, None, "not a zip file: upload a .csv, or a .zip of the data package")]
    known = {file_name(name): name for name in table_names()}
    found, problems, total = {}, [], 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        base = PurePosixPath(info.filename).name
        if base == "datapackage.json" or base.startswith(".") or base.lower().startswith("readme"):
            continue
        if base not in known:
            problems.append(Problem(upload_name, None, None, f"ignored '{base[:80]}': not a file of this data package"))
            continue
        body, refused = bounded_entry(archive, info, upload_name, base, MAX_ZIP_BYTES - total)
        if refused:
            problems.append(refused)
        else:
            found[known[base]], total = body, total + len(body)
    if not found:
        problems.append(Problem(upload_name, None, None, "the zip holds none of the package's CSV files"))
    return found, problems


def bounded_entry(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, upload: str, base: str, room: int
) -> tuple[bytes, Problem | None]:
    """One entry, inflated to at most MAX_FILE_BYTES + 1 bytes whatever its header declares (a zip bomb's may lie)."""
    if info.file_size > min(MAX_FILE_BYTES, room):
        return b"", Problem(upload, None, None, f"'{base}' is too large once unzipped ({info.file_size:,} bytes)")
    try:
        with archive.open(info) as entry:
            body = entry.read(MAX_FILE_BYTES + 1)
    except ARCHIVE_ERRORS as error:
        why = f"'{base}' could not be unzipped ({type(error).__name__}: {str(error)[:200]})"
        return b"", Problem(upload, None, None, why)
    if len(body) != info.file_size:
        why = f"'{base}' unzips to another size than its zip header says ({info.file_size:,} bytes)"
        return b"", Problem(upload, None, None, why)
    return body, None


def check_candidate(
    data_dir: Path, uploads: dict[str, bytes], shown_as_upload: dict[str, str] | None = None
) -> PackageCheck:
    """The data folder with the uploads in place of its files, validated as loaders.validate would; writes nothing."""
    raws = read_raw(data_dir)
    shown_as = {name: shown_path(Path(data_dir) / file_name(name)) for name in table_names()}
    for name, content in uploads.items():
        readable = content if len(content) <= MAX_FILE_BYTES else None
        raws[name] = RawFile(name, Path(file_name(name)), readable, len(content))
        shown_as[name] = (shown_as_upload or {}).get(name, f"upload:{file_name(name)}")
    return check_raw(raws, shown_as, Path(data_dir))


def normalised(content: bytes) -> bytes:
    """The upload as the project stores CSVs: UTF-8 without BOM, LF line endings (cells untouched)."""
    text = content.removeprefix(BOM).decode("utf-8")
    return text.replace("\r\n", "\n").encode("utf-8")
