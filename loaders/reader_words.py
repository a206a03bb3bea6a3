"""Reader-facing text must be written for readers: refuse a checker's working language in the columns readers see
(a checker's notes belong in evidence.csv's checker_note, which no page, image or download shows)."""

import re
from collections.abc import Callable

import pandas as pd

from core.model import LINE_COLUMN
from core.problems import Problem

Rule = Callable[[pd.DataFrame, str], list[Problem]]

_URL = re.compile(r"https?://\S+")
# (pattern, what it is): words that belong to a checker's working notes, never to a reader's.
WORKING_WORDS = (
    (re.compile(r"\bshould become\b", re.I), "should become"),
    (re.compile(r"\bproposed\b", re.I), "proposed"),
    (re.compile(r"\bfixed in\b", re.I), "fixed in"),
    (re.compile(r"\bHEAD\b"), "HEAD"),
    (re.compile(r"commit", re.I), "commit"),
    (re.compile(r"\bworking[- ]tree\b", re.I), "working tree"),
    (re.compile(r"\bmain\b", re.I), "main"),
    (re.compile(r"(?<!resident )\bregister\b", re.I), "register"),
    (re.compile(r"\baudit", re.I), "audit"),
    (re.compile(r"(?<![\w:/.])(?:/[\w.~-]+){2,}|\b[\w-]+\.(?:csv|md|py|json|toml)\b"), "a file path"),
)


def working_words(text: str) -> list[str]:
    """The working-language words a reader's text holds ('should become', 'HEAD', a file path...), in list order."""
    text = _URL.sub(" ", text)
    return [name for pattern, name in WORKING_WORDS if pattern.search(text)]


def plain_words(*columns: str, where: str = "a checker's note in evidence.csv") -> Rule:
    """A rule for columns readers see: a problem per cell using working language, naming it and where it belongs."""

    def rule(frame: pd.DataFrame, shown_as: str) -> list[Problem]:
        found = []
        for column in columns:
            filled = frame[frame[column].notna()]
            for line, text in zip(filled[LINE_COLUMN].tolist(), filled[column].tolist(), strict=True):
                if words := working_words(str(text)):
                    message = (
                        f"readers see {column}, but it uses a checker's working language ({', '.join(words)}): "
                        f"say it in plain words for a reader, and move the working note to {where}"
                    )
                    found.append(Problem(shown_as, int(line), column, message))
        return found

    return rule
