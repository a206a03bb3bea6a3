"""What a figure's static page says, as plain values for the templates: notes, quotes, citations and links.

Every string here is text (the templates escape it); every link has passed shaping.text.safe_url. The card (ui/card.py)
says the same things through Streamlit; this module reads the same builders' Figure and the same shaping functions.
"""

from datetime import date
from urllib.parse import urlparse

import pandas as pd

from figures.figure import Figure, row_notes
from shaping.citations import bibtex_figure, bibtex_source, citation_groups, figure_citation, plain_source_citation
from shaping.evidence import held_text, quote_groups, quotes_for, row_labels, unread_columns, unread_rows
from shaping.text import safe_url
from shaping.vocabulary import Vocabulary
from shaping.words import caveats


def _made(items):
    return items() if callable(items) else items


def alt_text(figure: Figure) -> str:
    """Alt text from the data: title, summary and every point shown (as the card's)."""
    points = "; ".join(figure.points[:40])
    more = f"; and {len(figure.points) - 40} more" if len(figure.points) > 40 else ""
    return f"Chart: {figure.title}. {figure.summary} Points: {points}{more}."


def source_links(used: pd.DataFrame) -> list[dict]:
    """The source line as producers, each with its editions: [{'producer', 'editions': [{'label', 'url'}]}]."""
    return [
        {"producer": producer, "editions": [{"label": label, "url": safe_url(url)} for label, url in editions]} for producer, editions in citation_groups(used)
    ]


def notes(figure: Figure, used: pd.DataFrame, vocab: Vocabulary) -> dict:
    """Concepts, each row's method, sample and uncertainty, extra notes, caveats and source types."""
    rows = row_notes(figure)
    return {
        "concepts": [tuple(vocab.concept(c)[["label", "definition"]]) for c in dict.fromkeys(figure.concepts)],
        "rows": rows,
        "extra": list(figure.extra_notes),
        "caveats": [caveats()[k] for k in figure.caveats],
        "how_made": _made(figure.how_made),
        "quotes": _made(figure.quotes),
        "source_types": sorted({vocab.label("sources", "source_type", t) for t in used["source_type"]}),
    }


def evidence(figure: Figure, table: pd.DataFrame | None) -> dict:
    """'Where it says so': each quote once with the figures it holds, per row shown; rows no readable page holds."""
    if table is None:
        return {"available": False, "rows": [], "unread": []}
    labels = row_labels(figure.rows, figure.row_label_column)
    unread = set(unread_rows(figure.rows, table))
    grouped: list[dict] = []
    for group in quote_groups(quotes_for(figure.rows, table)):
        if not grouped or grouped[-1]["row_id"] != group["row_id"]:
            grouped.append({"row_id": group["row_id"], "label": labels.get(group["row_id"], group["row_id"]), "quotes": []})
        if group["quote"] is None:
            grouped[-1]["quotes"].append({"found": False, "columns": unread_columns(group["figures"], figure.table_columns), "notes": " ".join(group["notes"])})
            continue
        held = held_text(group["figures"], figure.table_columns)
        grouped[-1]["quotes"].append(
            {
                "found": True,
                "held": held,
                "locator": str(group["locator"]),
                "host": urlparse(group["url"]).hostname or "",
                "url": safe_url(group["url"]),
                "checked": group["checked"].date().isoformat(),
                "quote": str(group["quote"]),
                "quote_en": str(group["quote_en"]) if pd.notna(group["quote_en"]) else None,
                "notes": " ".join(group["notes"]),
            }
        )
    return {"available": True, "rows": grouped, "unread": [labels[i] for i in labels if i in unread]}


def citations(figure: Figure, used: pd.DataFrame, url: str | None, today: date) -> dict:
    """The figure's citation (text and BibTeX, with its canonical URL or 'URL not known') and each source's."""
    return {
        "text": figure_citation(figure.title, url, today),
        "bibtex": bibtex_figure(figure.title, url, today, figure.key),
        "sources": [{"text": plain_source_citation(s), "bibtex": bibtex_source(s)} for _, s in used.iterrows()],
    }
