"""The static edition's addresses and embed code, shared by the app's card (ui/) and the site builder (publish/)."""

import json
from html import escape
from unicodedata import east_asian_width
from urllib.parse import urlsplit

from settings import STATIC_EDITION_PATH
from shaping.words import app_title

# What embed.html adds around the chart, for the iframe's height before the embed says its own (or when the page it is
# pasted in strips the embed code's script): margins, the title's lines and the source line's with the link back, as
# they wrap in a phone's column (about 320 px: TITLE_UNITS and FOOT_UNITS narrow characters a line, a wide one, as
# in Japanese or Korean, counting two), at embed.html's line heights (site.css).
EMBED_MARGINS_PX, TITLE_LINE_PX, FOOT_LINE_PX = 20, 23, 20
TITLE_UNITS, FOOT_UNITS = 32, 48
LINK_LINES = 2
FILES = ("index.html", "embed.html", "{key}.png", "{key}.svg", "{key}.csv", "{key}.json")


def file_names(key: str) -> list[str]:
    """The six files of one figure's folder, site/figures/<key>/."""
    return [name.format(key=key) for name in FILES]


def language_folder(lang: str) -> str:
    """Where a language's edition sits in site/: English at its root, the others in ja/, ko/, it/."""
    return "" if lang == "en" else f"{lang}/"


def edition_root(public_base: str | None, lang: str = "en") -> str | None:
    """The address the site/ folder (or a language's edition in it) is published at, or None when no public address
    is configured."""
    return public_base + STATIC_EDITION_PATH + language_folder(lang) if public_base else None


def figure_url(public_base: str | None, key: str, name: str = "", lang: str = "en") -> str | None:
    """The public address of a figure's page (name '') or one of its files, in a language's edition, or None without
    a public address."""
    root = edition_root(public_base, lang)
    return f"{root}figures/{key}/{name}" if root else None


def _lines(text: str, units: int) -> int:
    """About how many lines a text wraps into at `units` narrow characters a line (a wide character counts two)."""
    width = sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)
    return max(1, -(-width // units))


def embed_height(chart_height: int, title: str, sources: str) -> int:
    """The iframe's height for a chart of this height, its title and its source line, as a phone shows them (its
    width follows the page: 100%); wider columns wrap fewer lines, so this height holds the whole view at any width."""
    return (
        int(chart_height)
        + EMBED_MARGINS_PX
        + TITLE_LINE_PX * _lines(title, TITLE_UNITS)
        + FOOT_LINE_PX * (_lines(sources, FOOT_UNITS) + LINK_LINES)
    )


def _attribute(text: str) -> str:
    """Text for a double-quoted HTML attribute: & < > and " escaped (an apostrophe stays readable)."""
    return escape(text, quote=False).replace('"', "&quot;")


def _script_string(text: str) -> str:
    """A JavaScript string literal safe inside an HTML <script>: JSON, with < > & as \\u escapes (never a tag)."""
    return json.dumps(text).replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


# The embed page (publish/static/site.js) posts {HEIGHT_MESSAGE: its height in px} to the page framing it whenever
# that height changes; the embed code's script sets the height of the frame that sent it, if it came from the
# edition's own origin. A page that strips scripts keeps the iframe's own height.
HEIGHT_MESSAGE = "hikikomori-in-numbers-height"
RESIZE_SCRIPT = (
    '<script>addEventListener("message",function(e){{var h=e.data&&e.data["{key}"];'
    'if(e.origin!=={origin}||typeof h!=="number")return;'
    '[].forEach.call(document.getElementsByTagName("iframe"),function(f){{'
    'if(f.contentWindow===e.source)f.style.height=Math.min(Math.max(Math.ceil(h),100),20000)+"px"}})}})</script>'
)


def embed_code(embed_url: str, title: str, height: int) -> str:
    """An <iframe> for a news page (full width, lazy, borderless; the title escaped) with the height its view needs
    before the embed has said so, and the small script that then keeps the frame's height to its view's."""
    parts = urlsplit(embed_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    return (
        f'<iframe src="{_attribute(embed_url)}" title="{_attribute(app_title() + ": " + title)}" loading="lazy" '
        f'style="width: 100%; height: {int(height)}px; border: 0;"></iframe>'
        + RESIZE_SCRIPT.format(key=HEIGHT_MESSAGE, origin=_script_string(origin))
    )
