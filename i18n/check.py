"""Check the catalogs: `python -m i18n.check` prints each problem as `file:line: msgid: message` and exits 1 if any.

- the template is not stale: every words-file string is a msgid of locales/messages.pot, and every msgid of it is
  still in the words files (`make translations` fixes both);
- each language (ja, ko, it) has every msgid of the template, none untranslated, none fuzzy;
- each translation keeps the {placeholders} of its msgid exactly (none missing, none added, same format spec) and its
  <br> line breaks; and passes Babel's own catalog checks (Catalog.check()).
"""

import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from core.problems import counted
from i18n.catalogs import TRANSLATED, po_path
from i18n.catalogs import read as read_po
from i18n.extract import ROOT, catalog, entries, other_sources, placeholders
from i18n.extract import read as read_template

_MARKUP = re.compile(r"<[^<>]+>")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    msgid: str
    message: str

    def __str__(self) -> str:
        shown = self.msgid if len(self.msgid) <= 60 else self.msgid[:59] + "…"
        return f"{self.file}:{self.line}: {shown!r}: {self.message}"


def _shown(path: Path, root: Path) -> str:
    return str(path.relative_to(root) if path.is_relative_to(root) else path)


def placeholder_problems(msgid: str, msgstr: str) -> list[str]:
    """What a translation does to its msgid's placeholders and line breaks: [] when it keeps them all."""
    try:
        wanted = Counter(placeholders(msgid))
    except ValueError as error:
        return [f"the msgid's braces are malformed ({error})"]
    try:
        found = Counter(placeholders(msgstr))
    except ValueError as error:
        return [f"malformed braces in the translation ({error}): write {{{{ and }}}} for a literal brace"]
    said = [f"placeholder {name} missing from the translation" for name in sorted(wanted - found)]
    said += [f"placeholder {name} added by the translation (not in the msgid)" for name in sorted(found - wanted)]
    if Counter(_MARKUP.findall(msgid)) != Counter(_MARKUP.findall(msgstr)):
        said.append(f"markup differs: msgid has {_MARKUP.findall(msgid)}, translation {_MARKUP.findall(msgstr)}")
    return said


def template_problems(root: Path = ROOT) -> list[Problem]:
    """Words-file strings (and other babel.cfg sources') missing from the template, and template msgids no longer
    in any of them."""
    template_path = root / "locales" / "messages.pot"
    found = entries(root)
    if not template_path.exists():
        return [Problem(_shown(template_path, root), 1, "", "no template: run `make translations`")]
    template = read_template(template_path)
    others = other_sources(root)
    extracted = catalog(found, others)
    problems = []
    for entry in found:
        if template.get(entry.text, entry.context) is None:
            problems.append(Problem(entry.file, entry.line, entry.text, "not in the template: run `make translations`"))
    for file, line, text, _, context in others:
        if template.get(text, context) is None:
            problems.append(Problem(file, line, str(text), "not in the template: run `make translations`"))
    for message in template:
        if message.id and extracted.get(message.id, message.context) is None:
            problems.append(
                Problem(
                    _shown(template_path, root),
                    message.lineno or 1,
                    message.id,
                    "no longer in the words files (or babel.cfg's other sources)",
                )
            )
    return problems


def catalog_problems(lang: str, root: Path = ROOT) -> list[Problem]:
    """One language's .po against the template: missing, untranslated, fuzzy, placeholders, Babel's checks."""
    path = po_path(lang, root / "locales")
    file = _shown(path, root)
    if not path.exists():
        return [Problem(file, 1, "", f"no catalog for {lang}: run `make translations`")]
    template = read_template(root / "locales" / "messages.pot")
    po = read_po(path, lang)
    problems = []
    for message in template:
        if message.id and po.get(message.id, message.context) is None:
            problems.append(Problem(file, 1, message.id, "not in the catalog: run `make translations`"))
    for message in po:
        if not message.id:
            continue
        line = message.lineno or 1
        # a plural message: each form (one in Japanese and Korean, three in Babel's Italian) keeps the plural msgid's
        # placeholders
        msgid = message.id[-1] if isinstance(message.id, tuple | list) else message.id
        forms = [message.string] if isinstance(message.string, str) else list(message.string)
        if not all(forms):
            problems.append(Problem(file, line, msgid, "untranslated"))
            continue
        if message.fuzzy:
            problems.append(Problem(file, line, msgid, "fuzzy: check the translation, then remove the fuzzy flag"))
        problems += [Problem(file, line, msgid, said) for form in forms for said in placeholder_problems(msgid, form)]
    for message, errors in po.check():
        problems += [Problem(file, message.lineno or 1, message.id, str(error)) for error in errors]
    return problems


def problems(root: Path = ROOT, languages: tuple[str, ...] = TRANSLATED) -> list[Problem]:
    found = template_problems(root)
    for lang in languages:
        found += catalog_problems(lang, root)
    return found


def counts(root: Path = ROOT, languages: tuple[str, ...] = TRANSLATED) -> dict[str, tuple[int, int]]:
    """(translated and not fuzzy, msgids of the template) per language."""
    total = len([m for m in read_template(root / "locales" / "messages.pot") if m.id])
    result = {}
    for lang in languages:
        path = po_path(lang, root / "locales")
        po = read_po(path, lang) if path.exists() else []
        result[lang] = (sum(1 for m in po if m.id and m.string and not m.fuzzy), total)
    return result


def main(argv: list[str] | None = None) -> int:
    found = problems()
    for problem in found:
        print(problem)
    summary = ", ".join(f"{lang} {done}/{total}" for lang, (done, total) in counts().items())
    print(f"{counted(len(found), 'problem')}; translated: {summary}", file=sys.stderr if found else sys.stdout)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
