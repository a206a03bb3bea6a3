"""Everything a maintainer may want to tune in one place: the deployment, palette and defaults.

What the environment can set, and the knobs, are declared once as data in SETTINGS (name, default, help, environment
variable), read by value(); the README's "Settings" table documents each (tests/test_settings.py checks it).
The words readers see are data: the words for coded values (concepts, methods, source types, measures, outcomes,
exposures, topics, verdicts) in data/concepts.csv and data/labels.csv; the project's name, the definition, the caveats,
the pages and every figure's title, notes and annotations in words/ (shaping/words.py reads and checks them)."""

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass


def public_base_url(value: str | None) -> str | None:
    """The configured public address, ending in '/', or None when unset; anything but an http(s) address is refused."""
    value = (value or "").strip()
    if not value:
        return None
    if not value.startswith(("https://", "http://")):
        example = "an http(s) address such as https://hikikomori.example.org/"
        raise ValueError(f"{BY_NAME['PUBLIC_BASE_URL'].env} must be {example}, not {value[:80]!r}")
    return value.rstrip("/") + "/"


def uploads_enabled(value: str | None) -> bool:
    """Whether the maintainers' upload page ("Check new data") is served: on unless the variable says off."""
    value = (value or "").strip().lower()
    if value in ("", "on", "1", "true", "yes"):
        return True
    if value in ("off", "0", "false", "no"):
        return False
    raise ValueError(f"{BY_NAME['UPLOADS'].env} must be on or off, not {value[:40]!r}")


@dataclass(frozen=True)
class Setting:
    """One setting: its name, its default, what it does, and the environment variable that sets it (if any)."""

    name: str
    default: object
    help: str
    env: str | None = None
    parse: Callable[[str], object] = str.strip


SETTINGS = (
    Setting(
        "PUBLIC_BASE_URL",
        None,
        "The dashboard's public address (https://...), set by whoever deploys it: citations, embed codes and the "
        "static edition's links use it. Unset, a citation uses the page's address as the reader's browser reports it, "
        "never localhost.",
        "HIKIKOMORI_PUBLIC_URL",
        public_base_url,
    ),
    Setting(
        "UPLOADS",
        True,
        "Serve the maintainers' upload page (on or off). `make serve` (the public edition) turns it off. An upload "
        "lives in one server process's memory, so behind several processes it needs the proxy's sticky sessions.",
        "HIKIKOMORI_UPLOADS",
        uploads_enabled,
    ),
    Setting("DATA_DIR", "", "The data folder to read instead of the bundled data/.", "HIKIKOMORI_DATA_DIR"),
    Setting(
        "COOKIE_SECRET",
        "",
        "`make serve`: the cookie secret all workers share (the same on every machine); unset, made once in SERVE_DIR.",
        "HIKIKOMORI_COOKIE_SECRET",
    ),
    Setting("WORKERS", 0, "`make serve`: Streamlit processes (0: one per core).", "WORKERS", int),
    Setting("PORT", 8501, "`make serve`: the public port HAProxy listens on.", "PORT", int),
    Setting("HOST", "0.0.0.0", "`make serve`: the address HAProxy binds (every interface).", "HOST"),  # noqa: S104
    Setting("WORKER_PORTS", "", "`make serve`: the workers' loopback ports (PORT+1 ...).", "WORKER_PORTS"),
    Setting("SERVE_DIR", ".serve", "`make serve`: generated config, logs, sockets and the cookie secret.", "SERVE_DIR"),
    Setting("HAPROXY", "", "`make serve`: the haproxy program (unset: found on the PATH).", "HAPROXY"),
    Setting(
        "METRICS",
        "off",
        "`make serve`: on lets /_stcore/metrics through the proxy (off: refused, it names internals).",
        "HIKIKOMORI_METRICS",
    ),
    Setting(
        "FRAME_ANCESTORS",
        "",
        "`make serve`: the origins that may frame the dashboard (CSP frame-ancestors); none by default.",
        "HIKIKOMORI_FRAME_ANCESTORS",
    ),
    Setting(
        "SECURE_COOKIES",
        "off",
        "`make serve`: on behind TLS, every cookie the proxy passes or sets gets `Secure`.",
        "HIKIKOMORI_SECURE_COOKIES",
    ),
    Setting("PIP_AUDIT", "", "`make audit`: the pip-audit command (unset: this Python's, as pinned).", "PIP_AUDIT"),
    Setting(
        "SHARED_FIGURES",
        400,
        "Finished figures kept in memory for every session (ui/shared.py), one entry per view a reader picks; the "
        "least recently used goes first. Every catalog figure's default view plus many widget choices fit.",
    ),
    Setting(
        "WARM_UP_SECONDS",
        60,
        "At most this many seconds of building figures when a server starts (asgi.py), after validation: on a far "
        "larger package it stops here and the first readers build the rest of the figures as they open pages.",
    ),
    Setting(
        "CLAIMS_PER_PAGE",
        3,
        "Claims on one screen of the Claim check page: each may draw a chart, and charts are what a browser is slow "
        "to draw, so the page shows a few at a time with page numbers.",
    ),
    Setting(
        "CHART_ROWS_AT_MOST",
        60,
        "A chart with one line per row (dot plots, the forest plot, percentage bars) draws at most this many rows, "
        "the first in the table's order, and says so in its source line; the table and the CSV keep every row.",
    ),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}
_UNSET = object()


def value(name: str, environ: Mapping[str, str] | None = None, default: object = _UNSET) -> object:
    """A setting's value: its environment variable parsed, when set and not blank; else default (unless given, the
    setting's own). The one place the project reads its own settings from the environment."""
    setting = BY_NAME[name]
    raw = (os.environ if environ is None else environ).get(setting.env, "") if setting.env else ""
    if raw.strip():
        return setting.parse(raw)
    return setting.default if default is _UNSET else default


PUBLIC_URL_VAR = BY_NAME["PUBLIC_BASE_URL"].env
PUBLIC_BASE_URL = value("PUBLIC_BASE_URL")
UPLOADS_VAR = BY_NAME["UPLOADS"].env
UPLOADS = value("UPLOADS")
SHARED_FIGURES = value("SHARED_FIGURES")
WARM_UP_SECONDS = value("WARM_UP_SECONDS")
CLAIMS_PER_PAGE = value("CLAIMS_PER_PAGE")
CHART_ROWS_AT_MOST = value("CHART_ROWS_AT_MOST")

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
EVIDENCE_TYPES = {
    "survey": "Survey",
    "not_survey": "Not a survey result: advocacy, expert, press, extrapolation or sum",
}

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
