"""Short source lines, plain-text citations and BibTeX, for figures and for each source."""

import re
from datetime import date

import pandas as pd

from shaping.words import app_title, phrase, phrase_n

# BibTeX entries are written in English whatever the reader's language (reference managers read their notes as
# data); the plain-text citations say "URL not known" in the reader's language (words/phrases.toml [citations]).
NO_URL = "URL not known"


def source_year(source: pd.Series) -> str:
    """The year a source was published, or 'n.d.'."""
    published = source.get("published")
    return str(published)[:4] if isinstance(published, str) and published else phrase("citations.no_year")


def short_citation(source: pd.Series) -> str:
    """'Cabinet Office of Japan (2010)'."""
    return f"{source['producer']} ({source_year(source)})"


def sources_for(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The sources of the rows shown, in order of first use, each once."""
    ids = list(dict.fromkeys(rows["source_id"].dropna().tolist()))
    indexed = sources.set_index("source_id", drop=False)
    return indexed.loc[[i for i in ids if i in indexed.index]].reset_index(drop=True)


def edition(source: pd.Series) -> str:
    """How one source is told apart from others of the same producer: its publication year, else the year of
    the figure carried in its register-derived id ('2003 figure'), else 'undated'."""
    year = source_year(source)
    if year != phrase("citations.no_year"):
        return year
    match = re.search(r"(19|20)\d\d", str(source["source_id"]))
    return phrase("citations.figure_year", year=match.group(0)) if match else phrase("citations.undated")


def citation_groups(used: pd.DataFrame) -> list[tuple[str, list[tuple[str, str]]]]:
    """Sources grouped by producer in order of first use: [(producer, [(edition, url), ...]), ...]."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for _, source in used.iterrows():
        groups.setdefault(source["producer"], []).append((edition(source), source["url"]))
    return list(groups.items())


def source_line(used: pd.DataFrame) -> str:
    """'Sources: Cabinet Office of Japan (2010, 2016); Valtorta N.K. et al. (2016)' (plain text)."""
    if used.empty:
        return phrase("citations.no_source")
    groups = [
        phrase("citations.producer", producer=producer, editions=", ".join(e for e, _ in editions))
        for producer, editions in citation_groups(used)
    ]
    return phrase_n("citations.line", len(used), sources="; ".join(groups))


def plain_source_citation(source: pd.Series) -> str:
    """A full plain-text citation of one source, with its URL and accessed date."""
    accessed = source["accessed"]
    accessed = accessed.date().isoformat() if hasattr(accessed, "date") else str(accessed)
    return phrase("citations.source", citation=source["citation"], url=source["url"], date=accessed)


def _bibtex_escape(text: object) -> str:
    """BibTeX-safe text: braces and backslashes dropped, special characters escaped."""
    value = "" if text is None or text is pd.NA else str(text)
    for char in "\\{}":
        value = value.replace(char, "")
    for char in "&%$#_":
        value = value.replace(char, "\\" + char)
    return value


def _bibtex(kind: str, key: str, fields: dict[str, str]) -> str:
    """An entry from already-escaped field values."""
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@{kind}{{{key},\n{body}\n}}"


def _url(url: object) -> str:
    return "\\url{" + str(url).replace("{", "").replace("}", "").replace("%", "\\%").replace("#", "\\#") + "}"


def bibtex_source(source: pd.Series) -> str:
    """A BibTeX @misc entry for one source (the producer braced so it is not split into names)."""
    accessed = source["accessed"]
    accessed = accessed.date().isoformat() if hasattr(accessed, "date") else str(accessed)
    key = str(source["source_id"]).replace("-", "_")
    year = source_year(source)
    return _bibtex(
        "misc",
        key,
        {
            "author": "{" + _bibtex_escape(source["producer"]) + "}",
            "title": _bibtex_escape(source["title"]),
            "year": "" if year == phrase("citations.no_year") else year,
            "howpublished": _url(source["url"]),
            "note": _bibtex_escape(f"{source['citation']} Accessed {accessed}."),
        },
    )


def url_or_unknown(view_url: str | None) -> str:
    """The view's URL, or words saying it is not known: a citation never gets an invented address."""
    return view_url or phrase("citations.no_url")


def figure_citation(figure_title: str, view_url: str | None, today: date) -> str:
    """Plain-text citation of one figure of the dashboard, with the URL of the current view (or 'URL not known')."""
    return phrase(
        "citations.figure",
        project=app_title(),
        title=figure_title,
        url=url_or_unknown(view_url),
        date=today.isoformat(),
    )


def bibtex_figure(figure_title: str, view_url: str | None, today: date, key: str) -> str:
    """A BibTeX @misc entry for one figure of the dashboard (no howpublished when the URL is not known)."""
    return _bibtex(
        "misc",
        f"hikikomori_in_numbers_{key.replace('-', '_')}_{today.year}",
        {
            "author": "{" + _bibtex_escape(app_title()) + "}",
            "title": _bibtex_escape(figure_title),
            "year": str(today.year),
            "howpublished": _url(view_url) if view_url else "",
            "note": f"Accessed {today.isoformat()}" if view_url else f"{NO_URL}. Accessed {today.isoformat()}",
        },
    )


def dashboard_citation(view_url: str | None, today: date) -> str:
    """Plain-text citation of the dashboard as a whole."""
    return phrase("citations.dashboard", project=app_title(), url=url_or_unknown(view_url), date=today.isoformat())


def bibtex_dashboard(view_url: str | None, today: date) -> str:
    """BibTeX @misc entry for the dashboard as a whole (no howpublished when the URL is not known)."""
    return _bibtex(
        "misc",
        f"hikikomori_in_numbers_{today.year}",
        {
            "author": "{" + _bibtex_escape(app_title()) + "}",
            "title": _bibtex_escape(f"{app_title()}: cited estimates of social withdrawal"),
            "year": str(today.year),
            "howpublished": _url(view_url) if view_url else "",
            "note": f"Dashboard and data package. {'' if view_url else NO_URL + '. '}Accessed {today.isoformat()}",
        },
    )
