"""Short source lines, plain-text citations and BibTeX, for figures and for each source."""

import re
import unicodedata
from datetime import date

import pandas as pd

import i18n
from core.model import producer_name_column
from shaping.numbers import listed
from shaping.words import app_title, phrase, phrase_n

# BibTeX entries are written in English whatever the reader's language (reference managers read their notes as
# data); the plain-text citations say "URL not known" in the reader's language (words/phrases.toml [citations]).
NO_URL = "URL not known"

# The scripts each reader language is written in (the start of a letter's Unicode name): a producer's own-language
# name (sources.csv producer_original) is shown to the readers who can read it; others read the name a page in their
# language uses (producer_names.csv), else the English producer.
SCRIPTS = {"ja": ("CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA"), "ko": ("HANGUL",), "it": ("LATIN",)}
# Between sources, and between one producer's editions, in English: the sources' own commas need the semicolon.
SOURCES_SEPARATOR, EDITIONS_SEPARATOR = "; ", ", "
MARK = "\x00"  # a placeholder no words file writes: where a part goes in a filled sentence (quoting, list_joins)


def script_of(name: str) -> str:
    """The script a name is written in: its first letter outside the Latin alphabet (内閣府: CJK, 국무조정실: HANGUL),
    else LATIN (Istituto Superiore di Sanità); '' when it has no letter."""
    scripts = [unicodedata.name(c, "").split(" ")[0] for c in name if c.isalpha()]
    return next((s for s in scripts if s != "LATIN"), "LATIN" if scripts else "")


def producer(source: pd.Series) -> str:
    """Who produced a source, as the reader should read it: the producer's own-language name (producer_original)
    for a reader whose language is written in its script (内閣府 for a Japanese reader), else the name a page in the
    reader's language gives it (producer_names.csv: 国務調整室 for a Japanese reader of 국무조정실, 일본 내각부 for
    a Korean reader), else the English name (an English reader; a journal's authors; an institution no page in the
    reader's language names)."""
    lang = i18n.current()
    original = source.get("producer_original")
    if isinstance(original, str) and original.strip() and script_of(original) in SCRIPTS.get(lang, ()):
        return original.strip()
    named = source.get(producer_name_column(lang))
    return named.strip() if isinstance(named, str) and named.strip() else str(source["producer"])


def list_joins(count: int, english_separator: str) -> list[str]:
    """What follows each of `count` listed items in the reader's language (shaping.numbers.listed), for a template
    that puts links between them: ['; ', '; ', ''] in English, ['、', '、', ''] in Japanese, [', ', ' e ', ''] in
    Italian ('' after the last)."""
    if count < 2:
        return [""] * count
    text = listed([f"{MARK}{i}{MARK}" for i in range(count)], english_separator)
    return [*re.split(f"{MARK}\\d+{MARK}", text)[1:-1], ""]


def producer_parts() -> tuple[str, str, str]:
    """The words around a producer and its editions ('{producer} ({editions})'), split for a template that links
    each edition: ('', ' (', ')') in English, ('', '（', '）') in Japanese."""
    text = phrase("citations.producer", producer=MARK + "p", editions=MARK + "e")
    before, rest = text.split(MARK + "p")
    middle, after = rest.split(MARK + "e")
    return before, middle, after


def source_year(source: pd.Series) -> str:
    """The year a source was published, or 'n.d.'."""
    published = source.get("published")
    return str(published)[:4] if isinstance(published, str) and published else phrase("citations.no_year")


def short_citation(source: pd.Series) -> str:
    """'Cabinet Office of Japan (2010)'; '内閣府（2010）' for a Japanese reader (producer)."""
    return phrase("citations.producer", producer=producer(source), editions=source_year(source))


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
    """Sources grouped by producer in order of first use: [(producer, [(edition, url), ...]), ...], each producer's
    editions oldest first; two editions of one year are told apart as author-date citations do (2023a, 2023b, in
    order of publication date, then of first use) rather than read '(2023, 2023)'."""
    groups: dict[str, list[pd.Series]] = {}
    for _, source in used.iterrows():
        groups.setdefault(producer(source), []).append(source)
    return [(name, _editions(sources)) for name, sources in groups.items()]


def _editions(sources: list[pd.Series]) -> list[tuple[str, str]]:
    """(label, url) of one producer's sources, oldest first, a letter after a year that two of them share."""
    dated = sorted(enumerate(sources), key=lambda i_s: (_when(i_s[1]), i_s[0]))
    labels = [edition(source) for _, source in dated]
    shared = {label for label in labels if labels.count(label) > 1}
    seen: dict[str, int] = {}
    editions = []
    for label, (_, source) in zip(labels, dated, strict=True):
        if label in shared and label.isdigit():
            seen[label] = seen.get(label, 0) + 1
            label += "abcdefghijklmnopqrstuvwxyz"[seen[label] - 1]
        editions.append((label, source["url"]))
    return editions


def _when(source: pd.Series) -> str:
    """A source's date to order editions by: its publication date, else the year in its id; undated ones last."""
    published = source.get("published")
    if isinstance(published, str) and published:
        return published
    match = re.search(r"(19|20)\d\d", str(source["source_id"]))
    return match.group(0) if match else "9999"


def source_line(used: pd.DataFrame) -> str:
    """'Sources: Cabinet Office of Japan (2010, 2016); Valtorta N.K. et al. (2016)' (plain text); in Japanese
    '出典：内閣府（2010、2016）、Valtorta N.K. et al.（2016）', each language listing with its own separators."""
    if used.empty:
        return phrase("citations.no_source")
    groups = [
        phrase("citations.producer", producer=name, editions=listed([e for e, _ in editions], EDITIONS_SEPARATOR))
        for name, editions in citation_groups(used)
    ]
    return phrase_n("citations.line", len(used), sources=listed(groups, SOURCES_SEPARATOR))


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
            "note": _bibtex_escape(f"{source['citation']} {phrase('citations.accessed', date=accessed)}."),
        },
    )


def url_or_unknown(view_url: str | None) -> str:
    """The view's URL, or words saying it is not known: a citation never gets an invented address."""
    return view_url or phrase("citations.no_url")


# A quotation inside a quotation takes the language's inner marks: 『』 inside 「」, “ ” inside « », ‘ ’ inside “ ”.
INNER_QUOTES = {"「": ("」", "『", "』"), "«": ("»", "“", "”"), "“": ("”", "‘", "’")}


def nested(title: str, opening: str) -> str:
    """A title as a sentence quotes it in `opening`'s marks: its own marks of that kind become the inner ones, so a
    claim's title never reads «… «six months or more» …» or 「…「…」…」."""
    if opening not in INNER_QUOTES:
        return title
    closing, inner_open, inner_close = INNER_QUOTES[opening]
    return title.replace(opening, inner_open).replace(closing, inner_close)


def figure_citation(figure_title: str, view_url: str | None, today: date) -> str:
    """Plain-text citation of one figure of the dashboard, with the URL of the current view (or 'URL not known');
    the title's own quotation marks give way to the inner ones of the marks the citation puts round it."""
    text = phrase(
        "citations.figure",
        project=app_title(),
        title=MARK,
        url=url_or_unknown(view_url),
        date=today.isoformat(),
    )
    return quoting(text, figure_title)


def quoting(sentence: str, title: str) -> str:
    """A sentence filled with MARK where a title goes, with the title put there in the marks the sentence puts round
    it: 'the default: “{title}”' holds a claim's “…” as ‘…’ (nested)."""
    at = sentence.index(MARK)
    return sentence.replace(MARK, nested(title, sentence[at - 1 : at]))


def _accessed_note(view_url: str | None, today: date) -> str:
    """BibTeX's note of a dashboard citation in the reader's language: 'Accessed 2026-12-07', after 'URL not known.'
    when there is no URL."""
    accessed = phrase("citations.accessed", date=today.isoformat())
    return accessed if view_url else f"{phrase('citations.no_url')}. {accessed}"


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
            "note": _bibtex_escape(_accessed_note(view_url, today)),
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
            "title": _bibtex_escape(phrase("citations.dashboard_title", project=app_title())),
            "year": str(today.year),
            "howpublished": _url(view_url) if view_url else "",
            "note": _bibtex_escape(f"{phrase('citations.dashboard_note')} {_accessed_note(view_url, today)}"),
        },
    )
