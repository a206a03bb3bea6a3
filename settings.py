"""Everything a maintainer may want to tune in one place: the deployment, palette and defaults.

The words readers see are data: the words for coded values (concepts, methods, source types, measures, outcomes,
exposures, topics, verdicts) in data/concepts.csv and data/labels.csv; the project's name, the definition, the caveats,
the pages and every figure's title, notes and annotations in words/ (shaping/words.py reads and checks them)."""

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

# The dashboard validates the data package in a child process (loaders/isolated.py), so no server process keeps the
# validator in memory (20–25 MB of RSS each, docs/performance.md). False: validate in the server process (what the
# in-process page tests use).
CHECK_IN_CHILD = True

# Worker processes for checking a large package (over loaders.parallel_check.PARALLEL_MIN_LINES lines) in the commands
# that run check_package alone in a process (python -m loaders.validate, the loaders.isolated child); 1: one process.
# At most one per CPU this process may run on (loaders.parallel_check.available_cpus): on one CPU, the serial path.
CHECK_WORKERS = 2

# Claims on one screen of the Claim check page: each may draw a chart, and a browser draws about one chart
# per 0.4 CPU-seconds (docs/performance.md), so the page shows a few at a time with page numbers.
CLAIMS_PER_PAGE = 3

# A chart with one line per row (dot plots, the forest plot, percentage bars) draws at most this many rows, the first in
# the table's order, and says so in its source line; the table and the CSV keep every row. The bundled data's largest
# such chart has 28 rows; a package with thousands made charts tens of thousands of pixels tall that a browser took
# seconds to draw (docs/performance.md).
CHART_ROWS_AT_MOST = 60
