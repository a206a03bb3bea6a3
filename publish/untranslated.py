"""What a build showed in English: the words with no translation (a recorder behind each language's catalog), and the
data's own English text (row notes, notes on the quotes) that each language's reader meets, marked, on its pages."""

import gettext
from collections.abc import Mapping, Sequence
from datetime import date

import i18n
from core.package_check import PackageCheck
from figures.card import CardContent
from figures.finished import Finished
from figures.in_english import MARKED, english_counts


class MissedWords(gettext.NullTranslations):
    """The last fallback of a language's catalog: what it is asked for has no translation and is shown in English;
    it keeps those words so the build can say which."""

    def __init__(self) -> None:
        super().__init__()
        self.words: set[str] = set()

    def gettext(self, message: str) -> str:
        if message.strip():
            self.words.add(message)
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        self.words.add(singular)
        return singular if n == 1 else plural

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)


# The recorder added behind each catalog object, by its id (the object kept too, so the id is never reused).
_RECORDERS: dict[int, tuple[gettext.NullTranslations, MissedWords]] = {}


def missed_words(lang: str) -> MissedWords:
    """The recorder behind a language's catalog (added once per catalog object; English has no catalog to miss)."""
    catalog = i18n.translator(lang)
    if id(catalog) not in _RECORDERS:
        _RECORDERS[id(catalog)] = (catalog, MissedWords())
        catalog.add_fallback(_RECORDERS[id(catalog)][1])
    return _RECORDERS[id(catalog)][1]


def report(missing: dict[str, list[str]]) -> str:
    """What a build tells its maintainer: per language, the words shown in English, each on a line."""
    lines = []
    for lang, words in missing.items():
        lines.append(
            f"{lang}: {len(words)} {'word' if len(words) == 1 else 'words'} with no translation "
            f"in locales/{lang}/LC_MESSAGES/messages.po, shown in"
            " English (`make translations` adds them; `python -m i18n.check` lists them with file and line):"
        )
        lines += [f"  {text[:100]!r}" for text in words]
    return "\n".join(lines)


def data_in_english(shown: Mapping[str, Sequence[Finished]], check: PackageCheck) -> dict[str, dict[str, int]]:
    """Per language, how many distinct data texts of each kind its edition's figures show in English (their cards as
    the pages lay them out, in that language)."""
    counts = {}
    for lang, finished in shown.items():
        with i18n.language(lang):
            cards = [CardContent(f, check, None, date.today()) for f in finished]
            counts[lang] = english_counts({lang: cards})[lang]
    return counts


def english_report(counts: Mapping[str, Mapping[str, int]]) -> str:
    """What a build tells its maintainer about the data's English: per language other than English, how many distinct
    texts of each kind its reader meets (notes marked lang="en" and "(in English)" on the pages; derivations inside
    sentences, unmarked). A translated note would need a note_<lang> column."""
    lines = []
    for lang, kinds in counts.items():
        if lang == i18n.DEFAULT:
            continue
        marked = ", ".join(f"{n} {kind}" for kind, n in kinds.items() if kind in MARKED)
        unmarked = ", ".join(f"{n} {kind}" for kind, n in kinds.items() if kind not in MARKED and n)
        lines.append(
            f"{lang}: the data's own English, distinct texts: {marked} (marked as English)"
            + (f"; {unmarked} (inside sentences, unmarked)" if unmarked else "")
        )
    return "\n".join(lines)
