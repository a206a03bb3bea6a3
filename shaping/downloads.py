"""Downloads: the rows shown as CSV (with their sources and a citation line) and the whole data package as a zip."""

import io
import zipfile
from pathlib import Path

import pandas as pd

from core.model import LINE_COLUMN
from core.package import DESCRIPTOR_NAME, SCHEMA_PATH, descriptor, table_names
from i18n import translate
from shaping.words import app_title, phrase

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SOURCE_COLUMNS = ["producer", "producer_original", "title", "url", "accessed", "citation", "source_type"]


def neutralise_formula(value: object) -> object:
    """OWASP CSV-injection rule: text starting with = + - @ tab or CR gets a leading apostrophe; numbers untouched."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def rows_with_sources(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The rows shown, data columns first, then their source's citation columns (prefixed source_)."""
    data = rows.drop(columns=[c for c in rows.columns if c.startswith("_") or c == LINE_COLUMN], errors="ignore")
    cited = sources[["source_id", *SOURCE_COLUMNS]].rename(columns={c: f"source_{c}" for c in SOURCE_COLUMNS})
    cited["source_accessed"] = cited["source_accessed"].dt.strftime("%Y-%m-%d")
    return data.merge(cited, on="source_id", how="left")


def about_columns(title: str, url: str, version: str, kind: str = "figure") -> dict[str, str]:
    """What a downloaded table is, as columns every row repeats ('figure', 'figure_url', 'data_package_version'), so
    the file stands alone and its first line stays the header (a '# ' line before it was read as the header by pandas,
    R and chart tools)."""
    return {kind: title, f"{kind}_url": url, "data_package_version": version}


def rows_csv(rows: pd.DataFrame, sources: pd.DataFrame, about: dict[str, str]) -> bytes:
    """CSV bytes, header first: exactly the rows shown, their sources' citation columns, then `about` (about_columns)
    in every row; formulas neutralised."""
    table = rows_with_sources(rows, sources).assign(**about)
    text_columns = table.select_dtypes(include=["object", "string"]).columns
    for column in text_columns:
        table[column] = table[column].map(neutralise_formula)
    return table.to_csv(index=False, lineterminator="\n").encode("utf-8")


def package_readme(package: dict | None = None) -> str:
    """README for the zip of a package descriptor (default: the bundled one): what each table is and how to cite it,
    in the reader's language. The package's and each table's title and description are msgids of the catalogs
    (extracted from data/datapackage.json by i18n.extract); a text with no translation is shown in English."""
    package = package or descriptor()
    lines = [
        phrase("downloads.heading", title=translate(package["title"]), version=package["version"]),
        "",
        translate(package["description"]),
        "",
        phrase("downloads.tables"),
    ]
    for resource in package["resources"]:
        lines.append(
            phrase(
                "downloads.table",
                path=resource["path"],
                title=translate(resource["title"]),
                description=translate(resource["description"]),
            )
        )
    lines += [
        "",
        phrase("downloads.schema"),
        "",
        phrase("downloads.cite", project=app_title(), version=package["version"]),
        phrase("downloads.derived"),
    ]
    return "\n".join(lines) + "\n"


def package_zip(data_dir: Path) -> bytes:
    """The whole package: datapackage.json, every CSV as it is on disk, and a README."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DESCRIPTOR_NAME, SCHEMA_PATH.read_bytes())
        for name in table_names():
            path = Path(data_dir) / next(r["path"] for r in descriptor()["resources"] if r["name"] == name)
            if path.is_file():
                archive.writestr(path.name, path.read_bytes())
        changes = Path(data_dir) / "CHANGELOG.md"
        if changes.is_file():
            archive.writestr("CHANGELOG.md", changes.read_bytes())
        archive.writestr("README.txt", package_readme())
    return buffer.getvalue()


def table_csv(frame: pd.DataFrame, about: dict[str, str]) -> bytes:
    """Any table as CSV bytes, header first, `about` in every row, formulas neutralised, dates as YYYY-MM-DD."""
    table = frame.drop(columns=[c for c in frame.columns if c.startswith("_")], errors="ignore").assign(**about)
    for column in table.columns:
        if pd.api.types.is_datetime64_any_dtype(table[column]):
            table[column] = table[column].dt.strftime("%Y-%m-%d")
        elif table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].map(neutralise_formula)
    return table.to_csv(index=False, lineterminator="\n").encode("utf-8")
