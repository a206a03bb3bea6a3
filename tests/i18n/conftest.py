"""A tiny project for the catalog tests: two words files, a template extracted from them, and one .po per language."""

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from i18n.extract import catalog, entries

SITE = '''# Words every page shares.
app_title = "Numbers"
tagline = """A long sentence \\
on two lines."""

[card]
where_count = "Where it says so ({count} quotes)"
source = "Source"
'''
FIGURE = """title = "Counts by {year}"
caveats = ["few_cases"]
notes = [
  "First note.",
  "Source",
]

[labels]
round = "{year}<br>aged {ages}"

[[annotations]]
x = 2018
text = "2018: first round"
position = "bottom"
"""
GOOD = {
    "Numbers": "数字",
    "A long sentence on two lines.": "二行にわたる長い文。",
    "Where it says so ({count} quotes)": "該当箇所（引用{count}件）",
    "Source": "出典",
    "Counts by {year}": "{year}の人数",
    "First note.": "最初の注。",
    "{year}<br>aged {ages}": "{year}<br>{ages}",
    "2018: first round": "2018年：第1回",
}


def write_catalog(path: Path, messages: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        write_po(f, messages)


def write_po_for(root: Path, lang: str, strings: dict[str, str], fuzzy: set[str] = frozenset()) -> Path:
    """locales/<lang>/LC_MESSAGES/messages.po of the tiny project, with these translations."""
    po = Catalog(locale=lang, domain="messages")
    for msgid, msgstr in strings.items():
        po.add(msgid, msgstr, flags=["fuzzy"] if msgid in fuzzy else [])
    path = root / "locales" / lang / "LC_MESSAGES" / "messages.po"
    write_catalog(path, po)
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """words/site.toml and words/figures/f.toml, their template, and a complete Japanese catalog."""
    (tmp_path / "words" / "figures").mkdir(parents=True)
    (tmp_path / "words" / "site.toml").write_text(SITE, encoding="utf-8")
    (tmp_path / "words" / "figures" / "f.toml").write_text(FIGURE, encoding="utf-8")
    write_catalog(tmp_path / "locales" / "messages.pot", catalog(entries(tmp_path)))
    write_po_for(tmp_path, "ja", GOOD)
    return tmp_path
