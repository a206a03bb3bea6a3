"""Key values read straight from a table's CSV text, before frictionless has validated it (loaders.parallel_check).

A table's schema check waits for the recorded key values (loaders.key_lookup.recorder) of the tables it points into.
These guesses let it start at once: the distinct tuples of the referenced fields, an empty cell as None, rows with
none of them filled left out, as the recorder keeps them. A guess is only a guess; the caller keeps a result computed
from it only when it equals what the recorder gave, so the outcome is the serial check's whatever the guess."""

import csv
import io

from loaders.key_lookup import KeyValues


def guessed_keys(text: str, fields: list[str]) -> KeyValues | None:
    """The key values of the fields as the text's cells hold them; None when the header lacks one of the fields."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    if not all(field in header for field in fields):
        return None
    columns = [header.index(field) for field in fields]
    values: KeyValues = set()
    for record in reader:
        cells = tuple((record[i] or None) if i < len(record) else None for i in columns)
        if cells != (None,) * len(cells):
            values.add(cells)
    return values
