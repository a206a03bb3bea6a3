"""The static edition's addresses and embed code, shared by the app's card (ui/) and the site builder (publish/)."""

from html import escape

from settings import STATIC_EDITION_PATH
from shaping.words import app_title

# What embed.html adds around the chart (title, source link, padding), so the iframe's height is the chart's plus this.
EMBED_FRAME_PX = 110
FILES = ("index.html", "embed.html", "{key}.png", "{key}.svg", "{key}.csv", "{key}.json")


def file_names(key: str) -> list[str]:
    """The six files of one figure's folder, site/figures/<key>/."""
    return [name.format(key=key) for name in FILES]


def edition_root(public_base: str | None) -> str | None:
    """The address the site/ folder is published at, or None when no public address is configured."""
    return public_base + STATIC_EDITION_PATH if public_base else None


def figure_url(public_base: str | None, key: str, name: str = "") -> str | None:
    """The public address of a figure's page (name '') or one of its files, or None without a public address."""
    root = edition_root(public_base)
    return f"{root}figures/{key}/{name}" if root else None


def embed_height(chart_height: int) -> int:
    """The iframe's documented height for a chart of this height (its width follows the page: 100%)."""
    return int(chart_height) + EMBED_FRAME_PX


def _attribute(text: str) -> str:
    """Text for a double-quoted HTML attribute: & < > and " escaped (an apostrophe stays readable)."""
    return escape(text, quote=False).replace('"', "&quot;")


def embed_code(embed_url: str, title: str, height: int) -> str:
    """An <iframe> for a news page: full width, fixed height, lazy, borderless; the title is escaped."""
    return (
        f'<iframe src="{_attribute(embed_url)}" title="{_attribute(app_title() + ": " + title)}" loading="lazy" '
        f'style="width: 100%; height: {int(height)}px; border: 0;"></iframe>'
    )
