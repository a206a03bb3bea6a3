"""Update each language's .po from the template and compile it to .mo, with Babel's catalog API.

    python -m i18n.catalogs update [LANG ...]     # new msgids in, fuzzy matches marked, obsolete ones kept as #~
    python -m i18n.catalogs compile [PO ...]      # .po -> .mo beside it (fuzzy entries left out: English shows)

Why not `pybabel update/compile`: Babel flags every msgid with a '%' followed by a letter as python-format
('95% interval' reads as '% i'), and `pybabel compile` then fails on a correct translation ('95%区間') (Babel issue
#1268, open). The words are str.format templates, never %-formatted: this drops that flag, and i18n.check compares
the {placeholders} instead.
"""

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from i18n import LANGUAGES
from i18n.extract import DOMAIN, LOCALES, TEMPLATE, without_percent_guess

TRANSLATED = tuple(lang for lang in LANGUAGES if lang != "en")
WIDTH = 76  # the .po files' line width (gettext's and pybabel's default)


def po_path(lang: str, locales: Path = LOCALES) -> Path:
    return locales / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def clean(catalog: Catalog) -> Catalog:
    """Drop Babel's python-format guess from every message, obsolete ones too: the words are brace templates."""
    without_percent_guess(catalog)
    for message in catalog.obsolete.values():
        message.flags.discard("python-format")
    return catalog


def read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as f:
        return clean(read_po(f, locale=lang))


def write(catalog: Catalog, path: Path) -> bool:
    """Write a .po (only if its text changes); True when written."""
    from io import BytesIO

    buffer = BytesIO()
    write_po(buffer, clean(catalog), width=WIDTH)
    if path.exists() and path.read_bytes() == buffer.getvalue():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return True


def update(lang: str, template: Path = TEMPLATE, locales: Path = LOCALES) -> Path:
    """Bring lang's .po in line with the template (created if missing); new msgids untranslated or fuzzy."""
    path = po_path(lang, locales)
    source = read(template)
    if path.exists():
        catalog = read(path, lang)
        catalog.update(source, no_fuzzy_matching=False, update_header_comment=True)
    else:
        catalog = read(template, lang)
        catalog.fuzzy = False
    write(catalog, path)
    return path


def compile_po(path: Path) -> tuple[int, int]:
    """path (.po) -> .mo beside it, fuzzy and untranslated entries left out; (translated, total)."""
    catalog = read(path)
    with path.with_suffix(".mo").open("wb") as f:
        write_mo(f, catalog, use_fuzzy=False)
    messages = [m for m in catalog if m.id]
    done = sum(1 for m in messages if m.string and "fuzzy" not in m.flags)
    return done, len(messages)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"update", "compile"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "update":
        for lang in rest or TRANSLATED:
            print(f"updated {update(lang)}")
        return 0
    for path in [Path(p) for p in rest] or [po_path(lang) for lang in TRANSLATED]:
        done, total = compile_po(path)
        print(f"{path}: {done} of {total} messages translated, compiled to {path.with_suffix('.mo').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
