"""Hostile and broken zips on the Check new data page's path (loaders/candidate.py): a zip bomb whose header lies
about its size is inflated only up to the size limit, and every archive error is a Problem naming the upload and
the entry, never an exception (security probe 2026-12-07, rows 4 and 5)."""

import io
import struct
import tracemalloc
import zipfile
import zlib

import pytest

from core.package import MAX_FILE_BYTES
from loaders.candidate import unzip_package
from tests.conftest import REAL_DATA

NAME = "population.csv"


def zipped(body: bytes, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A one-entry zip holding `body` as population.csv."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr(NAME, body)
    return buffer.getvalue()


def patched(content: bytes, local: int, central: int, fmt: str, value: int) -> bytes:
    """The zip with one field of its only entry rewritten, in the local header and the central directory alike."""
    data = bytearray(content)
    struct.pack_into(fmt, data, local, value)
    struct.pack_into(fmt, data, data.rindex(b"PK\x01\x02") + central, value)
    return bytes(data)


def lying_bomb(true_size: int, declared: bytes) -> bytes:
    """true_size bytes inflated from a small entry whose header declares len(declared) bytes and their CRC."""
    content = zipped(declared + b"\n" * (true_size - len(declared)))
    content = patched(content, 14, 16, "<I", zlib.crc32(declared))  # CRC-32
    content = patched(content, 22, 24, "<I", len(declared))  # uncompressed size
    return content


def peak_bytes(content: bytes) -> tuple[int, tuple[dict, list]]:
    """Peak memory Python allocated while unzipping, and what unzip_package returned."""
    tracemalloc.start()
    try:
        result = unzip_package(content, "bomb.zip")
        return tracemalloc.get_traced_memory()[1], result
    finally:
        tracemalloc.stop()


def test_a_bomb_whose_header_lies_is_inflated_only_up_to_the_limit():
    declared = (REAL_DATA / NAME).read_bytes()[:1000]
    bomb = lying_bomb(64 * 1024 * 1024, declared)
    assert len(bomb) < 200_000
    peak, (found, problems) = peak_bytes(bomb)
    # The old code inflated all 64 MB (CPython reads up to 1 GiB per call) before cutting it to the declared size.
    assert peak < 3 * MAX_FILE_BYTES, f"{peak:,} bytes allocated for a {len(bomb):,}-byte upload"
    assert found.get("population", b"") in (b"", declared)
    assert all(p.file == "bomb.zip" for p in problems)


def test_a_bomb_declaring_a_large_size_is_refused_with_its_name():
    content = lying_bomb(64 * 1024 * 1024, b"x" * 100)
    content = patched(content, 22, 24, "<I", MAX_FILE_BYTES)  # declares 5 MB, inflates to 64 MB: the CRC differs
    peak, (found, problems) = peak_bytes(content)
    assert peak < 3 * MAX_FILE_BYTES
    assert found == {}
    assert [p.file for p in problems] == ["bomb.zip", "bomb.zip"]
    assert problems[0].message.startswith(f"'{NAME}' could not be unzipped (BadZipFile: Bad CRC-32")


@pytest.mark.parametrize(
    ("case", "method", "local", "central", "value", "error"),
    [
        ("bad CRC", zipfile.ZIP_DEFLATED, 14, 16, 0x12345678, "BadZipFile: Bad CRC-32"),
        ("unknown method 99", zipfile.ZIP_DEFLATED, 8, 10, 99, "NotImplementedError"),
        ("deflate data called bzip2", zipfile.ZIP_DEFLATED, 8, 10, zipfile.ZIP_BZIP2, "OSError"),
        ("deflate data called lzma", zipfile.ZIP_DEFLATED, 8, 10, zipfile.ZIP_LZMA, ""),
        ("stored data called deflate", zipfile.ZIP_STORED, 8, 10, zipfile.ZIP_DEFLATED, "error"),
        ("encrypted flag", zipfile.ZIP_DEFLATED, 6, 8, 0x1, "RuntimeError"),
    ],
)
def test_every_broken_entry_is_a_problem_naming_the_upload_and_the_entry(case, method, local, central, value, error):
    field = "<H" if local in (6, 8) else "<I"  # flags and method are 2 bytes, the CRC 4
    content = patched(zipped((REAL_DATA / NAME).read_bytes(), method), local, central, field, value)
    found, problems = unzip_package(content, "broken.zip")
    assert found == {}, case
    assert problems[0].file == "broken.zip"
    assert problems[0].message.startswith(f"'{NAME}' could not be unzipped ("), problems[0].message
    assert error in problems[0].message, problems[0].message


def test_a_truncated_archive_is_not_a_zip():
    content = zipped((REAL_DATA / NAME).read_bytes())
    found, problems = unzip_package(content[: len(content) // 2], "cut.zip")
    assert found == {} and [p.file for p in problems] == ["cut.zip"]
    assert problems[0].message.startswith("not a zip file")


def test_a_sound_zip_is_still_read_whole():
    body = (REAL_DATA / NAME).read_bytes()
    found, problems = unzip_package(zipped(body), "ok.zip")
    assert found == {"population": body} and problems == []
