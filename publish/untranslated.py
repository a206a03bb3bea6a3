"""Which words a build showed in English for want of a translation: a recorder behind each language's catalog."""

import gettext

import i18n


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
            f"{lang}: {len(words)} word(s) with no translation in locales/{lang}/LC_MESSAGES/messages.po, shown in"
            " English (`make translations` adds them; `python -m i18n.check` lists them with file and line):"
        )
        lines += [f"  {text[:100]!r}" for text in words]
    return "\n".join(lines)
