"""Collect every reader-facing string of the words files (words/**.toml) into the gettext template.

`python -m i18n.extract` writes locales/messages.pot (only when its messages changed, so an unchanged template keeps
its date and the .po files do not churn); `make translations` then updates and compiles the catalogs. The same
extractor is registered for Babel in babel.cfg (`pybabel extract -F babel.cfg -o locales/messages.pot .` gives the
same messages).

Every string value of a words file is a msgid, keyed by its English text: the same sentence in two places is one
msgid with two locations. Strings that are not words (a page's script and icon, a figure's caveat keys, an
annotation's position) are left out. A msgctxt is added only for the keys listed in CONTEXTS, when one English word
needs two translations. A table of exactly `one` and `other` is one plural message (msgid and msgid_plural, for
gettext's ngettext: shaping.words.phrase_n).

data/datapackage.json holds words readers read too: the package's title and description and each table's, which the
README of the data package's zip prints (shaping/downloads.py). extract_datapackage (babel.cfg) takes those, keyed
'description' or 'resources.<name>.description'; the schemas' field descriptions are for tools and maintainers and
stay English.
"""

import json
import json.decoder
import json.scanner
import re
import string
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
WORDS = ROOT / "words"
LOCALES = ROOT / "locales"
TEMPLATE = LOCALES / "messages.pot"
DOMAIN = "messages"
# How babel.cfg names this extractor (not __name__: that is "__main__" under python -m).
WORDS_METHOD = "i18n.extract:extract_toml"
PROJECT = "Hikikomori in Numbers"

# Keys whose strings are not read by anyone: code names, icons, keys into site.toml's caveats, layout words.
NOT_WORDS = {"file", "icon", "position"}
# In a figure's file, `caveats` lists keys of site.toml's [caveats] (whose texts are words, extracted there).
KEY_LISTS = {"caveats"}
# The data package's descriptor (its path in the repository, as babel.cfg maps it) and what of it readers read: the
# package's and each resource's title and description.
DESCRIPTOR_FILE = "data/datapackage.json"
DESCRIBED = ("title", "description")
# Where messages are plain text or str.format templates, never %-formatted (Babel's python-format guess is dropped).
NOT_PERCENT_FORMATTED = ("words/", DESCRIPTOR_FILE)
# "<file relative to words/>:<dotted key>" -> msgctxt, for an English string that needs two translations.
CONTEXTS: dict[str, str] = {}

_KEY = re.compile(r'^\s*("[^"]*"|[A-Za-z0-9_-]+)\s*=\s*(.*)$')
_TABLE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_ARRAY_TABLE = re.compile(r"^\s*\[\[\s*([^\[\]]+?)\s*\]\]\s*(#.*)?$")


@dataclass(frozen=True)
class Entry:
    """One string of a words file: where it is (file relative to the repository, 1-based line, dotted key)."""

    file: str
    line: int
    key: str
    text: str | tuple[str, str]  # (singular, plural) for a {one, other} table
    context: str | None = None


def placeholders(text: str) -> list[str]:
    """A template's replacement fields as written, sorted: 'About {count:,} of {total}' -> ['{count:,}', '{total}'].

    Malformed braces raise ValueError (str.format would fail on them too)."""
    found = []
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            found.append("{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return sorted(found)


def _dotted(parts: tuple) -> str:
    return ".".join(str(p) for p in parts)


def _split_key(header: str) -> tuple[str, ...]:
    return tuple(part.strip().strip('"') for part in header.split("."))


def _after_value(source: list[str], i: int, value: str, path: tuple, found: dict[tuple, int]) -> int:
    """The index of the line after a value that starts on line i - 1: a multi-line string or array of strings ends
    further down (each string of such an array gets its own line in found)."""
    if value.startswith('"""') and value.count('"""') == 1:  # a multi-line string: skip to its end
        while i < len(source) and '"""' not in source[i]:
            i += 1
        return i + 1
    if value.startswith("[") and "]" not in value.split("#")[0]:  # a multi-line array of strings
        index = 0
        while i < len(source) and not source[i].strip().startswith("]"):
            if source[i].strip().startswith('"'):
                found[(*path, index)] = i + 1
                index += 1
            i += 1
        return i + 1
    return i


def lines(text: str) -> dict[tuple, int]:
    """The 1-based line where each key (and each element of a multi-line array) starts, by key path.

    tomllib gives values, not positions: this reads the simple layout the words files use (tables, arrays of
    tables, `key = value`, multi-line strings and arrays of strings)."""
    found: dict[tuple, int] = {}
    prefix: tuple = ()
    counts: dict[tuple, int] = {}
    source = text.splitlines()
    i = 0
    while i < len(source):
        line = source[i]
        number = i + 1
        i += 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if match := _ARRAY_TABLE.match(line):
            name = _split_key(match.group(1))
            counts[name] = counts.get(name, -1) + 1
            prefix = (*name, counts[name])
            found.setdefault(prefix, number)
            continue
        if match := _TABLE.match(line):
            prefix = _split_key(match.group(1))
            found.setdefault(prefix, number)
            continue
        match = _KEY.match(line)
        if not match:
            continue
        path = (*prefix, *_split_key(match.group(1)))
        found[path] = number
        i = _after_value(source, i, match.group(2).strip(), path, found)
    return found


PLURAL_FORMS = {"one", "other"}


def _leaves(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, str | tuple[str, str]]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict) and set(value) == PLURAL_FORMS and all(isinstance(v, str) for v in value.values()):
        yield path, (value["one"], value["other"])
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))


def _is_word(path: tuple, figure: bool) -> bool:
    names = [p for p in path if isinstance(p, str)]
    if names and names[-1] in NOT_WORDS:
        return False
    return not (figure and names and names[0] in KEY_LISTS and isinstance(path[-1], int))


def entries_of(source: str, file: str) -> Iterator[Entry]:
    """The words of one file's text, in file order ('file' names it in locations: 'words/site.toml')."""
    data = tomllib.loads(source)
    where = lines(source)
    figure = "/figures/" in f"/{file}"
    relative = file.removeprefix("words/")
    found = []
    for path, text in _leaves(data):
        if not "".join(text).strip() or not _is_word(path, figure):
            continue
        line = next((where[path[:n]] for n in range(len(path), 0, -1) if path[:n] in where), 1)
        key = _dotted(path)
        found.append(Entry(file, line, key, text, CONTEXTS.get(f"{relative}:{key}")))
    yield from sorted(found, key=lambda e: e.line)


def entries(root: Path = ROOT) -> list[Entry]:
    """Every word of words/**.toml under root, file by file (sorted paths), in file order."""
    found = []
    for path in sorted((root / "words").rglob("*.toml")):
        found.extend(entries_of(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix()))
    return found


class _Located(str):
    """A JSON string value that knows where in the text it starts (offset), for its line in the template."""

    offset: int = 0


def _located_json(text: str) -> Any:
    """json.loads, with every string value a _Located: the standard library's pure-Python scanner with its string
    parser wrapped (json gives values, not positions; keys stay plain strings)."""
    decoder = json.JSONDecoder()

    def parse_string(s: str, end: int, strict: bool) -> tuple[_Located, int]:
        value, after = json.decoder.scanstring(s, end, strict)
        located = _Located(value)
        located.offset = end - 1
        return located, after

    decoder.parse_string = parse_string
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    return decoder.decode(text)


def descriptor_entries(source: str, file: str = DESCRIPTOR_FILE) -> list[Entry]:
    """The words of a datapackage.json's text, in file order: the package's title and description (keys 'title',
    'description') and each resource's ('resources.<name>.title', 'resources.<name>.description'). Field
    descriptions are not words: they are for tools and maintainers."""
    package = _located_json(source)
    found = [(key, package.get(key)) for key in DESCRIBED]
    for resource in package.get("resources", []):
        found += [(f"resources.{resource['name']}.{key}", resource.get(key)) for key in DESCRIBED]
    return sorted(
        (
            Entry(file, source.count("\n", 0, text.offset) + 1, key, str(text))
            for key, text in found
            if isinstance(text, _Located) and text.strip()
        ),
        key=lambda e: e.line,
    )


def extract_datapackage(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator[tuple]:
    """Babel extraction method (babel.cfg: `[datapackage: data/datapackage.json]`), keys as comments."""
    for entry in descriptor_entries(fileobj.read().decode("utf-8")):
        yield entry.line, None, entry.text, [f"key: {entry.key}"]


def extract_toml(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator[tuple]:
    """Babel extraction method (babel.cfg: `[i18n.extract:extract_toml: words/**.toml]`)."""
    name = getattr(fileobj, "name", "words/x.toml")
    for entry in entries_of(fileobj.read().decode("utf-8"), str(name)):
        comments = [f"key: {entry.key}"]
        if entry.context:
            yield entry.line, "pgettext", (entry.context, entry.text), comments
        else:
            yield entry.line, None, entry.text, comments


def other_sources(root: Path = ROOT) -> list[tuple]:
    """Messages of every other mapping in babel.cfg (say `[jinja2: publish/templates/**.html]` with
    `extensions = jinja2.ext.i18n`): (file, line, message, comments, context), as Babel's extractors give them."""
    config = root / "babel.cfg"
    if not config.exists():
        return []
    with config.open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f, filename=str(config))
    others = [(pattern, method) for pattern, method in method_map if method != WORDS_METHOD]
    if not others:
        return []
    return list(extract_from_dir(root, method_map=others, options_map=options_map))


def catalog(found: list[Entry], others: list[tuple] = ()) -> Catalog:
    """The template: one message per (context, English text), with every location and key; then `others`."""
    template = Catalog(project=PROJECT, version="1", domain=DOMAIN, copyright_holder=None, msgid_bugs_address=None)
    template.header_comment = (
        "# Words of Hikikomori in Numbers, extracted by `python -m i18n.extract`\n"
        "# from words/**.toml, publish/templates and the titles and descriptions\n"
        "# of data/datapackage.json.\n"
        "# Do not edit: change those files, then run `make translations`.\n#"
    )
    for entry in found:
        forms = entry.text if isinstance(entry.text, tuple) else (entry.text,)
        flags = ["python-brace-format"] if any(placeholders(form) for form in forms) else []
        message = template.get(entry.text, entry.context)
        if message is None:
            template.add(
                entry.text,
                locations=[(entry.file, entry.line)],
                flags=flags,
                auto_comments=[f"key: {entry.key}"],
                context=entry.context,
            )
        else:
            message.locations.append((entry.file, entry.line))
            message.auto_comments.append(f"key: {entry.key}")
    for file, line, text, comments, context in others:
        message = template.get(text, context)
        if message is None:
            template.add(text, locations=[(file, line)], auto_comments=comments, context=context)
        else:
            message.locations.append((file, line))
            message.auto_comments.extend(c for c in comments if c not in message.auto_comments)
    return without_percent_guess(template)


def signature(messages: Catalog) -> list[tuple]:
    """What a template says, without its dates: compared to decide whether it changed (locations sorted, as write_po
    writes them: a table's title that is also a words-file string has its place after the words' in the catalog)."""
    return [
        (m.id, m.context, tuple(sorted(m.locations)), tuple(m.auto_comments), tuple(sorted(m.flags)))
        for m in messages
        if m.id
    ]


def never_percent_formatted(message) -> bool:
    """Whether a message comes only from the words files (brace templates) or the data package's descriptor (plain
    text), or says nowhere: none of them is %-formatted."""
    return all(str(file).startswith(NOT_PERCENT_FORMATTED) for file, _ in message.locations)


def without_percent_guess(messages: Catalog) -> Catalog:
    """Drop Babel's python-format flag, guessed from any '%' ('95% interval', '95% confidence'), from the messages of
    the words files and the descriptor. Messages of other sources (a Jinja2 template's %(name)s) keep it and Babel's
    check."""
    for message in messages:
        if never_percent_formatted(message):
            message.flags.discard("python-format")
    return messages


def read(path: Path) -> Catalog:
    with path.open("rb") as f:
        return without_percent_guess(read_po(f))


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def main(argv: list[str] | None = None) -> int:
    output = Path(argv[0]) if argv else TEMPLATE
    template = catalog(entries(), other_sources())
    if output.exists() and signature(read(output)) == signature(template):
        print(f"{_shown(output)}: unchanged, {len(template)} messages")
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as f:
        write_po(f, template, width=76)
    print(f"{_shown(output)}: {len(template)} messages written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
