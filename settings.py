"""Everything a maintainer may want to tune in one place: titles, page order, palette, caveats, defaults.

The words for coded values (concepts, methods, source types, measures, outcomes, exposures, topics, verdicts) are data:
data/concepts.csv and data/labels.csv."""

import os

PUBLIC_URL_VAR = "HIKIKOMORI_PUBLIC_URL"


def public_base_url(value: str | None) -> str | None:
    """The configured public address, ending in '/', or None when unset; anything but an http(s) address is refused."""
    value = (value or "").strip()
    if not value:
        return None
    if not value.startswith(("https://", "http://")):
        raise ValueError(f"{PUBLIC_URL_VAR} must be an http(s) address such as https://hikikomori.example.org/, not {value[:80]!r}")
    return value.rstrip("/") + "/"


# The dashboard's public address (e.g. https://hikikomori.example.org/), set by whoever deploys it. Citations use it
# when set; with none, a citation uses the page's address as the reader's browser reports it, and never localhost.
PUBLIC_BASE_URL = public_base_url(os.environ.get(PUBLIC_URL_VAR))

UPLOADS_VAR = "HIKIKOMORI_UPLOADS"


def uploads_enabled(value: str | None) -> bool:
    """Whether the maintainers' upload page ("Check new data") is served: on unless the variable says off."""
    value = (value or "").strip().lower()
    if value in ("", "on", "1", "true", "yes"):
        return True
    if value in ("off", "0", "false", "no"):
        return False
    raise ValueError(f"{UPLOADS_VAR} must be on or off, not {value[:40]!r}")


# The upload page is for maintainers: `make serve` (the public edition) turns it off with HIKIKOMORI_UPLOADS=off.
# An upload lives in one server process's memory, so behind several processes it needs the proxy's sticky sessions.
UPLOADS = uploads_enabled(os.environ.get(UPLOADS_VAR))
UPLOAD_PAGE = "views/check_data.py"

# Where `make site`'s folder is published under that address (PUBLIC_BASE_URL + this): canonical URLs, embed codes and
# the app's links to the static PNG and SVG all point there. Not "static/": Streamlit serves its own files at /static/.
STATIC_EDITION_PATH = "edition/"

APP_TITLE = "Hikikomori in Numbers"
APP_TAGLINE = "Cited estimates of social withdrawal, with their sources and honest uncertainty"

# Okabe–Ito: a categorical palette that colour-blind readers can tell apart.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
COUNTRY_NAMES = {"JPN": "Japan", "KOR": "South Korea", "ITA": "Italy", "USA": "United States"}
COUNTRY_COLORS = {"JPN": "#0072B2", "KOR": "#D55E00", "ITA": "#009E73", "USA": "#CC79A7"}
# Marker shapes, so colour is never the only way to tell series apart.
COUNTRY_SYMBOLS = {"JPN": "circle", "KOR": "diamond", "ITA": "square", "USA": "triangle-up"}
AGE_GROUP_COLORS = {"15–39": "#0072B2", "40–64": "#E69F00", "15–64": "#009E73"}
AGE_GROUP_SYMBOLS = {"15–39": "circle", "40–64": "square", "15–64": "diamond"}

# The Compare page's evidence filter: labels.csv's `survey` column of each method, as two choices.
EVIDENCE_TYPES = {"survey": "Survey", "not_survey": "Not a survey result: advocacy, expert, press, extrapolation or sum"}

# Register section H: one line each, shown on the pages they apply to.
CAVEATS = {
    "definitions": "Definitions (broad/narrow, reclusive/isolated, self-label/behaviour) and age bands differ: never rank countries on raw counts.",
    "few_cases": "National estimates rest on few cases (47–59 per Japanese round before 2022); no intervals were published.",
    "non_response": "Non-response likely undercounts withdrawn people (Tokyo calls its figure a lower bound).",
    "mode_change": "Mode changes (interviewer-delivered vs mail/online; the COVID period) break trends.",
    "students_only": "Students-only samples (Italy) miss dropouts and adults.",
    "not_surveys": "Advocacy and expert estimates are not surveys.",
    "one_night": "Point-in-time counts (the US on one night, Japan by a daytime patrol) and whole-year prevalence measure different things; "
    "Japan has no youth homelessness count.",
    "associations": "Health risks are associations, mostly in older adults; OR, RR and HR are not interchangeable.",
}

HIKIKOMORI_DEFINITION = (
    "Hikikomori are people who withdraw to their homes and avoid social contact for six months or more, "
    "without illness being the main cause. Japan's Cabinet Office counts people who rarely leave their room or house, "
    "or go out only to a nearby shop or for hobby errands. Other countries count related states, such as Korea's "
    "'reclusive' and 'isolated' youth, with different rules, so their numbers are not directly comparable."
)

# Page order and titles for the navigation (file, title, icon, url path). A url path need not equal the file's
# name (the files are in views/, not pages/, so Streamlit never resolves a link by file name). The first page is
# the default and is served at "/" only: Streamlit ignores a default page's url path, so "/overview" is not a link.
PAGES = [
    ("views/overview.py", "Overview", ":material/dashboard:", "overview"),
    ("views/japan.py", "Japan", ":material/home:", "japan"),
    ("views/compare.py", "Compare countries", ":material/compare_arrows:", "compare"),
    ("views/homelessness.py", "Youth homelessness: US and Japan", ":material/night_shelter:", "homelessness"),
    ("views/health.py", "Health risks of isolation", ":material/cardiology:", "health"),
    ("views/claims.py", "Claim check", ":material/fact_check:", "claims"),
    ("views/sources.py", "Sources and method", ":material/menu_book:", "sources"),
    ("views/check_data.py", "Check new data (maintainers)", ":material/rule:", "check_data"),
]


def served_pages(uploads: bool) -> list[tuple[str, str, str, str]]:
    """The navigation's pages: PAGES, without the upload page in the public edition (uploads off)."""
    return [page for page in PAGES if uploads or page[0] != UPLOAD_PAGE]


# What the Compare page shows before a reader changes anything: each country's main concept.
COMPARE_DEFAULT_CONCEPTS = ["hikikomori_broad", "hikikomori", "reclusive"]

# The colour of each verdict's badge on the Claim check page (the verdicts' words are in data/labels.csv).
VERDICT_COLORS = {
    "consistent": "green",
    "superseded": "blue",
    "unsourced": "red",
    "misdated": "orange",
    "not_comparable": "violet",
    "partly_supported": "orange",
    "origin_unverified": "red",
}

# Finished figures kept in memory for every session (ui/shared.py): each view a reader picks is one entry (tens of KB).
# Every catalog figure's default view (about 20) plus many widget choices fit; the least recently used goes first.
SHARED_FIGURES = 400

# At most this many seconds of building figures when a server starts (asgi.py), after validation: on the bundled data
# the warm-up takes a few seconds; on a far larger package it stops here and first readers build the rest.
WARM_UP_SECONDS = 60

# Claims on one screen of the Claim check page: each may draw a chart, and a browser draws about one chart
# per 0.4 CPU-seconds (docs/performance.md), so the page shows a few at a time with page numbers.
CLAIMS_PER_PAGE = 3

# A chart with one line per row (dot plots, the forest plot, percentage bars) draws at most this many rows, the first in
# the table's order, and says so in its source line; the table and the CSV keep every row. The bundled data's largest
# such chart has 28 rows; a package with thousands made charts tens of thousands of pixels tall that a browser took
# seconds to draw (docs/performance.md).
CHART_ROWS_AT_MOST = 60
