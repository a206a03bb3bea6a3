"""Write the static edition: an index, and per catalog figure a page, an embed, PNG, SVG, CSV and metadata."""

import hashlib
import json
import re
import shutil
import sys
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import plotly
import plotly.io as pio
from jinja2 import Environment, FileSystemLoader, select_autoescape

import i18n
from core.package import descriptor, fingerprint
from core.package_check import PackageCheck
from core.paths import DEFAULT_DATA_DIR
from core.problems import counted
from figures import Entry, Figure, catalog, overview
from figures.card import CardContent
from figures.finished import Finished, finish
from figures.glossary import glossary_terms, glossary_words
from figures.in_english import english_marker, in_english_around, marked_row_notes
from publish import metadata
from publish.social import SOCIAL_NAME, SOCIAL_SIZE, SocialWords, social_card
from publish.untranslated import data_in_english, english_report, missed_words, report
from shaping.citations import short_citation, url_or_unknown
from shaping.downloads import about_columns, package_zip, rows_csv
from shaping.edition import edition_root, embed_code, embed_height, figure_url, language_folder
from shaping.headlines import cautions
from shaping.images import IMAGE_WIDTH, NO_MATHJAX, PNG_SCALE, image_height, titled
from shaping.sentences import headline_detail, headline_figure
from shaping.text import safe_url
from shaping.vocabulary import Vocabulary
from shaping.words import app_title, fill, pages, say

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# The full plotly.js the Python package ships (4.8 MB): always there, so `make site` works with Python alone.
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
# plotly.js's prebuilt "basic" partial bundle (1.2 MB), pinned in package.json at the Python package's plotly.js
# version and installed by `make e2e-tools` (npm ci). It registers these trace types and no others (tests/e2e
# reads the bundle's own registry and checks both this set and the catalog's charts against it).
BASIC_JS = ROOT / "node_modules" / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
BASIC_TRACES = frozenset({"scatter", "bar", "pie"})
PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "toImageButtonOptions": {"format": "png", "scale": PNG_SCALE},
}
# An embed sits in someone else's article: the chart, hover labels and the link back, no toolbar over the legend
# (the figure page keeps it on wide screens; site.js drops it on narrow ones, where it covers the legend).
EMBED_CONFIG = {**PLOTLY_CONFIG, "displayModeBar": False}
# The chart as plotly.js draws it, as SVG at layout widths from a phone's to the images': pages and embeds show the
# widest that fits their column (a <picture> media query on the window's width, up to the width given: the frame's
# own in an embed) until a reader reaches for the chart and plotly.js is fetched, so a phone that only reads never
# downloads or runs it. The chart's height is the same at every width, so the still takes exactly its room.
STILL_NAME = "{key}-chart-{width}.svg"
STILLS = ((340, 511), (480, 671), (640, 931), (IMAGE_WIDTH, None))


def still_names(key: str) -> list[str]:
    """The file names of a figure's stills, narrowest first."""
    return [STILL_NAME.format(key=key, width=width) for width, _ in STILLS]


@dataclass
class Built:
    """One catalog figure, finished as the app's card finishes it (figures.finished): the chart with its source line
    inside, which the page, embed and images show."""

    entry: Entry
    shown: Finished

    @property
    def figure(self) -> Figure:
        return self.shown.figure

    @property
    def chart(self):
        return self.shown.chart

    @property
    def line(self) -> str:
        return self.shown.sources_text


def _environment(lang: str = i18n.DEFAULT) -> Environment:
    """The templates with Jinja2's i18n extension, their own words (`_()`, `{% trans %}`) from lang's catalog."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(i18n.translator(lang), newstyle=True)
    env.filters["day"] = lambda iso: i18n.day(str(iso), lang)  # '2026-11-30' -> 2026年11月30日, as the app writes it
    return env


def hashed_copy(source: Path, folder: Path, name: str) -> str:
    """Copy a file into assets/ under a name carrying its content hash (so a CDN may cache it for a year); its name."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    stem, _, suffix = name.partition(".")
    target = f"{stem}-{digest}.{suffix}"
    shutil.copyfile(source, folder / target)
    return target


def script_json(value: str) -> str:
    """JSON text safe inside <script type="application/json">: '<', '>' and '&' as \\u escapes
    (valid JSON, never a tag)."""
    return value.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def dashboard_url(public_base: str | None, entry: Entry) -> str | None:
    """The view in the interactive dashboard that shows the figure by default (as the app's view_url would name it)."""
    return public_base + entry.page + ("?" + urlencode(entry.query) if entry.query else "") if public_base else None


def plotly_version(bundle: Path) -> str | None:
    """The version in a plotly.js bundle's header comment ("plotly.js (basic - minified) v4.1.1")."""
    with bundle.open("r", encoding="utf-8", errors="replace") as f:
        found = re.search(r"plotly\.js\b[^\n]*? v(\d+\.\d+\.\d+)", f.read(400))
    return found.group(1) if found else None


def trace_types(charts: list) -> set[str]:
    return {trace.type for chart in charts for trace in chart.data}


def plotly_bundle(charts: list, basic: Path | None = None, full: Path | None = None) -> tuple[Path, str | None]:
    """The plotly.js the site ships: the basic bundle (BASIC_JS) when npm installed it, it is the Python package's
    plotly.js major.minor and it holds every trace type the charts use; otherwise the full bundle, with the reason."""
    basic, full = basic or BASIC_JS, full or PLOTLY_JS
    if not basic.exists():
        return (
            full,
            f"{basic.name} not installed (make e2e-tools runs npm ci): "
            f"the site ships the full plotly.js ({full.stat().st_size / 1e6:.1f} MB).",
        )
    have, want = plotly_version(basic), plotly_version(full)
    if have is None or want is None or have.split(".")[:2] != want.split(".")[:2]:
        return (
            full,
            f"{basic.name} is plotly.js {have}, the Python package's is {want}: the site ships the full plotly.js.",
        )
    missing = trace_types(charts) - BASIC_TRACES
    if missing:
        return (
            full,
            f"{counted(len(missing), 'trace type')} not in {basic.name} ({', '.join(sorted(missing))}): "
            "the site ships the full plotly.js.",
        )
    return basic, None


def write_images(charts: list, stems: list[Path], words: list[SocialWords]) -> list[Path]:
    """<stem>.png (2×), <stem>.svg and the social card <stem>-social.png (publish.social) of every chart, each with
    its title and subtitle at the top and its source line at the bottom across its width, and the untitled stills the
    pages show (STILLS), in one Kaleido batch (one Chromium start); the paths."""
    pio.defaults.mathjax = str(NO_MATHJAX)  # Kaleido asks no other host for anything (as shaping.images does)
    exported = []
    for chart, w in zip(charts, words, strict=True):
        with i18n.language(w.lang):  # the rows a chart left out are said in its language
            exported.append(titled(chart, w.title, w.subtitle, source=w.source))
    cards = [social_card(c, w) for c, w in zip(charts, words, strict=True)]
    stills = [(c, s, width) for c, s in zip(charts, stems, strict=True) for width, _ in STILLS]
    paths = (
        [s.with_suffix(".png") for s in stems]
        + [s.with_suffix(".svg") for s in stems]
        + [s.with_name(SOCIAL_NAME.format(key=s.name)) for s in stems]
        + [s.with_name(STILL_NAME.format(key=s.name, width=width)) for _, s, width in stills]
    )
    pio.write_images(
        exported * 2 + [card for card, _ in cards] + [c for c, _, _ in stills],
        paths,
        width=[IMAGE_WIDTH] * (2 * len(charts)) + [w for _, (w, _, _) in cards] + [w for _, _, w in stills],
        height=[image_height(c) for c in exported] * 2
        + [h for _, (_, h, _) in cards]
        + [image_height(c) for c, _, _ in stills],
        scale=[PNG_SCALE] * len(charts) + [1] * len(charts) + [s for _, (_, _, s) in cards] + [1] * len(stills),
    )
    return paths


def build_all(check: PackageCheck, only: Collection[str] | None = None) -> list[Built]:
    """Every catalog figure at its default view (or those whose key is in `only`), finished."""
    built = []
    for entry in catalog(check):
        if only is not None and entry.key not in only:
            continue
        figure = entry.build(check)
        if figure is not None:
            built.append(Built(entry, finish(figure, check)))
    return built


# Written into every site folder: a build empties only a folder that holds this mark (an edition it wrote) or nothing.
SITE_MARK = ".static-edition"


def refusal(out: Path, data_dir: Path) -> str | None:
    """Why `out` must not be emptied and written (a symlink, a file, the data or inside it, a folder of other files),
    or None. Only an empty folder or one holding SITE_MARK counts as the publisher's own."""
    if Path(out).is_symlink():
        return f"{out} is a symbolic link: give the real folder it points to (nothing was deleted)"
    out = out.resolve()
    for data in dict.fromkeys((data_dir.resolve(), DEFAULT_DATA_DIR.resolve())):
        if data == out or data.is_relative_to(out):
            return f"{out} is or holds the data folder {data}: choose another folder for the site"
        if out.is_relative_to(data):
            return f"{out} is inside the data folder {data}: choose a folder outside it for the site"
    if out.is_file():
        return f"{out} is a file, not a folder"
    if out.is_dir() and any(out.iterdir()) and not (out / SITE_MARK).is_file():
        why = f"{out} is not empty and holds no earlier static edition (no {SITE_MARK} file)"
        return why + ": choose an empty or new folder (nothing was deleted)"
    return None


# The words each language's last build showed in English for want of a translation (build_site fills it).
MISSING: dict[str, list[str]] = {}


@dataclass
class Edition:
    """What every language's edition shares: the package, its hash, the assets, the date and the addresses."""

    check: PackageCheck
    public_base: str | None
    package: dict
    content_hash: str
    assets: dict
    zip_name: str
    today: date
    languages: tuple[str, ...]

    def url(self, lang: str, path: str = "") -> str | None:
        """The public address of a path in a language's edition (None without a public address)."""
        root = edition_root(self.public_base, lang)
        return root + path if root else None

    def siblings(self, lang: str, path: str, depth: int) -> list[dict]:
        """The same page in every language, for the menu and hreflang: code, name, link from a page `depth` folders
        below its edition's root (relative: the menu works in any copy), public address (hreflang; the link without
        one), whether it is this one."""
        up = "../" * (depth + (lang != "en"))
        return [
            {
                "code": other,
                "name": i18n.NAMES[other],
                "href": up + language_folder(other) + path,
                "url": self.url(other, path) or up + language_folder(other) + path,
                "current": other == lang,
            }
            for other in self.languages
        ]

    def common(self, lang: str) -> dict:
        """The values every page of a language's edition is rendered with."""
        return {
            "lang": lang,
            "app_title": app_title(),
            "tagline": say("tagline"),
            "package": self.package,
            "updated": i18n.date(self.package["updated"], lang) if self.package.get("updated") else "",
            "content_hash": self.content_hash,
            "built": i18n.date(self.today, lang),
            "assets": self.assets,
            "zip_name": self.zip_name,
            "image_width": IMAGE_WIDTH,
            "png_width": i18n.number(IMAGE_WIDTH * PNG_SCALE, lang),
            "social_size": SOCIAL_SIZE,
            "site_root": edition_root(self.public_base, lang),
            "dashboard_root": self.public_base,
        }


def build_site(
    check: PackageCheck,
    out: Path,
    public_base: str | None,
    images: bool = True,
    today: date | None = None,
    only: Collection[str] | None = None,
    languages: Collection[str] = i18n.LANGUAGES,
) -> list[Built]:
    """Write the site into `out` (emptied first) from a checked data package: English at its root, each other language
    in its folder (ja/, ko/, it/); the first language's figures written (English's). The caller refuses a package
    with problems (the CLI does): a static edition is never published from data that fails validation. `only`: the
    keys of the figures to write (a partial site, for a quick look while editing); default all. Words with no
    translation in a language are shown in English, listed on stderr and kept in MISSING."""
    today = today or date.today()
    data_dir = check.data_dir
    package = descriptor()
    refused = refusal(out, data_dir)
    if refused:
        raise ValueError(refused)
    if out.exists():
        shutil.rmtree(out)
    (out / "assets").mkdir(parents=True)
    (out / SITE_MARK).write_text("Written by `make site`; the next build empties this folder and writes it again.\n")
    languages = tuple(lang for lang in i18n.LANGUAGES if lang in languages)
    recorders = {lang: missed_words(lang) for lang in languages if lang != i18n.DEFAULT}
    for recorder in recorders.values():
        recorder.words.clear()
    editions = {}
    for lang in languages:
        with i18n.language(lang):
            editions[lang] = build_all(check, only)
            for item in editions[lang]:
                item.chart.update_layout(separators=i18n.plotly_separators(lang))
    english = editions[languages[0]]
    bundle, why_full = plotly_bundle([b.chart for built in editions.values() for b in built])
    if why_full:
        print(why_full, file=sys.stderr)
    assets = {
        "plotly": hashed_copy(bundle, out / "assets", "plotly.min.js"),
        "css": hashed_copy(HERE / "static" / "site.css", out / "assets", "site.css"),
        "js": hashed_copy(HERE / "static" / "site.js", out / "assets", "site.js"),
    }
    zip_name = f"hikikomori-in-numbers-data-{package['version']}.zip"  # one per language, its README in it
    edition = Edition(check, public_base, package, fingerprint(data_dir), assets, zip_name, today, languages)
    charts, stems, words = [], [], []
    for lang, built in editions.items():
        with i18n.language(lang):
            write_edition(edition, lang, built, out / language_folder(lang))
            (out / language_folder(lang) / zip_name).write_bytes(package_zip(data_dir))
        charts += [b.chart for b in built]
        stems += [out / language_folder(lang) / "figures" / b.entry.key / b.entry.key for b in built]
        words += [
            SocialWords(b.figure.title, b.figure.subtitle, b.shown.source_line, b.figure.summary, lang) for b in built
        ]
    MISSING.clear()
    MISSING.update({lang: sorted(recorder.words) for lang, recorder in recorders.items() if recorder.words})
    if MISSING:
        print(report(MISSING), file=sys.stderr)
    print(
        english_report(data_in_english({lang: [b.shown for b in built] for lang, built in editions.items()}, check)),
        file=sys.stderr,
    )
    if images:
        write_images(charts, stems, words)
    return english


def write_edition(edition: Edition, lang: str, built: list[Built], out: Path) -> None:
    """One language's index, and per figure its page, embed, CSV and metadata, into `out` (the images are written
    after, in one Kaleido batch for every language). Called in i18n.language(lang), so every word is in it."""
    check, package, public_base, today = edition.check, edition.package, edition.public_base, edition.today
    env = _environment(lang)
    sources = check.table("sources")
    common = edition.common(lang)
    vocab = Vocabulary.of(check)
    depth_root = "../" * (lang != "en")
    for item in built:
        entry, figure = item.entry, item.figure
        folder = out / "figures" / entry.key
        folder.mkdir(parents=True)
        used = item.shown.used
        canonical = figure_url(public_base, entry.key, lang=lang)
        card = CardContent(item.shown, check, canonical, today, package["version"])
        height = image_height(item.chart)
        urls = {
            "canonical": canonical,
            "embed": figure_url(public_base, entry.key, "embed.html", lang=lang),
            "png": figure_url(public_base, entry.key, f"{entry.key}.png", lang=lang),
            "social": figure_url(public_base, entry.key, SOCIAL_NAME.format(key=entry.key), lang=lang),
            "dashboard": dashboard_url(public_base, entry),
        }
        frame = embed_height(height, figure.title, item.line)
        files = {
            "page": "index.html",
            "embed": "embed.html",
            "png": f"{entry.key}.png",
            "svg": f"{entry.key}.svg",
            "csv": f"{entry.key}.csv",
            "json": f"{entry.key}.json",
            "package": f"../../{edition.zip_name}",  # the zip of this language's folder
        }
        chart_json = pio.to_json(item.chart, validate=False)
        about = about_columns(f"{app_title()}: {figure.title}", url_or_unknown(urls["dashboard"]), package["version"])
        (folder / files["csv"]).write_bytes(rows_csv(figure.rows, sources, about))
        document = metadata.document(
            figure,
            page=entry.page,
            params=entry.params,
            used=used,
            package=package,
            content_hash=edition.content_hash,
            urls=urls,
            embed_height=frame,
            files=files,
            built=today.isoformat(),
            vocab=vocab,
        )
        metadata.validate(document)
        (folder / files["json"]).write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        page = {
            **common,
            "root": "../../" + depth_root,
            "languages": edition.siblings(lang, f"figures/{entry.key}/", 2),
            "figure": figure,
            "entry": entry,
            "page_title": next((fill(p.title) for p in pages() if p.url == entry.page), entry.page),
            "urls": urls,
            "files": files,
            "height": height,
            "embed_height": frame,
            "stills": [
                {"file": STILL_NAME.format(key=entry.key, width=width), "width": width, "up_to": up_to}
                for width, up_to in STILLS
            ],
            "line": item.line,
            "card": card,
            "row_notes": marked_row_notes(figure, lang),
            "in_english": english_marker(lang),
            "in_english_around": in_english_around(),
            "reader_lang": lang,
            "say": say,
            "marks": i18n.punctuation(lang),
            "sources": card.source_links,
            "alt": card.alt,
            "chart_json": script_json('{"figure": ' + chart_json + ', "config": ' + json.dumps(PLOTLY_CONFIG) + "}"),
            "embed_code": embed_code(urls["embed"], figure.title, frame) if urls["embed"] else None,
        }
        (folder / "index.html").write_text(env.get_template("figure.html").render(**page), encoding="utf-8")
        embed_json = script_json('{"figure": ' + chart_json + ', "config": ' + json.dumps(EMBED_CONFIG) + "}")
        embed_page = {
            **page,
            "chart_json": embed_json,
            "languages": edition.siblings(lang, f"figures/{entry.key}/embed.html", 2),
        }
        (folder / "embed.html").write_text(env.get_template("embed.html").render(**embed_page), encoding="utf-8")
    groups = [(fill(p.title), [b for b in built if b.entry.page == p.url]) for p in pages()]
    heads = [
        {
            "country": r["country_name"],
            "figure": headline_figure(r),
            "detail": headline_detail(r),
            "cautions": cautions(r),
            "source": short_citation(sources.set_index("source_id").loc[r["source_id"]]),
            "url": safe_url(sources.set_index("source_id").loc[r["source_id"], "url"]),
        }
        for _, r in overview.headlines(check).iterrows()
    ]
    (out / "index.html").write_text(
        env.get_template("index.html").render(
            **common,
            root=depth_root,
            languages=edition.siblings(lang, "", 0),
            groups=[g for g in groups if g[1]],
            heads=heads,
            definition=say("definition"),
            say=say,
            marks=i18n.punctuation(lang),
            terms=glossary_terms(check),
            terms_words=glossary_words(),
        ),
        encoding="utf-8",
    )
