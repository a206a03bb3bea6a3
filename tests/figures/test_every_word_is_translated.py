"""Pseudo-localisation: with a translator that wraps every words-file template in ⟦ ⟧, every piece of prose a figure
shows (its card and its chart) is marked, unless it is the data's own words (a label, quote or note of the package's
CSVs). An English phrase left in Python code shows up unmarked, so a translated edition would show it in English."""

import csv
import re
from datetime import date
from pathlib import Path

import pytest

import shaping.words
from figures import catalog
from figures.card import CardContent
from figures.finished import finish
from loaders.tables import check_package
from tests.conftest import REAL_DATA, VALID

OPEN, CLOSE = "⟦", "⟧"
CODE = re.compile(r"[a-z0-9_]+")
ROW_ID = re.compile(
    r"[a-z]+(?:-[a-z0-9]+)+"
)  # h-luchetti-2024  # a code value of the data (people, derived_ci95): never a reader's word
# Known words still in code outside shaping/ and figures/' words layer, each with where it is; remove one when its
# file fills it from the words files.
ELSEWHERE: set[str] = set()
# shaping/numbers.py's words around a number ('about 44,000', '1.46 million', 'aged 15–39', 'under 25', 'of all
# ages'): numbers are formatted by the language's number rules (i18n.count, i18n.age_band), not by the words files.
NUMBER_WORDS = re.compile(
    r"\b(about|at least|more than|almost|up to|million|M|aged|under|of all ages|all ages|n\.d\.)\b|\d[\d,.\s%–+×÷≈→-]*"
)
# Plotly's template syntax, markup and a Markdown link's address: not words (a tag, a line break, separates words).
SYNTAX = re.compile(r"%\{[^}]*\}|<[^<>]+>|&[a-z]+;|\]\([^)]*\)")
# Where one value of the data meets the next inside a sentence or a label.
SEPARATORS = re.compile(r" · |: |; |, | \(|\)|\(|\n| → | – | — |“|”|«|»|\"|'")


def marking(monkeypatch) -> None:
    """Every template the words files give (one form of a plural too) comes back wrapped in ⟦ ⟧."""
    monkeypatch.setattr(shaping.words, "translate", lambda text: f"{OPEN}{text}{CLOSE}")
    monkeypatch.setattr(shaping.words, "plural", lambda one, other, n: f"{OPEN}{one if n == 1 else other}{CLOSE}")


def unmarked(text: str) -> str:
    """What is left of a text outside every ⟦ ⟧ (nested ones too), with the data's values still in it."""
    depth, kept = 0, []
    for char in text:
        if char == OPEN:
            depth += 1
            kept.append(" ")  # a marked template separates what stands before and after it
        elif char == CLOSE:
            depth -= 1
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


class DataWords:
    """The words the data brings: every cell of the package's CSVs (labels, names, quotes, notes; not its codes), and
    the words of its ids (a study is named from its source id: 'h-luchetti-2024' -> 'Luchetti 2024')."""

    def __init__(self, cells: list[str], labels: list[str] = ()):
        texts = {c.strip() for c in cells if re.search(r"[A-Za-z]", c) and not CODE.fullmatch(c.strip())}
        texts |= {c.strip() for c in labels if c.strip()}  # a label is a reader's word even when it looks like a code
        self.cells = sorted(texts, key=len, reverse=True)  # the longest first: a label before a word inside it
        ids = [c for c in cells if ROW_ID.fullmatch(c) and re.search(r"\d", c)]
        self.id_words = {part for c in ids for part in c.split("-")}
        self.text = "\n" + "\n".join(self.cells).lower()

    @classmethod
    def of(cls, folder: Path) -> "DataWords":
        cells, labels = [], []
        for path in sorted(folder.glob("*.csv")):
            with path.open(encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    cells += [v for v in row.values() if isinstance(v, str)]
                    labels += [v for k, v in row.items() if k and "label" in k and isinstance(v, str)]
        return cls(cells, labels)

    def without(self, text: str) -> str:
        """The text with every cell of the data it holds taken out."""
        for cell in self.cells:
            if len(cell) <= len(text) and cell in text:
                text = text.replace(cell, "\n")
        return text

    def holds(self, piece: str) -> bool:
        """A word of an id, or the opening of a cell (a quote cut short with '…', a note's first words)."""
        words = piece.lower().split()
        return all(w in self.id_words for w in words) or f"\n{piece.lower().rstrip('…').strip()}" in self.text


def untranslated(text: str, data: DataWords) -> list[str]:
    """The pieces of a text that are neither marked nor the data's words nor numbers: an English phrase from code."""
    rest = data.without(
        " ".join(SYNTAX.sub(lambda m: " " if m.group(0) == "<br>" else "\n", unmarked(text)).split(" "))
    )
    found = []
    for piece in SEPARATORS.split(rest):
        piece = piece.strip(" .,;:")
        words = NUMBER_WORDS.sub(" ", piece).strip(" .,;:…")
        if not re.search(r"[A-Za-z]{2,}", words) or piece in ELSEWHERE or data.holds(piece):
            continue
        if not data.holds(" ".join(words.split())):
            found.append(piece)
    return found


def chart_texts(chart) -> list[str]:
    """The prose of a chart: titles, axis titles, legend names, annotations, hover templates and point texts."""
    layout = chart.layout
    texts = [layout.title.text, layout.xaxis.title.text, layout.yaxis.title.text]
    texts += [a.text for a in layout.annotations]
    for trace in chart.data:
        if trace.showlegend is not False:
            texts.append(trace.name)
        texts.append(getattr(trace, "hovertemplate", None))
        values = getattr(trace, "text", None)
        texts += list(values) if isinstance(values, list | tuple) else [values]
        custom = getattr(trace, "customdata", None)
        if custom is not None:
            texts += [str(c) for row in custom for c in (row if isinstance(row, list | tuple) else [row])]
    return [str(t) for t in texts if t]


def card_texts(content: CardContent) -> list[str]:
    """Every sentence of the card a reader can read, its expanders open."""
    notes = content.notes
    texts = [*content.words(), content.alt, content.source_label, content.finished.source_line]
    texts += [text for row in notes["rows"] for text in (row["label"], row["facts"], row["note"])]
    texts += [label for pair in notes["concepts"] for label in pair] + notes["source_types"]
    texts += [step for _, steps in content.how_made for step in steps]
    texts += [quote["held"] for row in content.evidence for quote in row["quotes"] if quote.get("held")]
    texts += list(content.figure.table_columns.values())
    return [str(t) for t in texts if t]


@pytest.fixture(params=["fixture", "bundled"])
def package(request) -> Path:
    return VALID if request.param == "fixture" else REAL_DATA


def test_every_sentence_of_every_figure_comes_from_the_words_files(monkeypatch, package):
    check = check_package(package)  # validated afresh: shaped rows cached for another language would hide a miss
    data = DataWords.of(package)
    marking(monkeypatch)
    problems = {}
    for entry in catalog(check):
        figure = entry.build(check)
        if figure is None:
            continue
        content = CardContent(finish(figure, check), check, url=None, today=date(2026, 12, 7), version="0.3.0")
        for text in card_texts(content) + chart_texts(content.finished.chart):
            if left := untranslated(text, data):
                problems.setdefault(entry.key, {})[text[:90]] = left
    assert not problems, problems


def test_the_check_finds_an_english_phrase_left_in_code(monkeypatch):
    """The check itself: an unmarked sentence is reported, marked text and the data's words are not."""
    data = DataWords(
        ["Cabinet Office of Japan", "hikikomori (broad)", "Counted by people who live with them", "h-x-2024", "people"]
    )
    assert untranslated("Source: Cabinet Office of Japan (2010)", data) == ["Source"]
    assert untranslated(f"{OPEN}Source: {{sources}}{CLOSE}".replace("{sources}", "Cabinet Office of Japan"), data) == []
    assert untranslated(f"{OPEN}Japan{CLOSE} · hikikomori (broad) · 15–39 · 2022", data) == []
    assert untranslated("about 44,000 people aged 15–39", data) == ["about 44,000 people aged 15–39"]
    assert untranslated("X 2024: Counted by people…", data) == []  # a study named from its id; a quote cut short
    assert untranslated("hikikomori<br>(broad) · 2.05%", data) == []  # a label wrapped over two lines
    assert untranslated("people", data) == ["people"]  # one word of a quote is not the data's words
