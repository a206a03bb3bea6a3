"""The validator in one pass: each table decoded, read and checked (structure, schema, cells, rules), then the rules
between evidence and the rows it supports; every problem collected as a value."""

from pathlib import Path

import numpy as np
import pandas as pd

from core.model import CONCEPTS, EVIDENCE, GLOSSARY, LINE_COLUMN, PRODUCER_NAMES, producer_name_column
from core.package import RawFile, file_name, read_raw, resource, table_names
from core.package_check import PackageCheck, shown_path
from core.paths import data_dir as default_data_dir
from core.problems import Problem
from loaders.precheck import Records, decode, read_table
from loaders.rules import evidence_problems, rule_problems, translated_phrase_problems
from loaders.schema_check import cell_problems, schema_problems


def _numbers(values: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(values.where(values.ne("")), errors="coerce").astype("float64")
    return numbers.where(np.isfinite(numbers))


def _integers(values: pd.Series) -> pd.Series:
    numbers = _numbers(values)
    return numbers.where(numbers.eq(numbers.round())).astype("Int64")


TYPED = {  # a cell that does not parse becomes missing: validation reports it
    "integer": _integers,
    "number": _numbers,
    "boolean": lambda values: values.str.lower().map({"true": True, "false": False}).astype("boolean"),
    "date": lambda values: pd.to_datetime(values.where(values.ne("")), format="%Y-%m-%d", errors="coerce"),
}


def to_frame(name: str, records: Records) -> pd.DataFrame:
    """The table with schema dtypes (nullable integers, floats, booleans, dates) and each row's CSV line in _line."""
    raw = pd.DataFrame(records.rows, columns=records.header, dtype="string")  # read_table let only full rows through
    frame = pd.DataFrame(index=raw.index)
    for field in resource(name)["schema"]["fields"]:
        values = raw[field["name"]].fillna("").str.strip()
        typed = TYPED.get(field["type"], lambda values: values.where(values.ne("")).astype("string"))
        frame[field["name"]] = typed(values)
    frame[LINE_COLUMN] = pd.Series(records.lines, index=raw.index, dtype="int64")
    return frame


def _echo_of_a_broken_table(problem: Problem, flagged: dict[str, set[int]]) -> bool:
    """Evidence pointing at a row its table cannot read: that table's problem says why; pages without it still work."""
    references = {fk["fields"]: fk["reference"]["resource"] for fk in resource(EVIDENCE)["schema"]["foreignKeys"]}
    target = references.get(problem.column or "")
    return target is not None and bool(flagged.get(target)) and "is not a" in problem.message


def with_producer_names(sources: pd.DataFrame, names: pd.DataFrame) -> pd.DataFrame:
    """The sources with one internal column per language of producer_names.csv (producer_name_column): the name a
    page in that language gives each source's producer, missing where no row names it."""
    columns = {
        producer_name_column(lang): sources["producer"].map(rows.set_index("producer")["name"]).astype("string")
        for lang, rows in names.groupby("lang", sort=False)
    }
    return sources.assign(**columns)


def check_raw(raws: dict[str, RawFile], shown_as: dict[str, str], folder: Path) -> PackageCheck:
    """Validate raw file bytes (table name -> RawFile) as one package; the same rules whatever their origin."""
    problems: dict[str, list[Problem]] = {}
    texts, read = {}, {}  # each file decoded and its records read once, before any is checked (keys point anywhere)
    for name in table_names():
        texts[name], problems[name] = decode(raws[name], shown_as[name])
        if texts[name] is not None:
            read[name], problems[name] = read_table(name, texts[name], shown_as[name])
    frames, schema_lines = {}, {}
    for name, records in ((name, records) for name, records in read.items() if records):
        readable = {target: rows for target, rows in read.items() if rows and target != name}  # keys point into these
        schema = schema_problems(name, texts[name], shown_as[name], records, readable)
        schema_lines[name] = {p.line for p in schema if p.line}
        frames[name] = to_frame(name, records)
        # Cross-column rules read typed values, which a type or constraint error on the line makes unreliable
        # ('row has no figure' for a count typed as 'abc'): such lines get the schema's message only, until fixed.
        rules = [p for p in rule_problems(name, frames[name], shown_as[name]) if p.line not in schema_lines[name]]
        problems[name] += schema + cell_problems(name, records, shown_as[name]) + rules
    if CONCEPTS in frames and GLOSSARY in frames:  # the one rule between concepts.csv and glossary.csv
        problems[CONCEPTS] += translated_phrase_problems(frames[CONCEPTS], frames[GLOSSARY], shown_as[CONCEPTS])
    flagged = {name: {p.line for p in found if p.line} for name, found in problems.items()}
    for name, found in evidence_problems(frames, shown_as, schema_lines, flagged).items():
        problems[name] += found
    problems[EVIDENCE] = [p for p in problems[EVIDENCE] if not _echo_of_a_broken_table(p, flagged)]
    for name in table_names():
        problems[name] = sorted(set(problems[name]), key=lambda p: (p.line or 0, p.column or "", p.message))
    if "sources" in frames and PRODUCER_NAMES in frames and not problems[PRODUCER_NAMES]:
        frames["sources"] = with_producer_names(frames["sources"], frames[PRODUCER_NAMES])  # else: English names
    return PackageCheck(folder, frames, problems)


def check_package(data_dir: Path | str | None = None) -> PackageCheck:
    """Read and validate every table in a data folder (default: data/ or $HIKIKOMORI_DATA_DIR). Never writes."""
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    shown_as = {name: shown_path(folder / file_name(name)) for name in table_names()}
    return check_raw(read_raw(folder), shown_as, folder)
