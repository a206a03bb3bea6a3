"""A figure card's content, computed once as plain values: the app's card (ui/card.py) and the static page
(publish/templates/figure.html) only lay it out, so they show the same words.

Every string is text (Streamlit escapes it as Markdown, Jinja as HTML); every link has passed shaping.text.safe_url.
What few readers open (notes, quotes, "Where it says so", citations) is computed on first use (cached_property), so a
page of cards builds none of it until a reader opens it.
"""

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from urllib.parse import urlparse

import pandas as pd

import i18n
from core.package_check import PackageCheck
from figures.figure import Figure, row_notes
from figures.finished import Finished
from i18n import quote_language
from shaping.citations import (
    EDITIONS_SEPARATOR,
    SOURCES_SEPARATOR,
    bibtex_figure,
    bibtex_source,
    figure_citation,
    list_joins,
    plain_source_citation,
    producer_parts,
)
from shaping.evidence import held_text, quote_groups, quotes_for, row_labels, unread_columns
from shaping.numbers import clauses, listed
from shaping.text import safe_url
from shaping.vocabulary import Vocabulary
from shaping.words import caveats, locator_language, phrase, phrase_n, say

POINTS_IN_ALT = 40


def _made(items):
    return items() if callable(items) else items


def alt_text(figure: Figure) -> str:
    """Alt text from the data: title, subtitle, summary and every point shown (the first 40)."""
    points = clauses(figure.points[:POINTS_IN_ALT])
    more = len(figure.points) - POINTS_IN_ALT
    if more > 0:
        points = phrase_n("alt.more", more, points=points, count=more)
    values = {"title": figure.title, "summary": figure.summary, "points": points}
    if figure.subtitle:
        return phrase("alt.text_subtitle", subtitle=figure.subtitle, **values)
    return phrase("alt.text", **values)


@dataclass
class CardContent:
    """What one card shows for one view. `url` is the view's address (None: not known; citations then say so)."""

    finished: Finished
    check: PackageCheck
    url: str | None
    today: date
    version: str = ""  # the data package's version, named in the primary citation

    @property
    def figure(self) -> Figure:
        return self.finished.figure

    @property
    def key(self) -> str:
        return self.figure.key

    @property
    def title(self) -> str:
        return self.figure.title

    @property
    def subtitle(self) -> str:
        return self.figure.subtitle

    @property
    def summary(self) -> str:
        return self.figure.summary

    @property
    def interval_note(self) -> str:
        """A plain-words line on what a drawn 95% interval means, wherever one is drawn: intervals derived here also
        say that they ignore the survey's design."""
        if self.figure.interval_note:
            return self.figure.interval_note
        rows = self.figure.rows
        kinds = set(rows["interval"].dropna()) if "interval" in rows else set()
        if "derived_ci95" in kinds:
            return say("chart.interval_explainer")
        if "ci_low" in rows and rows["ci_low"].notna().any():  # ratios: a bar across 1 is said to mean what it may
            return say("chart.ratio_interval_explainer")
        if kinds & {"published_ci95", "range"}:
            return say("chart.published_interval_explainer")
        return ""

    @cached_property
    def alt(self) -> str:
        return alt_text(self.figure)

    @cached_property
    def source_links(self) -> list[dict]:
        """The source line as producers, each with its editions, and the words around them in the reader's language:
        [{'before', 'producer', 'open', 'editions': [{'label', 'url', 'after'}], 'close', 'after'}] ('after': the
        separator before the next one, '; ' or ', ' in English, '、' in Japanese; '' after the last)."""
        before, opening, closing = producer_parts()
        groups = self.finished.citations
        between = list_joins(len(groups), SOURCES_SEPARATOR)
        return [
            {
                "before": before,
                "producer": name,
                "open": opening,
                "editions": [
                    {"label": label, "url": safe_url(url), "after": after}
                    for (label, url), after in zip(editions, list_joins(len(editions), EDITIONS_SEPARATOR), strict=True)
                ],
                "close": closing,
                "after": after,
            }
            for (name, editions), after in zip(groups, between, strict=True)
        ]

    @property
    def source_label(self) -> str:
        one = len(self.source_links) == 1 and len(self.source_links[0]["editions"]) == 1
        return say("card.source" if one else "card.sources")

    @property
    def source_heading(self) -> str:
        """The label before the source line with the language's own colon: 'Sources: ', '出典：'."""
        return i18n.labelled(self.source_label, "", i18n.current())

    @property
    def unread(self) -> tuple[str, ...]:
        return self.finished.unread or ()

    @property
    def evidence_available(self) -> bool:
        return not self.check.problems.get("evidence")

    @cached_property
    def notes(self) -> dict:
        """Concepts, each row's method, sample and uncertainty, extra notes, caveats and source types."""
        vocab = Vocabulary.of(self.check)
        texts = caveats()
        types = sorted({vocab.label("sources", "source_type", t) for t in self.finished.used["source_type"]})
        return {
            "concepts": [tuple(vocab.concept(c)[["label", "definition"]]) for c in dict.fromkeys(self.figure.concepts)],
            "rows": row_notes(self.figure),
            "extra": list(self.figure.extra_notes),
            "caveats": [texts[k] for k in self.figure.caveats],
            "source_types": types,
            "source_types_listed": listed(types),  # 支援団体、研究機関: the reader's list, never ', ' in Japanese
        }

    @cached_property
    def how_made(self) -> list[tuple[str, list[str]]]:
        return _made(self.figure.how_made)

    @cached_property
    def quotes(self) -> list[str]:
        return _made(self.figure.quotes)

    @cached_property
    def evidence(self) -> list[dict]:
        """'Where it says so': per row shown, each quote once with the figures it holds, its page and locator."""
        if not self.evidence_available:
            return []
        figure = self.figure
        labels = row_labels(figure.rows, figure.row_label_column)
        grouped: list[dict] = []
        for group in quote_groups(quotes_for(figure.rows, self.check.table("evidence"))):
            if not grouped or grouped[-1]["row_id"] != group["row_id"]:
                grouped.append(
                    {"row_id": group["row_id"], "label": labels.get(group["row_id"], group["row_id"]), "quotes": []}
                )
            if group["quote"] is None:
                missing = unread_columns(group["figures"], group["table"])
                grouped[-1]["quotes"].append({"found": False, "columns": missing, "notes": " ".join(group["notes"])})
                continue
            grouped[-1]["quotes"].append(
                {
                    "found": True,
                    "held": held_text(group["figures"], group["table"]),
                    "locator": str(group["locator"]),
                    "locator_lang": locator_language(str(group["locator"])),
                    "host": urlparse(group["url"]).hostname or "",
                    "url": safe_url(group["url"]),
                    "checked": group["checked"].date().isoformat(),
                    "quote": str(group["quote"]),
                    "quote_en": str(group["quote_en"]) if pd.notna(group["quote_en"]) else None,
                    "lang": quote_language(str(group["quote"]), translated=pd.notna(group["quote_en"])),
                    "notes": " ".join(group["notes"]),
                }
            )
        return grouped

    @property
    def evidence_count(self) -> int:
        return sum(1 for row in self.evidence for q in row["quotes"] if q["found"])

    @cached_property
    def citation(self) -> dict:
        """The one citation a reader needs first: this figure, its view's URL, the data version and the date."""
        title = phrase("citations.data_version", title=self.title, version=self.version) if self.version else self.title
        return {
            "text": figure_citation(title, self.url, self.today),
            "bibtex": bibtex_figure(title, self.url, self.today, self.key),
        }

    @cached_property
    def source_citations(self) -> list[dict]:
        return [
            {"text": plain_source_citation(s), "bibtex": bibtex_source(s)} for _, s in self.finished.used.iterrows()
        ]

    def words(self) -> list[str]:
        """Every sentence of the card a reader can read (with its expanders open): what the app and the static page
        must both show."""
        found = [self.title, self.subtitle, self.summary, self.interval_note, self.citation["text"]]
        found += [n for n in self.notes["extra"]] + self.notes["caveats"] + self.quotes
        found += [c["text"] for c in self.source_citations]
        return [w for w in found if w]
