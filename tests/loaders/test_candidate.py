"""Uploads checked against the current package in memory: recognised, validated with the same rules, never written."""

import io
import zipfile

from loaders.candidate import check_candidate, normalised, recognise_table, unzip_package
from tests.conftest import REAL_DATA, checksums


def test_recognise_table_from_header():
    assert recognise_table((REAL_DATA / "population.csv").read_bytes()) == "population"
    assert recognise_table(b"\xef\xbb\xbf" + (REAL_DATA / "claims.csv").read_bytes()) == "claims"
    assert recognise_table(b"a,b,c\n1,2,3\n") is None


def test_candidate_uses_the_same_rules_and_names_the_upload(package):
    before = checksums(package)
    bad = (package / "population.csv").read_text().replace("336806231", "-1")
    check = check_candidate(package, {"population": bad.encode()}, {"population": "mine.csv"})
    assert [str(p) for p in check.all_problems()] == ["mine.csv:2: value: '-1' must be at least 1"]
    assert checksums(package) == before


def test_candidate_checks_references_across_tables(package):
    sources = (package / "sources.csv").read_text().splitlines()
    without_cao = "\n".join(line for line in sources if not line.startswith("jp-cao-2010,")) + "\n"
    check = check_candidate(package, {"sources": without_cao.encode()})
    # the estimates, the evidence and the fixture's glossary quotes all point at the removed source, and the fixture's
    # names of its producer (the Cabinet Office, which no other source has) at a producer sources.csv no longer has
    assert {p.file for p in check.all_problems()} == {
        str(package / "recluse_estimates.csv"),
        str(package / "evidence.csv"),
        str(package / "glossary.csv"),
        str(package / "producer_names.csv"),
    }
    assert any("'jp-cao-2010' is not a source_id in sources.csv" in p.message for p in check.all_problems())


def test_zip_of_the_package(package):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data/population.csv", (package / "population.csv").read_bytes())
        archive.writestr("data/datapackage.json", "{}")
        archive.writestr("notes.txt", "hello")
    found, problems = unzip_package(buffer.getvalue(), "pkg.zip")
    assert list(found) == ["population"]
    assert [p.message for p in problems] == ["ignored 'notes.txt': not a file of this data package"]
    assert unzip_package(b"not a zip", "x.zip")[1][0].message.startswith("not a zip file")


def test_normalised_strips_bom_and_crlf_only():
    assert normalised(b'\xef\xbb\xbfa,b\r\n1,"x, y"\r\n') == b'a,b\n1,"x, y"\n'
