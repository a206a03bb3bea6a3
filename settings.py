"""Everything a maintainer may want to change in one place: titles, page order, palette, labels, caveats."""
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

CONCEPTS = {
    "hikikomori_broad": ("Hikikomori, broad (Cabinet Office)",
                         "Rarely leaves home (narrow) or leaves only for hobby errands (quasi), for 6 months or more, not because of illness."),
    "hikikomori_narrow": ("Hikikomori, narrow (Cabinet Office)",
                          "Rarely leaves their room, or leaves the room but not the house, or goes out only to a nearby convenience store; 6 months or more."),
    "hikikomori_quasi": ("Hikikomori, quasi (Cabinet Office)",
                         "Usually at home but goes out for hobby errands; 6 months or more."),
    "hikikomori": ("Hikikomori (survey's own definition)",
                   "Withdrawn at home by the survey's or author's own definition; check the six-month rule for each row."),
    "hikikomori_lifetime": ("Hikikomori at some point in life",
                            "Has ever been withdrawn for six months or more (lifetime experience), not necessarily now."),
    "hikikomori_in_household": ("Household with a member in hikikomori",
                                "Counts households (or respondents) with a family member currently withdrawn, not people."),
    "self_identified": ("Self-identified as withdrawn",
                        "Respondents who describe themselves as socially withdrawn: a self-label, not a behaviour measure."),
    "at_risk": ("At risk of withdrawal",
                "Withdrawn for less than six months or showing early signs; not hikikomori by the six-month definition."),
    "reclusive": ("Reclusive (Korea: 은둔)",
                  "Stays at home (almost) all the time; Korean surveys use no six-month rule."),
    "isolated": ("Isolated (Korea: 고립)",
                 "No meaningful contact beyond family or work and no one to ask for help; may still go out."),
    "isolated_or_reclusive": ("Isolated or reclusive",
                              "Either isolated or reclusive, as counted together by the survey."),
    "stays_home_weekdays": ("Never leaves the house on weekdays",
                            "Students who say they never go out during the week: a behaviour, with no duration."),
}

METHOD_LABELS = {
    "national_survey": "national survey",
    "regional_survey": "city or regional survey",
    "student_survey": "school survey",
    "household_survey": "household survey",
    "advocacy_estimate": "advocacy estimate",
    "survey_projection": "projection from survey data",
    "extrapolation": "extrapolation from one city",
    "expert_estimate": "expert estimate",
    "press_figure": "press figure",
    "sum_of_surveys": "sum of two surveys",
}
# Evidence types: surveys (and projections made from a survey's own data) are drawn as filled markers, the rest hollow.
SURVEY_METHODS = {"national_survey", "regional_survey", "student_survey", "household_survey", "survey_projection"}
# Methods a headline may use: a survey's figure as its publisher released it (CONTRIBUTING.md, "Which figure is the headline").
HEADLINE_METHODS = {"national_survey", "household_survey", "student_survey", "regional_survey"}
EVIDENCE_TYPES = {"survey": "Survey", "not_survey": "Not a survey result: advocacy, expert, press, extrapolation or sum"}

SOURCE_TYPE_LABELS = {
    "official_survey": "official survey",
    "official_count": "official count",
    "official_statistics": "official statistics",
    "peer_reviewed": "peer-reviewed study",
    "research_institute": "research institute",
    "press": "press",
    "advocacy": "advocacy group",
    "expert": "expert",
}

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

# How a quote sentence says what a row counts ("... people aged 15–64 in Japan <phrase>").
CONCEPT_PHRASES = {
    "hikikomori_broad": "were socially withdrawn (hikikomori) for six months or more",
    "hikikomori_narrow": "rarely left their room or house for six months or more (hikikomori, narrow definition)",
    "hikikomori_quasi": "left home only for hobby errands for six months or more (hikikomori, quasi group)",
    "hikikomori": "were socially withdrawn (hikikomori)",
    "hikikomori_lifetime": "had been socially withdrawn for six months or more at some point in their lives",
    "hikikomori_in_household": "had a family member {ages} who was socially withdrawn (hikikomori)",
    "self_identified": "described themselves as socially withdrawn",
    "at_risk": "were at risk of social withdrawal",
    "reclusive": "were reclusive, staying at home almost all the time",
    "isolated": "were socially isolated, with no one outside family or work to turn to",
    "isolated_or_reclusive": "were socially isolated or reclusive",
    "stays_home_weekdays": "never left the house on weekdays",
}

# Studies the health page shows as counterpoints to the headline claims (register section E).
COUNTERPOINT_SOURCES = ["h-steptoe-2013", "h-jech-2019"]

# What the Compare page shows before a reader changes anything: each country's main concept.
COMPARE_DEFAULT_CONCEPTS = ["hikikomori_broad", "hikikomori", "reclusive"]

# Claims on one screen of the Claim check page: each may draw a chart, and a browser draws about one chart
# per 0.4 CPU-seconds (docs/performance.md), so the page shows a few at a time with page numbers.
CLAIMS_PER_PAGE = 3
