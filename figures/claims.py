"""The Claim check's figures: for each claim, the counts and the ratios it was traced to or checked against."""

import textwrap
import weakref
from dataclasses import dataclass

import pandas as pd

import i18n
from core.package_check import PackageCheck
from figures.figure import Figure, declare
from figures.homelessness import shown_once
from figures.params import points
from settings import CLAIMS_PER_PAGE
from shaping.charts import dot_plot, forest_plot, spans_a_decade
from shaping.claims import linked_health, linked_rows, topic_labels, verdict_badge
from shaping.health import forest_rows
from shaping.numbers import count, ratio
from shaping.vocabulary import Vocabulary
from shaping.words import FigureWords, figure_words, headings

# The tables' columns and their headings' word keys (words/phrases.toml [columns]).
TABLE_COLUMNS = {
    "label": "row",
    "as_published": "as_published",
    "value": "count",
    "rate_pct": "rate",
    "source_id": "source",
}
HEALTH_COLUMNS = {
    "label": "study",
    "estimate_text": "estimate_ci",
    "significance_text": "significance",
    "source_id": "source",
}
KINDS = ("counts", "ratios")


@dataclass(frozen=True)
class ClaimEvidence:
    """The rows linked to claims, shaped once per script run for every claim's figures."""

    rows: pd.DataFrame  # estimate and homelessness rows, annotated alike (shaping.claims.linked_rows)
    health: pd.DataFrame  # health-risk rows (shaping.claims.linked_health)
    sources: pd.DataFrame
    vocab: Vocabulary


# The last package's shaped claim rows in the last language: every claim's figure starts from them, and a server's
# warm-up builds one figure per claim in a row. Keyed by language too, since the rows' labels are in the reader's
# words. A weak reference: an old package is not kept alive for this.
_last: tuple[weakref.ref, str, ClaimEvidence] | None = None


def evidence(check: PackageCheck) -> ClaimEvidence:
    """The rows linked to claims, shaped once per package (check) and language, shared by all its claims' figures."""
    global _last
    last, lang = _last, i18n.current()
    if last is not None and last[0]() is check and last[1] == lang:
        return last[2]
    found = _shaped(check)
    _last = (weakref.ref(check), lang, found)
    return found


def _shaped(check: PackageCheck) -> ClaimEvidence:
    links, vocab = check.table("claim_evidence"), Vocabulary.of(check)
    return ClaimEvidence(
        rows=linked_rows(links, check.table("recluse_estimates"), check.table("youth_homelessness"), vocab),
        health=linked_health(links, check.table("isolation_health_risks")),
        sources=check.table("sources"),
        vocab=vocab,
    )


def key(claim_id: str, kind: str) -> str:
    return f"claim-{claim_id}-{kind}"


QUOTE_CHARS = 60  # a claim's words in a figure title, at most, before "…"


def short_quote(quote: str) -> str:
    """A claim's words short enough for a title: whole, or cut at the last word that fits (never inside a word),
    its trailing comma or colon dropped, then '…'; a single word longer than that is cut where it must be."""
    if len(quote) <= QUOTE_CHARS:
        return quote
    cut = textwrap.shorten(quote, QUOTE_CHARS + 1, placeholder="…")
    return cut[:-1].rstrip(" ,;:") + "…" if cut != "…" else quote[:QUOTE_CHARS] + "…"


def title(quote: str, kind: str) -> str:
    return figure_words(f"claim-{kind}").text("title", quote=short_quote(quote))


def with_claim(summary: str, words: FigureWords, quote: str) -> str:
    """The summary, led by the claim in full when the title had to cut it: a static page shows the claim nowhere
    else ('…about a 50% increased…')."""
    if short_quote(quote) == quote:
        return summary
    return i18n.sentences([words.text("labels.claim", quote=quote), summary], i18n.current())


def _counted(words, name: str, n: int) -> str:
    """'one origin figure', '3 origin figures' or 'no origin figure': never 'row(s)'."""
    return words.text(
        f"labels.{name}_" + ("none" if n == 0 else "one" if n == 1 else "many"), **({"n": n} if n > 1 else {})
    )


def counted_rows(found: ClaimEvidence, claim_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(counted, uncounted): the claim's linked estimate and homelessness rows with a count (or range), and without."""
    numeric = found.rows[found.rows["claim_id"] == claim_id]
    has_count = numeric["value"].notna() | numeric["value_low"].notna()
    return shown_once(numeric[has_count]), numeric[~has_count]


def ratio_rows(found: ClaimEvidence, claim_id: str) -> pd.DataFrame:
    """The claim's linked health-risk ratios, as forest rows."""
    return forest_rows(found.health[found.health["claim_id"] == claim_id], found.vocab)


def claimed_count(words: FigureWords, claim: pd.Series) -> tuple[float, str] | None:
    """(value, legend name) of the count the claim's quote states (claims.csv claimed_count),
    or None when it states none."""
    value = claim.get("claimed_count")
    return None if pd.isna(value) else (float(value), words.text("labels.claimed", value=count(value)))


def claimed_ratio(words: FigureWords, claim: pd.Series) -> tuple[float, str] | None:
    """(value, legend name) of the risk the claim's quote states as a ratio (claimed_ratio), named with the percentage
    change it was read from, so a reader sees that 1.5 is the claim's '50%'; None when it states none."""
    value = claim.get("claimed_ratio")
    if pd.isna(value):
        return None
    change = f"{round(abs(float(value) - 1) * 100, 6):g}"
    name = "labels.claimed_higher" if float(value) >= 1 else "labels.claimed_lower"
    return float(value), words.text(name, percent=change, ratio=ratio(value))


def counts(found: ClaimEvidence, claim: pd.Series) -> Figure | None:
    """The claim's linked rows that have a count (origin and evidence), or None when it has none."""
    counted, uncounted = counted_rows(found, claim["claim_id"])
    if counted.empty:
        return None
    label, _ = verdict_badge(claim["verdict"], found.vocab)
    words = figure_words("claim-counts")
    claimed = claimed_count(words, claim)
    drawn = [counted["value"], counted["value_low"], counted["value_high"]] + (
        [pd.Series([claimed[0]])] if claimed else []
    )
    return Figure(
        key=key(claim["claim_id"], "counts"),
        title=title(claim["quote"], "counts"),
        subtitle=words.text("subtitle"),
        summary=with_claim(
            words.text(
                "summary",
                verdict=label,
                origin=_counted(words, "origin", int((counted["role"] == "origin").sum())),
                evidence=_counted(words, "evidence", int((counted["role"] == "evidence").sum())),
            ),
            words,
            claim["quote"],
        ),
        chart=dot_plot(counted, "count", spans_a_decade(pd.concat(drawn).astype("float64")), reference=claimed),
        rows=counted,
        table_columns=headings(TABLE_COLUMNS),
        points=([claimed[1]] if claimed else []) + points(counted),
        caveats=words.caveats(),
        extra_notes=[
            words.text("labels.not_drawn", label=r["label"], published=r["as_published"])
            for _, r in uncounted.iterrows()
        ],
    )


def ratios(found: ClaimEvidence, claim: pd.Series) -> Figure | None:
    """The published associations the claim is checked against, or None when it has none."""
    rows = ratio_rows(found, claim["claim_id"])
    if rows.empty:
        return None
    label, _ = verdict_badge(claim["verdict"], found.vocab)
    words = figure_words("claim-ratios")
    claimed = claimed_ratio(words, claim)
    return Figure(
        key=key(claim["claim_id"], "ratios"),
        title=title(claim["quote"], "ratios"),
        subtitle=words.text("subtitle"),
        summary=with_claim(
            words.text(
                "summary",
                verdict=label,
                associations=words.text("labels.one") if len(rows) == 1 else words.text("labels.many", n=len(rows)),
            ),
            words,
            claim["quote"],
        ),
        chart=forest_plot(rows, reference=claimed),
        rows=rows,
        table_columns=headings(HEALTH_COLUMNS),
        points=([claimed[1]] if claimed else []) + points(rows, "estimate_text"),
        caveats=words.caveats(),
    )


BUILDERS = {"counts": counts, "ratios": ratios}


def entries(check: PackageCheck, kind: str) -> list[tuple[str, dict, dict]]:
    """(key, parameters, link parameters) of each claim's figure of this kind, in the page's order; the link names the
    screen of claims it is on when every topic is shown."""
    found = evidence(check)
    listed = check.table("claims")
    listed = listed[listed["topic"].isin(topic_labels(Vocabulary.of(check)))]
    out = []
    for position, (_, claim) in enumerate(listed.iterrows()):
        screen = position // CLAIMS_PER_PAGE + 1
        present = (
            not counted_rows(found, claim["claim_id"])[0].empty
            if kind == "counts"
            else not ratio_rows(found, claim["claim_id"]).empty
        )
        if present:
            out.append(
                (
                    key(claim["claim_id"], kind),
                    {"claim_id": claim["claim_id"], "kind": kind},
                    {"claims_page": str(screen)} if screen > 1 else {},
                )
            )
    return out


def claim_figure(check: PackageCheck, claim_id: str, kind: str) -> Figure | None:
    """One claim's figure of one kind, from the package alone."""
    claims = check.table("claims")
    return BUILDERS[kind](evidence(check), claims[claims["claim_id"] == claim_id].iloc[0])


# Two families: each claim's counts, then (on the same claim's card) its ratios; the catalog interleaves them by claim.
declare(
    "claim-counts",
    "claims",
    params={},
    placeholders={
        "title": ("quote",),
        "labels.claim": ("quote",),
        "summary": ("verdict", "origin", "evidence"),
        "labels.origin_many": ("n",),
        "labels.evidence_many": ("n",),
        "labels.not_drawn": ("label", "published"),
        "labels.claimed": ("value",),
    },
    expand=lambda check: entries(check, "counts"),
)(claim_figure)
declare(
    "claim-ratios",
    "claims",
    params={},
    placeholders={
        "title": ("quote",),
        "labels.claim": ("quote",),
        "summary": ("verdict", "associations"),
        "labels.many": ("n",),
        "labels.claimed_higher": ("percent", "ratio"),
        "labels.claimed_lower": ("percent", "ratio"),
    },
    expand=lambda check: entries(check, "ratios"),
)(claim_figure)
