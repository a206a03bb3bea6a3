"""Compare countries: Japan, South Korea and Italy side by side, with what differs stated for the rows on screen."""

import streamlit as st

from figures import compare
from figures.params import COMPARE_MEASURES, SCALES
from i18n import current, sentences, translate
from settings import COMPARE_DEFAULT_CONCEPTS, COUNTRY_NAMES, EVIDENCE_TYPES
from shaping.estimates import comparability_warnings
from shaping.selection import int_between
from shaping.text import markdown_plain
from shaping.vocabulary import Vocabulary, concept_labels_in_every_language
from shaping.words import page, say
from ui.card import figure_card
from ui.language import link_values_in_language, reader_fragment
from ui.page import load_tables, url_notices, vocabulary
from ui.render import page_header
from ui.shared import shared, shared_figure

COUNTRIES = {COUNTRY_NAMES[c]: c for c in compare.COUNTRY_CODES}
words = vocabulary()
CONCEPT_NAMES = words.concept_labels() if words is not None else {}  # concept -> label in the reader's language
# A link made in another language names its concepts in that language's words: read them in this run's.
ANY_CONCEPT_LABEL = concept_labels_in_every_language(words) if words is not None else {}
link_values_in_language("concepts", ANY_CONCEPT_LABEL)
EVIDENCE = {label: key for key, label in EVIDENCE_TYPES.items()}

texts = page_header("compare")
url_notices(
    {
        "countries": COUNTRIES,
        "concepts": list(ANY_CONCEPT_LABEL),
        "evidence": EVIDENCE,
        "years": int_between(1990, 2100),
        "measure": COMPARE_MEASURES,
        "scale": SCALES,
        "cities": ["true", "false"],
    }
)
check = load_tables("recluse_estimates", "sources")
if check is not None:
    estimates = shared(check, compare.estimates)
    first, last = int(estimates["year"].min()), int(estimates["year"].max())
    with st.container(border=True):
        # Countries and evidence side by side, concepts on a line of their own: in three columns at 1280 px the chips
        # were cut ("Hikikomori, broad (Ca…", Italy behind a fade).
        left, right = st.columns(2)
        countries = left.multiselect(
            texts.say("countries"),
            list(COUNTRIES),
            default=list(COUNTRIES),
            format_func=translate,  # the English name is the link's value in every language
            key="countries",
            bind="query-params",
        )
        evidence = right.multiselect(
            texts.say("evidence_type"),
            list(EVIDENCE),
            default=[EVIDENCE_TYPES["survey"]],
            format_func=translate,
            key="evidence",
            bind="query-params",
        )
        # The concepts themselves are the choices, shown in the reader's words: a language switch keeps the selection.
        present = [key for key in CONCEPT_NAMES if key in set(estimates["concept"])]
        defaults = [c for c in COMPARE_DEFAULT_CONCEPTS if c in present]
        concepts = st.multiselect(
            texts.say("concepts"),
            present,
            default=defaults,
            format_func=CONCEPT_NAMES.__getitem__,
            key="concepts",
            bind="query-params",
        )
        # The measure's two choices need the widest column: in Italian "Tasso (% della fascia d'età)" cut "Numero".
        left, middle, right = st.columns([2, 3, 2])
        years = left.slider(texts.say("years"), first, last, (first, last), key="years", bind="query-params")
        measure = COMPARE_MEASURES[
            middle.segmented_control(
                say("controls.measure"),
                list(COMPARE_MEASURES),
                format_func=translate,
                default=list(COMPARE_MEASURES)[0],
                key="measure",
                bind="query-params",
                required=True,
            )
        ]
        cities = right.toggle(texts.say("cities"), value=False, key="cities", bind="query-params")
    view = {
        "countries": tuple(COUNTRIES[c] for c in countries),
        "concepts": tuple(concepts),
        "evidence": tuple(EVIDENCE[e] for e in evidence),
        "years": None if years == (first, last) else years,  # every year: the same view as the default link's
        "measure": measure,
        "cities": cities,
    }
    chosen, shown = compare.selection(estimates, **view)
    missing = len(chosen) - len(shown)

    st.subheader(texts.say("comparability"))
    warnings = comparability_warnings(shown, Vocabulary.of(check))
    if warnings:
        st.warning(
            sentences(  # no space after 。 or ： in Japanese
                [f"**{markdown_plain(texts.say('not_like_for_like'))}**"]
                + [markdown_plain(w) for w in [*warnings, texts.say("no_ranking")]],
                current(),
            ),
            icon=":material/warning:",
        )
    elif len(shown) > 1:
        st.success(
            texts.say("alike"),
            icon=":material/check_circle:",
        )
    if missing:
        words = page("compare")
        unit = words.say(measure)
        st.caption(
            words.say("not_drawn_one", measure=unit)
            if missing == 1
            else words.say("not_drawn_many", count=missing, measure=unit)
        )
    if shown.empty:
        st.info(texts.say("no_match"))
    else:

        @reader_fragment
        def chart(view: dict) -> None:
            """The Scale control and the card: changing the scale reruns only this, not the filters and the panel."""
            log = SCALES[
                st.segmented_control(
                    say("controls.log"),
                    list(SCALES),
                    default="Linear",
                    format_func=translate,
                    key="scale",
                    bind="query-params",
                    required=True,
                )
            ]
            figure_card(shared_figure(check, compare.build, **view, log=log), check)

        chart(view)
