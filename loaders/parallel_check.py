"""The per-table steps of checking a large package (loaders.check_steps) in worker processes, on more than one core.

Frictionless validates a table pointing into others with their recorded key values (loaders.key_lookup), so a table
waits for the tables it points into; every other step (a header, our own rules) waits for nothing but the headers.
The tables' schema checks go first, the longest chain of tables pointing into each other first; our own rules fill
the gaps. Each step is the same function the serial path calls, so the result is the same.

Workers are forked: a fork starts with the texts in memory (nothing is sent to them but names and key values) and,
unlike a spawned child, never re-runs the parent's main script. A fork is only safe in a process with one thread,
so this is for commands (python -m loaders.validate, the loaders.isolated child), never for a server process."""

import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from loaders.check_steps import CheckSteps, readable
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


def _own(name: str) -> TableRules:
    return table_rules(name, _texts[name], _shown_as[name])


def _chain_lengths(order: list[str], earlier: dict[str, list[str]], texts: dict[str, str]) -> dict[str, int]:
    """Per table, the characters of the longest chain of tables waiting for it, itself included: start the longest first."""
    length: dict[str, int] = {}
    for name in reversed(order):
        waiting = [length[other] for other in order if name in earlier[other]]
        length[name] = len(texts[name]) + max(waiting, default=0)
    return length


def _run_steps(pool: ProcessPoolExecutor, workers: int, texts: dict[str, str]) -> CheckSteps:
    """Headers first (every schema check needs to know which tables are readable), then the schema checks as the tables
    they wait for finish, with our own rules in between; never more steps queued than workers, so the order holds."""
    by_size = sorted(texts, key=lambda name: -len(texts[name]))
    headers = dict(zip(by_size, pool.map(_header, by_size), strict=True))
    tables = readable(texts, headers)
    plan = schema_plan(tables)
    chain = _chain_lengths(plan.order, plan.earlier, tables)
    waiting_schema = sorted(plan.order, key=lambda name: -chain[name])
    waiting_own = [name for name in by_size if name in tables]
    schema: dict[str, list[Problem]] = {}
    keys: dict[str, KeyValues] = {}
    own: dict[str, TableRules] = {}
    running: dict[Future, tuple[str, str]] = {}
    while waiting_schema or waiting_own or running:
        while len(running) < workers:
            ready = [name for name in waiting_schema if all(target in schema for target in plan.earlier[name])]
            if ready:
                name = ready[0]
                waiting_schema.remove(name)
                handed = {target: keys[target] for target in plan.earlier[name] if target in keys}
                running[pool.submit(_schema, name, list(tables), plan.wanted, handed)] = ("schema", name)
            elif waiting_own:
                name = waiting_own.pop(0)
                running[pool.submit(_own, name)] = ("own", name)
            else:
                break
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            step, name = running.pop(future)
            if step == "schema":
                schema[name], recorded = future.result()
                if recorded is not None:
                    keys[name] = recorded
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
