"""The words readers see, read from the TOML files in words/ (stdlib tomllib), and the check of those files.

words/site.toml holds what every page shares (the project's name, the definition, the caveats, control labels);
words/pages.toml the pages in navigation order with their titles and prose; words/figures/<key>.toml one figure's
title, subtitle, summary templates, notes, annotations and caveats; words/phrases.toml the phrases the code puts
together from the data (sentences to quote, legends, table headings, citations; shaping/phrasebook.py lists them with
their placeholders). An editor changes them without Python;
`python -m shaping.words` (and a test) checks them: unknown keys, unknown or missing {placeholders}, unknown caveats.
A {one, other} table of phrases.toml is one gettext plural message, filled by phrase_n (ngettext), never "(s)".

Every template goes through `translate` before its placeholders are filled: i18n.translate, the gettext catalog of
the language set for this script run or build (`i18n.language`/`i18n.set_language`); each template is one msgid.
"""

import re
import string
import sys
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from core.problems import Problem, counted
from i18n import DEFAULT, current, korean_particles, language, quote_language, translate, translator

WORDS_DIR = Path(__file__).resolve().parent.parent / "words"
SITE_FILE, PAGES_FILE, FIGURES_DIR = "site.toml", "pages.toml", "figures"
PHRASES_FILE = "phrases.toml"

# What a figure's words file may hold: each field's kind (text: a string, or a table of strings by a control's value).
FIGURE_FIELDS = {
    "title": "text",
    "subtitle": "text",
    "summary": "text",
    "notes": "list",
    "caveats": "keys",
    "annotations": "annotations",
    "ticks": "numbers",
    "axis": "texts",
    "labels": "texts",
}
ANNOTATION_FIELDS = {"x": "number", "text": "text", "y": "number", "position": "text"}
PAGE_FIELDS = {"file", "title", "icon", "heading", "caption", "link", "text"}
SITE_FIELDS = {
    "app_title",
    "tagline",
    "definition",
    "headlines",
    "headlines_not_comparable",
    "caveats",
    "controls",
    "card",
    "chart",
    "messages",
}


def fields(template: str) -> set[str]:
    """The placeholder names a template uses: 'About {count:,} people' -> {'count'}."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def fill(template: str, **values: object) -> str:
    """The template in the reader's language with its placeholders filled."""
    return _particles(translate(template).format(**values))


def plural(one: str, other: str, n: int) -> str:
    """The form of a sentence for n in the reader's language (gettext's ngettext: Japanese and Korean have one form)."""
    return translator(current()).ngettext(one, other, n)


def fill_plural(forms: Mapping[str, str], n: int, **values: object) -> str:
    """A {one, other} table's form for n in the reader's language, filled with the values (and {n}, if it names it)."""
    return _particles(plural(forms["one"], forms["other"], n).format(n=n, **values))


def _particles(text: str) -> str:
    """Korean sentences with each paired particle ('은(는)') chosen for the word before it."""
    return korean_particles(text) if current() == "ko" else text


@dataclass(frozen=True)
class FigureWords:
    """One figure's words (words/figures/<key>.toml), filled for a view: `words.text("title", choice="rate")`."""

    key: str
    data: Mapping

    def text(self, name: str, choice: str | None = None, **values: object) -> str:
        """A text field (dotted names reach into axis/labels: 'labels.not_drawn'), by the control's value if it
        varies."""
        value = self._get(name)
        if isinstance(value, Mapping):
            value = value[str(choice)]
        return fill(value, **values)

    def has(self, name: str) -> bool:
        try:
            self._get(name)
        except KeyError:
            return False
        return True

    def notes(self, **values: object) -> list[str]:
        return [fill(n, **values) for n in self.data.get("notes", [])]

    def caveats(self) -> list[str]:
        return list(self.data.get("caveats", []))

    def annotations(self) -> list[dict]:
        """Each annotation with its text in the reader's language: {'x': 2018, 'text': ..., 'y'?, 'position'?}."""
        return [{**a, "text": fill(a["text"])} for a in self.data.get("annotations", [])]

    def ticks(self) -> list[float]:
        return list(self.data.get("ticks", []))

    def _get(self, name: str):
        value = self.data
        for part in name.split("."):
            value = value[part]
        return value


@dataclass(frozen=True)
class Page:
    """A page of the navigation: its script, title and icon, url path and prose (words/pages.toml)."""

    url: str
    file: str
    title: str
    icon: str
    heading: str
    caption: str = ""
    link: str = ""
    text: Mapping = field(default_factory=dict)

    def say(self, name: str, **values: object) -> str:
        """One of the page's own sentences (its [<page>.text] table), filled."""
        return fill(self.text[name], **values)


@cache
def _read(path: Path) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


def _at(tree: dict, name: str) -> object:
    """The value under a dotted name ('card.where_it_says_so') of a words file's tables."""
    for part in name.split("."):
        tree = tree[part]
    return tree


def site() -> dict:
    """words/site.toml as read (the caveats, control labels, card and chart words under their tables)."""
    return _read(WORDS_DIR / SITE_FILE)


def say(name: str, **values: object) -> str:
    """A sentence of words/site.toml by dotted name ('card.where_it_says_so'), filled."""
    return fill(_at(site(), name), **values)


def phrases() -> dict:
    """words/phrases.toml as read: the words the code puts together from the data."""
    return _read(WORDS_DIR / PHRASES_FILE)


def phrase(name: str, **values: object) -> str:
    """A phrase of words/phrases.toml by dotted name ('sentences.no_rows'), in the reader's language, filled."""
    return fill(_at(phrases(), name), **values)


def english_marker(lang: str | None = None) -> str:
    """'(in English)' in the words of lang (the reader's, if not given); nothing for an English reader, who needs no
    marker."""
    lang = lang or current()
    if lang == DEFAULT:
        return ""
    with language(lang):
        return phrase("rows.in_english")


def data_english(text: str) -> str:
    """Text followed by the reader's '(in English)': the data's English inside a sentence in another language ('Japan
    aged 15-39 …（英語のまま）') or a label over English content ('Claim（英語のまま）'). The one place the marker is
    put after words, so a reader meets the data's English announced the same way everywhere."""
    marker = english_marker()
    return f"{text} {marker}" if text and marker else text


ENGLISH_WORD = re.compile(r"[a-z]{2,}")  # 'para', 'table cell': a Roman numeral ('II-1 調査の客体') is no word


def locator_language(locator: str) -> str | None:
    """The language where-on-its-page a quote is ('abstract, Results', '調査の時期') is written in: 'en' when it
    holds an English word (the data's own English, marked so for other readers, even around a heading it quotes:
    '文献概要, para 2'), else the language of its script (the source's own heading), None when it cannot be told."""
    return "en" if ENGLISH_WORD.search(locator) else quote_language(locator, translated=True)


def phrase_n(name: str, n: int, **values: object) -> str:
    """A {one, other} phrase of words/phrases.toml for the number n ('evidence.confirmed'), filled with n and values."""
    value = phrases()
    for part in name.split("."):
        value = value[part]
    return fill_plural(value, n, **values)


def country_name(code: str) -> str:
    """A country's name in the reader's language (words/phrases.toml [countries]); an unknown code as it is."""
    names = phrases()["countries"]
    return fill(names[code]) if code in names else str(code)


def headings(columns: Mapping[str, str]) -> dict[str, str]:
    """A table's headings in the reader's language: {data column: word key of [columns]} -> {data column: heading}."""
    return {column: phrase(f"columns.{key}") for column, key in columns.items()}


def app_title() -> str:
    return say("app_title")


def caveats() -> dict[str, str]:
    """Every caveat (register section H) by key, in the reader's language."""
    return {key: fill(text) for key, text in site()["caveats"].items()}


def pages() -> list[Page]:
    """The navigation's pages in order; the first is the default page."""
    return [Page(url=url, **{k: v for k, v in entry.items()}) for url, entry in _read(WORDS_DIR / PAGES_FILE).items()]


def page(url: str) -> Page:
    return next(p for p in pages() if p.url == url)


def served_pages(uploads: bool, upload_page: str) -> list[Page]:
    """The navigation's pages, without the upload page in the public edition (uploads off)."""
    return [p for p in pages() if uploads or p.file != upload_page]


def figure_words(key: str) -> FigureWords:
    return FigureWords(key, _read(WORDS_DIR / FIGURES_DIR / f"{key}.toml"))


# -- the check --------------------------------------------------------------------------------------------------


def _line_of(lines: list[str], key: str, start: int = 0) -> int | None:
    """The 1-based line where `key = …` or `[key]` / `[[key]]` (or a dotted table ending in it) first appears."""
    pattern = re.compile(rf"^\s*(\[\[?[\w.\-]*\b{re.escape(key)}\]\]?|\"?{re.escape(key)}\"?\s*=)")
    for i, line in enumerate(lines[start:], start + 1):
        if pattern.match(line):
            return i
    return None


def _templates(value) -> Iterable[tuple[str | None, str]]:
    """(variant, template) of a text field: one for a string, one per control value for a table."""
    if isinstance(value, str):
        yield None, value
    elif isinstance(value, Mapping):
        yield from value.items()


def _check_template(name: str, template: object, expected: set[str], where: Callable[[str], Problem]) -> list[Problem]:
    if not isinstance(template, str):
        return [where(f"{name}: must be text, not {type(template).__name__}")]
    try:
        used = fields(template)
    except ValueError as e:
        return [where(f"{name}: {e} (write a literal brace as {{{{ or }}}})")]
    found = []
    for unknown in sorted(used - expected):
        found.append(
            where(
                f"{name}: unknown placeholder {{{unknown}}}"
                + (f"; this text may use {sorted(expected)}" if expected else "; it takes none")
            )
        )
    for missing in sorted(expected - used):
        found.append(where(f"{name}: missing placeholder {{{missing}}}"))
    return found


Where = Callable[..., Callable[[str], Problem]]  # at(key, start=0): a Problem maker for the line of that key


def _text_field(key: str, value, expected: dict[str, set[str]], at: Where, known: list[str]) -> list[Problem]:
    """A text, or a table of texts by the control's value."""
    found = []
    for variant, template in _templates(value):
        name = key + (f".{variant}" if variant else "")
        found += _check_template(name, template, expected.get(key, set()), at(variant or key))
    if not isinstance(value, str | Mapping):
        found.append(at(key)("must be text, or a table of texts by the control's value"))
    return found


def _texts_field(key: str, value, expected: dict[str, set[str]], at: Where, known: list[str]) -> list[Problem]:
    """A table of named texts (axis titles, labels)."""
    found = []
    for name, template in value.items():
        found += _check_template(f"{key}.{name}", template, expected.get(f"{key}.{name}", set()), at(name))
    return found


def _list_field(key: str, value, expected: dict[str, set[str]], at: Where, known: list[str]) -> list[Problem]:
    """A list of texts without placeholders (notes)."""
    return [p for i, template in enumerate(value) for p in _check_template(f"{key}[{i}]", template, set(), at(key))]


def _keys_field(key: str, value, expected: dict[str, set[str]], at: Where, known: list[str]) -> list[Problem]:
    """Keys of words/site.toml's [caveats]."""
    said = f"words/site.toml [caveats] has {', '.join(known)}"
    return [at(key)(f"unknown caveat {unknown!r}; {said}") for unknown in value if unknown not in set(known)]


def _numbers_field(key: str, value, expected: dict[str, set[str]], at: Where, known: list[str]) -> list[Problem]:
    """A list of numbers (axis ticks)."""
    return [] if all(isinstance(v, int | float) for v in value) else [at(key)("must be a list of numbers")]


def _annotations_field(key: str, value, expected: dict[str, set[str]], at: Where, known: list[str]) -> list[Problem]:
    """Annotations: known keys only, x and text in each."""
    where, found = at("annotations", 0), []
    for i, annotation in enumerate(value):
        for unknown in set(annotation) - set(ANNOTATION_FIELDS):
            found.append(
                where(f"annotation {i + 1}: unknown key {unknown!r}; it may hold {', '.join(ANNOTATION_FIELDS)}")
            )
        found += [
            where(f"annotation {i + 1}: {needed} is missing") for needed in ("x", "text") if needed not in annotation
        ]
    return found


FIELD_CHECKS = {
    "text": _text_field,
    "texts": _texts_field,
    "list": _list_field,
    "keys": _keys_field,
    "numbers": _numbers_field,
    "annotations": _annotations_field,
}


def _missing_texts(data: dict, expected: dict[str, set[str]], rel: str) -> list[Problem]:
    """The texts a builder fills in that the file does not have."""
    found = []
    for name in expected:
        top = name.split(".")[0]
        try:
            value = data
            for part in name.split("."):
                value = value[part]
        except (KeyError, TypeError):
            if top in data or FIGURE_FIELDS.get(top) == "texts":
                found.append(Problem(rel, None, name, "missing: the builder fills this text in"))
    return found


def check_figure_file(
    path: Path, placeholders: Mapping[str, Iterable[str]], known_caveats: Iterable[str]
) -> list[Problem]:
    """The problems of one figure's words file: TOML syntax, unknown keys, placeholders, caveat keys, annotations.
    `placeholders` names, per field ('summary', 'labels.not_drawn'), the values the builder fills in: each must
    appear."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    rel = f"words/{FIGURES_DIR}/{path.name}"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        line = re.search(r"line (\d+)", str(e))
        return [Problem(rel, int(line.group(1)) if line else None, None, f"not valid TOML: {e}")]
    found: list[Problem] = []

    def at(key: str, start: int = 0) -> Callable[[str], Problem]:
        line = _line_of(lines, key, start)
        return lambda message: Problem(rel, line, key, message)

    expected = {name: set(names) for name, names in placeholders.items()}
    known = list(known_caveats)
    for key, value in data.items():
        if key not in FIGURE_FIELDS:
            found.append(at(key)(f"unknown key; a figure's words file may hold {', '.join(FIGURE_FIELDS)}"))
        else:
            found += FIELD_CHECKS[FIGURE_FIELDS[key]](key, value, expected, at, known)
    return found + _missing_texts(data, expected, rel)


def _phrase_problems(name: str, value, path: tuple, expected: Mapping[str, str], plurals: set[str], at) -> list:
    """The problems of one phrase of words/phrases.toml: unknown, a plural that is not {one, other}, placeholders."""
    if name not in expected:
        return [at(path)(f"{name}: unknown phrase; no code fills it in (shaping/phrasebook.py lists those that do)")]
    wanted = set(expected[name].split())
    if name not in plurals:
        return _check_template(name, value, wanted, at(path))
    if not isinstance(value, Mapping) or set(value) != {"one", "other"}:
        return [at(path)(f'{name}: must be a table of two forms, one = "…" and other = "…"')]
    return [
        p
        for form in ("one", "other")
        for p in _check_template(f"{name}.{form}", value[form], wanted, at((*path, form)))
    ]


def check_phrases_file(path: Path, expected: Mapping[str, str], plurals: Iterable[str]) -> list[Problem]:
    """The problems of words/phrases.toml against what the code fills in (shaping/phrasebook.py): TOML syntax, unknown
    and missing phrases, unknown and missing {placeholders}, a plural that is not a {one, other} table."""
    from i18n.extract import lines as key_lines  # where each dotted key is, for file:line

    text = path.read_text(encoding="utf-8")
    rel = f"words/{path.name}"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        line = re.search(r"line (\d+)", str(e))
        return [Problem(rel, int(line.group(1)) if line else None, None, f"not valid TOML: {e}")]
    where_is = key_lines(text)
    plurals = set(plurals)
    found: list[Problem] = []

    def at(path: tuple) -> Callable[[str], Problem]:
        line = next((where_is[path[:n]] for n in range(len(path), 0, -1) if path[:n] in where_is), None)
        return lambda message: Problem(rel, line, None, message)

    seen = set()

    def walk(value, path: tuple) -> None:
        name = ".".join(path)
        if isinstance(value, Mapping) and name not in plurals:
            for key, item in value.items():
                walk(item, (*path, key))
            return
        seen.add(name)
        found.extend(_phrase_problems(name, value, path, expected, plurals, at))

    walk(data, ())
    for name in sorted(set(expected) - seen):
        found.append(Problem(rel, None, None, f"{name}: missing; the code fills this phrase in"))
    return found


def _site_problems(site_path: Path, site_data: dict) -> list[Problem]:
    """Unknown keys of words/site.toml."""
    site_lines = site_path.read_text(encoding="utf-8").splitlines()
    said = f"unknown key; it may hold {', '.join(sorted(SITE_FIELDS))}"
    return [Problem(f"words/{SITE_FILE}", _line_of(site_lines, key), key, said) for key in set(site_data) - SITE_FIELDS]


def _pages_problems(pages_path: Path, pages_data: dict) -> list[Problem]:
    """Unknown and missing keys of each page in words/pages.toml."""
    page_lines, found = pages_path.read_text(encoding="utf-8").splitlines(), []
    for url, entry in pages_data.items():
        start = (_line_of(page_lines, url) or 1) - 1
        for key in set(entry) - PAGE_FIELDS:
            message = f"unknown key; a page may hold {', '.join(sorted(PAGE_FIELDS))}"
            found.append(Problem(f"words/{PAGES_FILE}", _line_of(page_lines, key, start), f"{url}.{key}", message))
        for key in ("file", "title", "icon", "heading"):
            if key not in entry:
                found.append(Problem(f"words/{PAGES_FILE}", start + 1, url, f"{key} is missing"))
    return found


def _figures_problems(folder: Path, declared: Mapping[str, Mapping[str, Iterable[str]]], known: list[str]) -> list:
    """Each declared figure's words file checked; a file missing, or one no figure declares."""
    found, files = [], {p.stem: p for p in sorted((folder / FIGURES_DIR).glob("*.toml"))}
    for key, placeholders in declared.items():
        if key not in files:
            missing = "missing: a figure is declared with this key"
            found.append(Problem(f"words/{FIGURES_DIR}/{key}.toml", None, None, missing))
        else:
            found += check_figure_file(files[key], placeholders, known)
    for key in sorted(set(files) - set(declared)):
        undeclared = "no figure is declared with this key (figures/catalog.py)"
        found.append(Problem(f"words/{FIGURES_DIR}/{key}.toml", None, None, undeclared))
    return found


def check_words(declared: Mapping[str, Mapping[str, Iterable[str]]], folder: Path | None = None) -> list[Problem]:
    """Every problem of the words files: `declared` maps each figure's words key to its placeholders per field."""
    folder = folder or WORDS_DIR
    try:
        site_data = tomllib.loads((folder / SITE_FILE).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        return [Problem(f"words/{SITE_FILE}", None, None, f"not valid TOML: {e}")]
    found = _site_problems(folder / SITE_FILE, site_data)
    try:
        pages_data = tomllib.loads((folder / PAGES_FILE).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        return found + [Problem(f"words/{PAGES_FILE}", None, None, f"not valid TOML: {e}")]
    found += _pages_problems(folder / PAGES_FILE, pages_data)
    from shaping.phrasebook import PHRASES, PLURALS

    if (folder / PHRASES_FILE).exists():
        found += check_phrases_file(folder / PHRASES_FILE, PHRASES, PLURALS)
    else:
        found.append(Problem(f"words/{PHRASES_FILE}", None, None, "missing: the code's phrases are read from it"))
    return found + _figures_problems(folder, declared, list(site_data.get("caveats", {})))


def main() -> int:
    from figures.catalog import word_placeholders  # the builders' declarations, loaded only for the check

    problems = check_words(word_placeholders())
    for problem in problems:
        print(problem)
    print(f"{counted(len(problems), 'problem')} in words/" if problems else "OK: words/ matches the declared figures")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
