"""One validated, typed DataFrame per table; every problem in the package collected as values."""

from pathlib import Path

import pandas as pd

from loaders import parallel_check
from loaders.check_steps import serial_steps
from loaders.evidence_rules import EVIDENCE, evidence_problems
from loaders.package import RawFile, file_name, read_raw, resource, table_names
from loaders.package_check import PackageCheck, shown_path
from loaders.parallel_check import line_count, parallel_steps
from loaders.paths import data_dir as default_data_dir
from loaders.precheck import decode
from loaders.problems import Problem


def _echo_of_a_broken_table(problem: Problem, flagged: dict[str, set[int]]) -> bool:
    """An evidence row pointing at a row its table cannot read (an emptied or mistyped id): that table's own problem
    says why, so the evidence (which every card reads) does not report it again and pages that do not use the table work."""
    references = {fk["fields"]: fk["reference"]["resource"] for fk in resource(EVIDENCE)["schema"].get("foreignKeys", [])}
    target = references.get(problem.column or "")
    return target is not None and bool(flagged.get(target)) and "is not a" in problem.message


def check_texts(
    texts: dict[str, str],
    shown_as: dict[str, str],
    early: dict[str, list[Problem]] | None = None,
    workers: int = 1,
    parallel_from: int | None = None,
) -> PackageCheck:
    """Validate decoded CSV texts (table name -> text) as one package: header, schema, rules. With workers > 1 and at
    least parallel_from lines (default parallel_check.PARALLEL_MIN_LINES), the tables are checked in that many forked
    processes (loaders.parallel_check: only from a process with one thread), at most one per available CPU; the
    result is the same either way."""
    workers = parallel_check.usable_workers(workers)
    large = line_count(texts) >= (parallel_check.PARALLEL_MIN_LINES if parallel_from is None else parallel_from)
    steps = parallel_steps(texts, shown_as, workers) if workers > 1 and large else None
    steps = steps or serial_steps(texts, shown_as)
    problems = {name: list((early or {}).get(name, [])) for name in table_names()}
    for name, found in steps.headers.items():
        problems[name] += found
    schema_lines: dict[str, set[int]] = {}
    for name, found in steps.schema.items():
        problems[name] += found
        schema_lines[name] = {p.line for p in found if p.line}
    frames = {}
    for name, own in steps.own.items():
        # Cross-column rules read typed values, which a type or constraint error on the line makes unreliable
        # ('row has no figure' for a count typed as 'abc'): such lines get the schema's message only, until fixed.
        rules = [p for p in own.rules if p.line not in schema_lines.get(name, set())]
        problems[name] += own.cells + rules
        frames[name] = own.frame
    flagged = {name: {p.line for p in found if p.line} for name, found in problems.items()}
    for name, found in evidence_problems(frames, shown_as, schema_lines, flagged).items():
        problems[name] += found
    problems[EVIDENCE] = [p for p in problems.get(EVIDENCE, []) if not _echo_of_a_broken_table(p, flagged)]
    for name in table_names():
        problems[name] = sorted(set(problems[name]), key=lambda p: (p.line or 0, p.column or "", p.message))
    return PackageCheck(Path("."), frames, problems)


def check_raw(raws: dict[str, RawFile], shown_as: dict[str, str], folder: Path, workers: int = 1) -> PackageCheck:
    """Validate raw file bytes (table name -> RawFile) as one package; the same rules whatever their origin.
    workers: as for check_texts."""
    texts, early = {}, {}
    for name, raw in raws.items():
        text, found = decode(raw, shown_as[name])
        early[name] = found
        if text is not None:
            texts[name] = text
    result = check_texts(texts, shown_as, early, workers)
    return PackageCheck(folder, result.frames, result.problems)


def check_package(data_dir: Path | str | None = None, workers: int = 1) -> PackageCheck:
    """Read and validate every table in a data folder (default: data/ or $HIKIKOMORI_DATA_DIR). Never writes.
    workers > 1 checks a large package in that many forked processes: only for a process with one thread (a command,
    not a server); the result is the same."""
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    shown_as = {name: shown_path(folder / file_name(name)) for name in table_names()}
    return check_raw(read_raw(folder), shown_as, folder, workers)


def load_table(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """One validated table; raises DataError listing every problem in it."""
    return check_package(data_dir).table(name)


def load_sources(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Sources: where each figure can be read."""
    return load_table("sources", data_dir)


def load_estimates(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Hikikomori and recluse estimates for Japan, South Korea and Italy."""
    return load_table("recluse_estimates", data_dir)


def load_youth_homelessness(data_dir: Path | str | None = None) -> pd.DataFrame:
    """US and Japanese youth homelessness measures."""
    return load_table("youth_homelessness", data_dir)


def load_health_risks(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Health risks associated with social isolation and loneliness."""
    return load_table("isolation_health_risks", data_dir)


def load_population(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Population denominators."""
    return load_table("population", data_dir)


def load_claims(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The 2020 article's claims with verdicts."""
    return load_table("claims", data_dir)


def load_claim_evidence(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Links from claims to the rows they are traced to or checked against."""
    return load_table("claim_evidence", data_dir)
