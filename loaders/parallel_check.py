"""The per-table steps of checking a large package (loaders.check_steps) in worker processes, on more than one core.

Frictionless validates a table pointing into others with their recorded key values (loaders.key_lookup), so a table
would wait for the tables it points into. Instead it starts at once on key values read from their text
(loaders.key_guess), and its result is kept only if the recorded values turn out exactly the same (else it runs
again on them), so nothing waits for the evidence table's long check. The schema checks go first, the largest table
first; our own rules fill the gaps. Each step is the same function the serial path calls, so the result is the same.

Workers are forked: a fork starts with the texts in memory (nothing is sent to them but names and key values) and,
unlike a spawned child, never re-runs the parent's main script. A fork is only safe in a process with one thread,
so this is for commands (python -m loaders.validate, the loaders.isolated child), never for a server process."""

import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from loaders.check_steps import CheckSteps, readable
from loaders.key_guess import guessed_keys
from loaders.key_lookup import KeyValues
from loaders.precheck import check_header, record_lines
from loaders.problems import Problem
from loaders.schema_check import schema_plan, table_schema_problems
from loaders.table_rules import TableRules, table_rules

# Below this many lines in all the tables together, a package is checked serially: forking workers and sending frames
# back costs more than a second core saves (the bundled data has about 1,600 lines; the 100x package about 46,000).
PARALLEL_MIN_LINES = 10_000

_texts: dict[str, str] = {}  # in a worker: every decoded table, as the parent had it when it forked
_shown_as: dict[str, str] = {}
_guesses: dict[tuple[str, tuple[str, ...]], KeyValues | None] = {}  # in a worker: key values guessed so far


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity where the system has one, else every CPU): more workers than
    that only take turns on the same cores and cost a fork each."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def usable_workers(workers: int) -> int:
    """The workers asked for, at most one per available CPU: one CPU means the serial path."""
    return max(1, min(workers, available_cpus()))


def line_count(texts: dict[str, str]) -> int:
    """The lines in all the texts together: how large a package is."""
    return sum(text.count("\n") for text in texts.values())


def _start_worker(texts: dict[str, str], shown_as: dict[str, str]) -> None:
    """A worker's initializer: keep the texts (handed over by the fork, not pickled)."""
    _texts.update(texts)
    _shown_as.update(shown_as)


def _header(name: str) -> list[Problem]:
    return check_header(name, _texts[name], _shown_as[name])


def _schema(name: str, names: list[str], wanted: dict[str, list[str]], keys: dict[str, KeyValues]) -> tuple[list[Problem], KeyValues | None]:
    tables = {table: _texts[table] for table in names}
    return table_schema_problems(name, tables, _shown_as[name], record_lines(tables[name]), wanted, keys)


def _guessed(target: str, fields: list[str]) -> KeyValues | None:
    """A referenced table's key values read from its text (loaders.key_guess), once per worker."""
    if (target, tuple(fields)) not in _guesses:
        _guesses[target, tuple(fields)] = guessed_keys(_texts[target], fields)
    return _guesses[target, tuple(fields)]


def _speculative_schema(
    name: str, names: list[str], wanted: dict[str, list[str]], targets: list[str]
) -> tuple[list[Problem], KeyValues | None, dict[str, KeyValues]]:
    """_schema with guessed key values for the targets, before theirs are recorded; the guess is sent back with the
    result, which the caller keeps only if the recorded values turn out the same."""
    guess = {target: _guessed(target, wanted[target]) for target in targets}
    handed = {target: values for target, values in guess.items() if values is not None}
    return (*_schema(name, names, wanted, handed), handed)


def _own(name: str) -> TableRules:
    return table_rules(name, _texts[name], _shown_as[name])


def _run_steps(pool: ProcessPoolExecutor, workers: int, texts: dict[str, str]) -> CheckSteps:
    """Headers first (every schema check needs to know which tables are readable), then every schema check at once,
    the largest table first: one whose targets are not checked yet runs on key values guessed from their text, and
    its result is kept only when the recorded values handed would have been the same (else it runs again, on those).
    Our own rules fill the gaps; never more steps queued than workers, so the order holds."""
    by_size = sorted(texts, key=lambda name: -len(texts[name]))
    headers = dict(zip(by_size, pool.map(_header, by_size), strict=True))
    tables = readable(texts, headers)
    plan = schema_plan(tables)
    waiting_schema = sorted(plan.order, key=lambda name: -len(tables[name]))
    waiting_own = [name for name in by_size if name in tables]
    schema: dict[str, list[Problem]] = {}
    keys: dict[str, KeyValues] = {}
    own: dict[str, TableRules] = {}
    guessed: dict[str, tuple[list[Problem], KeyValues | None, dict[str, KeyValues]]] = {}
    running: dict[Future, tuple[str, str]] = {}

    def handed(name: str) -> dict[str, KeyValues]:
        return {target: keys[target] for target in plan.earlier[name] if target in keys}

    def keep(name: str, found: list[Problem], recorded: KeyValues | None) -> None:
        schema[name] = found
        if recorded is not None:
            keys[name] = recorded

    while waiting_schema or waiting_own or running or guessed:
        for name in [name for name in guessed if all(target in schema for target in plan.earlier[name])]:
            found, recorded, guess = guessed.pop(name)
            if guess == handed(name):
                keep(name, found, recorded)
            else:
                waiting_schema.insert(0, name)  # the guess was wrong: again, on the recorded values
        while len(running) < workers:
            if waiting_schema:
                name = waiting_schema.pop(0)
                if all(target in schema for target in plan.earlier[name]):
                    running[pool.submit(_schema, name, list(tables), plan.wanted, handed(name))] = ("schema", name)
                else:
                    running[pool.submit(_speculative_schema, name, list(tables), plan.wanted, plan.earlier[name])] = ("guess", name)
            elif waiting_own:
                name = waiting_own.pop(0)
                running[pool.submit(_own, name)] = ("own", name)
            else:
                break
        if not running:
            continue  # a guess just checked: kept, or queued again
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            step, name = running.pop(future)
            if step == "schema":
                keep(name, *future.result())
            elif step == "guess":
                guessed[name] = future.result()
            else:
                own[name] = future.result()
    return CheckSteps({name: headers[name] for name in texts}, {name: schema[name] for name in tables}, {name: own[name] for name in tables})


def parallel_steps(texts: dict[str, str], shown_as: dict[str, str], workers: int) -> CheckSteps | None:
    """Every step for every table (name -> decoded text) in `workers` forked processes; None when the processes cannot
    be started or one dies (the caller then runs the steps serially, so the result is still whole)."""
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(texts, shown_as)) as pool:
            return _run_steps(pool, workers, texts)
    except (OSError, ValueError, BrokenProcessPool):  # no fork on this system (ValueError), no process, or a worker died
        return None
