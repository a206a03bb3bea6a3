"""Foreign keys checked by frictionless without reading the tables they point into once per table pointing.

To check a foreign key, frictionless reads the whole referenced table again, for every table that points into it
(sources.csv six times, every cell of every row parsed). Here a table's referenced key values are recorded while it is
validated itself (validate's on_row), and a table pointing into it is validated in a package whose copy of that table
is just those values, inline. Frictionless builds its lookup from them as it would from the whole table: the same
checks and errors, with each table read once. A table whose validation stopped early is given whole, as before.
"""

from collections.abc import Callable
from graphlib import CycleError, TopologicalSorter

from frictionless import Report, Resource, Schema, errors
from frictionless.table import Row

KeyValues = set[tuple]


def references(resource: Resource) -> list[str]:
    """The other tables a table's foreign keys point into, in schema order."""
    named = [fk["reference"]["resource"] for fk in resource.schema.foreign_keys]
    return list(dict.fromkeys(name for name in named if name and name != resource.name))


def referenced_fields(resources: dict[str, Resource]) -> dict[str, list[str]]:
    """Per table, the fields other tables' foreign keys point at."""
    fields: dict[str, list[str]] = {}
    for resource in resources.values():
        for fk in resource.schema.foreign_keys:
            target = fk["reference"]["resource"]
            if target in resources and target != resource.name:
                fields[target] = list(dict.fromkeys(fields.get(target, []) + list(fk["reference"]["fields"])))
    return fields


def validation_order(resources: dict[str, Resource]) -> list[str]:
    """Tables in an order where each comes after the tables it points into (as given, if the references form a cycle)."""
    graph = {name: [target for target in references(resource) if target in resources] for name, resource in resources.items()}
    try:
        return list(TopologicalSorter(graph).static_order())
    except CycleError:
        return list(resources)


def recorder(fields: list[str], into: KeyValues) -> Callable[[Row], None]:
    """An on_row callback adding each row's values of the fields (rows with none of them filled left out)."""

    def record(row: Row) -> None:
        cells = tuple(row.get(name) for name in fields)
        if set(cells) != {None}:
            into.add(cells)

    return record


def read_whole(report: Report) -> bool:
    """Whether a validation read every row: no error or row limit reached, no error other than a row's."""
    task = report.tasks[0] if report.tasks else None
    return task is not None and not task.warnings and all(isinstance(error, errors.RowError) for error in task.errors)


class Rows(list):
    """Inline rows never changed once made: copying the resource (frictionless copies it for each lookup) shares them."""

    def __deepcopy__(self, memo: dict) -> "Rows":
        return self


def key_table(name: str, fields: list[str], values: KeyValues) -> Resource:
    """A stand-in for a table in a foreign-key lookup: the distinct values of its referenced fields, inline and untyped."""
    schema = Schema.from_descriptor({"fields": [{"name": field, "type": "any"} for field in fields]})
    return Resource(data=Rows([list(fields), *map(list, values)]), name=name, schema=schema)
