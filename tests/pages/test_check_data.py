"""The maintainers' Check new data page: diff and both figures for a valid upload, problems with lines for an
invalid one, polite refusals, and data/ byte-for-byte unchanged in every case."""

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

import i18n
from core.package import MAX_FILE_BYTES
from tests.conftest import REAL_DATA, checksums


@pytest.fixture
def checker(run_page):
    def run(name: str, content: bytes, table: str | None = None):
        at = run_page("views/check_data.py")
        if table:
            at.selectbox(key="table").set_value(table)
        at.get("file_uploader")[0].set_value((name, content, "text/csv"))
        return at.run()

    return run


@pytest.fixture(autouse=True)
def data_unchanged():
    before = checksums(REAL_DATA)
    yield
    assert checksums(REAL_DATA) == before


def estimates_with_a_new_korean_round() -> bytes:
    lines = (REAL_DATA / "recluse_estimates.csv").read_text(encoding="utf-8").splitlines()
    korea = next(line for line in lines if line.startswith("kr-opm-2024,"))
    new_row = korea.replace("kr-opm-2024,", "kr-upload-test-only,", 1).replace(",5.2,", ",5.4,")
    changed = [line.replace("7919,", "7920,", 1) if line.startswith("jp-edogawa-2021,") else line for line in lines]
    return ("\n".join([*changed, new_row]) + "\n").encode("utf-8")


def evidence_for_the_upload() -> bytes:
    """Evidence as a maintainer would send it with that upload: a not_found row for the new round, and Edogawa's
    confirmed 7,919 marked as differing from the 7,920 typed in
    (the validator refuses a confirmed figure the row lacks)."""
    text = (REAL_DATA / "evidence.csv").read_text(encoding="utf-8")
    records = list(csv.reader(io.StringIO(text)))
    header = records[0]
    for record in records[1:]:
        if record[header.index("estimate_id")] == "jp-edogawa-2021" and record[header.index("stated_value")] == "7919":
            record[header.index("status")] = "differs"
            record[header.index("note")] = "Test upload: the row says 7,920."
    new = dict.fromkeys(header, "")
    new.update(
        evidence_id="ev-kr-upload-test-only-rate-pct",
        estimate_id="kr-upload-test-only",
        column="rate_pct",
        source_id="kr-opm-2024",
        checked="2026-11-30",
        status="not_found",
        note="Test upload: not looked for.",
    )
    records.append([new[h] for h in header])
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(records)
    return buffer.getvalue().encode("utf-8")


def upload_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_valid_upload_shows_diff_and_both_figures(checker):
    at = checker(
        "package.zip",
        upload_zip(
            {"recluse_estimates.csv": estimates_with_a_new_korean_round(), "evidence.csv": evidence_for_the_upload()}
        ),
    )
    assert not at.exception and not at.error
    assert "0 rows removed" in " ".join(m.value for m in at.markdown)
    assert "1 row added, 0 rows removed, 1 cell changed in 1 row." in [m.value for m in at.markdown]
    frames = [d.value for d in at.dataframe]
    added = next(f for f in frames if "estimate_id" in f.columns and "note" in f.columns)
    assert added["estimate_id"].tolist() == ["kr-upload-test-only"]
    changed = next(f for f in frames if list(f.columns) == ["estimate_id", "column", "old", "new"])
    assert changed.to_dict("records") == [
        {"estimate_id": "jp-edogawa-2021", "column": "value", "old": "7919", "new": "7920"}
    ]
    # Edogawa's changed count is a ward's (regional) row: drawn beside the national ones, on a chart of counts; the
    # new Korean round has only a rate, on a chart of rates: before and after each
    assert [c.key for c in at.get("plotly_chart")] == [
        f"check-estimates-{measure}-{when}-chart" for measure in ("count", "rate") for when in ("current", "candidate")
    ]
    titles = [s.value for s in at.subheader]
    assert any("(current)" in t for t in titles) and any("(candidate)" in t for t in titles)


def test_a_new_row_without_its_evidence_is_refused_with_its_line(checker):
    at = checker("recluse_estimates.csv", estimates_with_a_new_korean_round())
    assert not at.exception and at.error
    problems = at.dataframe[-1].value
    lines = (REAL_DATA / "recluse_estimates.csv").read_text(encoding="utf-8").count("\n") + 1
    missing = problems[problems["problem"].str.contains("has no evidence row")]
    assert missing[["line", "column"]].values.tolist() == [[lines, "estimate_id"]]
    assert missing.iloc[0]["problem"].startswith("'kr-upload-test-only' has no evidence row in evidence.csv")
    changed = problems[problems["file"].str.endswith("evidence.csv")]
    assert changed["problem"].str.contains("stated_value 7919 is not jp-edogawa-2021's value \\(7920\\)").any()


def test_invalid_upload_lists_problems_with_lines(checker):
    text = (REAL_DATA / "recluse_estimates.csv").read_text(encoding="utf-8").replace("696000,540000", "696000,900000")
    at = checker("mine.csv", text.encode())
    assert not at.exception
    assert at.error and "1 problem: fix it and upload again" in at.error[0].value
    problems = at.dataframe[-1].value
    first = problems.iloc[0]
    assert (first["line"], first["column"]) == (2, "value_low")
    assert "value_low 900000 is above value 696000" in first["problem"]
    assert first["file"].startswith("mine.csv")


def test_latin1_upload_is_refused_with_how_to_resave(checker):
    at = checker(
        "population.csv",
        (REAL_DATA / "population.csv").read_bytes().replace(b"Mid-year", "Mi\u00e9".encode("latin-1")),
        "population",
    )
    problems = at.dataframe[-1].value
    assert "re-save it as 'CSV UTF-8" in problems.iloc[0]["problem"]


def test_bom_and_crlf_are_accepted(checker):
    content = b"\xef\xbb\xbf" + (REAL_DATA / "claims.csv").read_bytes().replace(b"\n", b"\r\n")
    at = checker("claims.csv", content)
    assert at.success and "0 rows added, 0 rows removed, 0 cells changed in 0 rows." in [m.value for m in at.markdown]


def test_unrecognised_and_oversized_uploads_are_refused_politely(checker):
    at = checker("notes.csv", b"name,comment\nx,y\n")
    assert at.error and "Could not tell which table" in at.error[0].value
    big = b"source_id," + b"x" * (6 * 1024 * 1024)
    at = checker("big.csv", big)
    assert not at.exception and at.error and "the limit is 5 MB" in at.error[0].value


def test_zip_upload(checker):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in ("population.csv", "sources.csv"):
            archive.writestr(name, (REAL_DATA / name).read_bytes())
    at = checker("package.zip", buffer.getvalue())
    assert at.success and "population.csv, sources.csv" in at.success[0].value


def chart_texts(chart) -> str:
    """Everything a drawn chart writes (its spec as JSON text): row labels with their figures, axis titles."""
    return json.dumps(json.loads(chart.proto.spec))


def test_a_whole_package_zip_draws_each_changed_chart_once_with_a_rate_only_row_on_it(checker):
    """Estimates and sources redraw the same chart, and an unchanged table redraws none: one before and one after, as
    rates, because the new Korean round publishes a rate and no count (a chart of counts could not show it)."""
    unchanged = {name: (REAL_DATA / name).read_bytes() for name in ("sources.csv", "population.csv")}
    at = checker(
        "package.zip",
        upload_zip(
            {
                "recluse_estimates.csv": estimates_with_a_new_korean_round(),
                "evidence.csv": evidence_for_the_upload(),
                **unchanged,
            }
        ),
    )
    assert not at.exception and not at.error
    charts = {c.key: c for c in at.get("plotly_chart")}
    assert len(charts) == 4  # counts (Edogawa's ward) and rates (the rate-only round), each before and after
    before, after = charts["check-estimates-rate-current-chart"], charts["check-estimates-rate-candidate-chart"]
    assert "5.4%" in chart_texts(after) and "5.4%" not in chart_texts(before)
    assert "Share of the age band" in chart_texts(after)


def test_a_changed_ward_row_appears_in_the_preview_before_and_after(checker):
    """A regional row (Edogawa ward) is in no published national chart: the preview draws it anyway, with the old
    figure before and the new one after, so the one change an upload makes is never missing from the pictures."""
    lines = (REAL_DATA / "recluse_estimates.csv").read_text(encoding="utf-8").splitlines()
    ward = next(line for line in lines if line.startswith("jp-edogawa-2021,"))
    old_value = ward.split(",")[6]
    new_value = str(int(old_value) + 1)
    changed = [line.replace(f",{old_value},", f",{new_value},", 1) if line == ward else line for line in lines]
    records = list(csv.reader(io.StringIO((REAL_DATA / "evidence.csv").read_text(encoding="utf-8"))))
    header = records[0]
    for record in records[1:]:
        if (
            record[header.index("estimate_id")] == "jp-edogawa-2021"
            and record[header.index("stated_value")] == old_value
        ):
            record[header.index("status")] = "differs"
            record[header.index("note")] = "Test upload."
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(records)
    at = checker(
        "package.zip",
        upload_zip(
            {"recluse_estimates.csv": ("\n".join(changed) + "\n").encode(), "evidence.csv": buffer.getvalue().encode()}
        ),
    )
    assert not at.exception and not at.error
    before, after = at.get("plotly_chart")
    old, new = f"{int(old_value):,}", f"{int(new_value):,}"
    assert "Edogawa" in chart_texts(before) and "Edogawa" in chart_texts(after)
    assert old in chart_texts(before) and new not in chart_texts(before)
    assert new in chart_texts(after)


def test_the_upload_page_speaks_japanese_with_its_counts_in_japanese_plurals(run_page):
    """Every heading, caption and count of the page comes from the words files, in the reader's language."""
    at = run_page("views/check_data.py", lang="ja")
    at.get("file_uploader")[0].set_value(
        (
            "package.zip",
            upload_zip(
                {
                    "recluse_estimates.csv": estimates_with_a_new_korean_round(),
                    "evidence.csv": evidence_for_the_upload(),
                }
            ),
            "application/zip",
        )
    )
    at.run()
    assert not at.exception and not at.error
    ja = i18n.translator("ja")
    summary = ja.gettext("{added}, {removed}, {changed}.").format(
        added=ja.ngettext("{count} row added", "{count} rows added", 1).format(count=1),
        removed=ja.ngettext("{count} row removed", "{count} rows removed", 0).format(count=0),
        changed=ja.ngettext("{count} cell changed in {rows}", "{count} cells changed in {rows}", 1).format(
            count=1, rows=ja.ngettext("{count} row", "{count} rows", 1).format(count=1)
        ),
    )
    assert summary != "1 row added, 0 rows removed, 1 cell changed in 1 row."
    assert summary in [m.value for m in at.markdown]
    shown = [s.value for s in at.subheader] + [m.value for m in at.markdown] + [s.value for s in at.success]
    assert ja.gettext("Validation") in shown and ja.gettext("Validation") != "Validation"
    assert not any("(s)" in text for text in shown)


@pytest.mark.parametrize("lang", ["ja", "ko", "it"])
def test_the_uploader_s_streamlit_english_is_hidden_and_said_in_the_reader_s_words(run_page, lang):
    """Streamlit writes the uploader's 'Upload' and '5MB per file • CSV, ZIP' in English only, inside a Japanese page:
    a style scoped to the upload widget hides the instructions and gives its button the reader's word, and the page
    says the instructions beside it."""
    from ui.page import css_string

    at = run_page("views/check_data.py", lang=lang)
    assert not at.exception
    words = i18n.translator(lang)
    styles = [h.proto.body for h in at.get("html") if "stFileUploaderDropzoneInstructions" in h.proto.body]
    assert len(styles) == 1 and styles[0].startswith("<style>") and ".st-key-upload " in styles[0]
    assert f"content: {css_string(words.gettext('Choose a file'))}" in styles[0]
    how = "Drag the file onto the box above, or choose it with the button: one CSV or zip file of up to {limit} MB."
    limit = i18n.number(MAX_FILE_BYTES // (1024 * 1024), lang)
    assert words.gettext(how).format(limit=limit) in [c.value for c in at.caption]


def test_the_style_finds_the_uploader_streamlit_draws():
    """The style names the uploader's parts by the test ids Streamlit's own frontend gives them: a Streamlit that
    renamed one would show its English again, and this says so."""
    import streamlit

    from ui.page import uploader_in_reader_words

    frontend = "".join(
        p.read_text(encoding="utf-8", errors="ignore")
        for p in (Path(streamlit.__file__).parent / "static" / "static" / "js").glob("FileUploader*.js")
    )
    named = set(re.findall(r'data-testid="(\w+)"', uploader_in_reader_words("upload", "x")))
    assert named and all(
        f"`{testid}`" in frontend or f'"{testid}"' in frontend for testid in named - {"stMarkdownContainer"}
    )


def test_a_word_in_the_style_is_never_read_as_css_or_html():
    from ui.page import css_string

    assert css_string('ファイル "</style><script>') == '"ファイル \\22 \\3c \\2f style\\3e \\3c script\\3e "'
