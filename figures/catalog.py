"""Every figure the dashboard can show, from the builders' own declarations (figures.figure.declare), in page order.

A figure is declared once, on its builder: its key (the name of its words file, words/figures/<key>.toml), its page,
its controls and their defaults. Its words (title, subtitle, notes, annotations, caveats) are data in that file. Every
module of this package is imported here, so a new builder module needs no list of modules updated anywhere.
"""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

import figures
from core.package_check import PackageCheck
from core.paths import data_dir
from figures import claims
from figures.figure import DECLARED, Declared, Figure
from shaping.words import figure_words, pages


def _import_builders() -> None:
    """Import every module of the figures package (in name order): their @declare decorators fill DECLARED."""
    for module in pkgutil.iter_modules(figures.__path__):
        if not module.name.startswith("_") and module.name != __name__.rsplit(".", 1)[1]:
            importlib.import_module(f"{figures.__name__}.{module.name}")


_import_builders()


@dataclass(frozen=True)
class Entry:
    """One figure: `build(check)` makes it at its default parameters, `build(check, measure="count")` at others."""

    key: str  # stable: the card's anchor, its CSV's file name, a URL fragment
    page: str  # the url path of its page (words/pages.toml)
    title: str  # at the default parameters
    builder: Callable[..., Figure | None]
    params: dict = field(default_factory=dict)  # the builder's default parameters
    query: dict = field(default_factory=dict)  # the link parameters of the view that shows it by default
    controls: tuple = ()  # figures.params.Control, drawn above it on its page
    words: str = ""  # its words file's key (a claim's figure shares its family's)

    def build(self, check: PackageCheck, **params) -> Figure | None:
        return self.builder(check, **{**self.params, **params})

    def link(self) -> str:
        """The path of the view that shows it, with its anchor: 'claims?claims_page=2#claim-c-jp-10k-counts'."""
        return self.page + ("?" + urlencode(self.query) if self.query else "") + "#" + self.key


def _title(declared: Declared, params: dict) -> str:
    """The title at these parameters, read from the words file (a title varying with a control picks that value)."""
    words = figure_words(declared.key)
    title = words.data["title"]
    if isinstance(title, str):
        return words.text("title")
    choice = next(str(v) for v in params.values() if str(v) in title)
    return words.text("title", choice)


def _entries(declared: Declared, check: PackageCheck) -> list[Entry]:
    if declared.expand is None:
        title = _title(declared, declared.params)
        return [
            Entry(
                declared.key,
                declared.page,
                title,
                declared.builder,
                dict(declared.params),
                {},
                declared.controls,
                declared.key,
            )
        ]
    quotes = check.table("claims").set_index("claim_id")["quote"]
    return [
        Entry(
            key,
            declared.page,
            claims.title(quotes[params["claim_id"]], params["kind"]),
            declared.builder,
            params,
            query,
            declared.controls,
            declared.key,
        )
        for key, params, query in declared.expand(check)
    ]


def catalog(check: PackageCheck | None = None, page: str | None = None) -> list[Entry]:
    """Every figure the dashboard can show (or one page's), page by page in navigation order (the data folder's package
    by default); within a page in declaration order, and a family's figures (one per claim) in its rows' order. Only
    the tables of the figures listed are read: a page's figures are listed when another page's tables have problems."""
    if check is None:
        from loaders.tables import check_package  # the validator, loaded only when no check is given

        check = check_package(data_dir())
    order = [p.url for p in pages()]
    listed = [
        entry for declared in DECLARED.values() if page in (None, declared.page) for entry in _entries(declared, check)
    ]
    families = any(e.words != e.key for e in listed)
    claim_order = {c: i for i, c in enumerate(check.table("claims")["claim_id"])} if families else {}
    return sorted(listed, key=lambda e: (order.index(e.page), claim_order.get(e.params.get("claim_id"), -1)))


def word_placeholders() -> dict[str, dict]:
    """Each declared figure's words key with the values its builder fills into each template (for the words check)."""
    return {key: declared.placeholders for key, declared in DECLARED.items()}


def on_page(url: str, check: PackageCheck) -> list[Entry]:
    """The figures declared for a page, in order."""
    return catalog(check, url)
