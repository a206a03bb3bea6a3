"""The Claim check's figures: for each claim, the counts and the ratios it was traced to or checked against."""

import weakref
from dataclasses import dataclass

import pandas as pd

from core.package_check import PackageCheck
from figures.figure import Figure
from figures.params import points
from shaping.charts import dot_plot, forest_plot
from shaping.claims import linked_health, linked_rows, verdict_badge
from shaping.health import forest_rows
from shaping.vocabulary import Vocabulary

TABLE_COLUMNS = {"label": "Row", "as_published": "As published", "value": "Count", "rate_pct": "Rate %", "source_id": "Source"}
HEALTH_COLUMNS = {"label": "Study · exposure → outcome", "estimate_text": "Estimate (95% CI)", "significance": "Significance", "source_id": "Source"}
KINDS = ("counts", "ratios")


@dataclass(frozen=True)
class ClaimEvidence:
    """The rows linked to claims, shaped once per script run for every claim's figures."""

    rows: pd.DataFrame  # estimate and homelessness rows, annotated alike (shaping.claims.linked_rows)
    health: pd.DataFrame  # health-risk rows (shaping.claims.linked_health)
    sources: pd.DataFrame
    vocab: Vocabulary


# The last package's shaped claim rows: every claim's figure starts from them, and a server's warm-up builds one figure
# per claim in a row (63 ms each time on the bundled data, for each of 9 figures). A weak reference: an old package
# is not kept alive for this.
_last: tuple[weakref.ref, ClaimEvidence] | None = None


def evidence(check: PackageCheck) -> ClaimEvidence:
    """The rows linked to claims, shaped once per package (check) and shared by all its claims' figures."""
    global _last
    last = _last
    if last is not None and last[0]() is check:
        return last[1]
    found = _shaped(check)
    _last = (weakref.ref(check), found)
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


def title(quote: str, kind: str) -> str:
    return f"Evidence for the claim “{quote[:60]}{'…' if len(quote) > 60 else ''}” ({kind})"


def counted_rows(found: ClaimEvidence, claim_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(counted, uncounted): the claim's linked estimate and homelessness rows with a count (or range), and without."""
    numeric = found.rows[found.rows["claim_id"] == claim_id]
    has_count = numeric["value"].notna() | numeric["value_low"].notna()
    return numeric[has_count], numeric[~has_count]


def ratio_rows(found: ClaimEvidence, claim_id: str) -> pd.DataFrame:
    """The claim's linked health-risk ratios, as forest rows."""
    return forest_rows(found.health[found.health["claim_id"] == claim_id], found.vocab)


def counts(found: ClaimEvidence, claim: pd.Series) -> Figure | None:
    """The claim's linked rows that have a count (origin and evidence), or None when it has none."""
    counted, uncounted = counted_rows(found, claim["claim_id"])
    if counted.empty:
        return None
    label, _ = verdict_badge(claim["verdict"], found.vocab)
    return Figure(
        key=key(claim["claim_id"], "counts"),
        title=title(claim["quote"], "counts"),
        summary=f"{label}: {len(counted[counted['role'] == 'origin'])} origin row(s) and "
        f"{len(counted[counted['role'] == 'evidence'])} evidence row(s) with a count.",
        chart=dot_plot(counted, "count", True),
        rows=counted,
        table_columns=TABLE_COLUMNS,
        points=points(counted),
        extra_notes=[f"Not drawn (no count): {r['label']}: {r['as_published']}" for _, r in uncounted.iterrows()],
    )


def ratios(found: ClaimEvidence, claim: pd.Series) -> Figure | None:
    """The published associations the claim is checked against, or None when it has none."""
    rows = ratio_rows(found, claim["claim_id"])
    if rows.empty:
        return None
    label, _ = verdict_badge(claim["verdict"], found.vocab)
    return Figure(
        key=key(claim["claim_id"], "ratios"),
        title=title(claim["quote"], "ratios"),
        summary=f"{label}: {len(rows)} published association(s) checked against the claim.",
        chart=forest_plot(rows),
        rows=rows,
        table_columns=HEALTH_COLUMNS,
        points=points(rows, "estimate_text"),
        caveats=["associations"],
    )


BUILDERS = {"counts": counts, "ratios": ratios}


def claim_figure(check: PackageCheck, claim_id: str, kind: str) -> Figure | None:
    """One claim's figure of one kind, from the package alone."""
    claims = check.table("claims")
    return BUILDERS[kind](evidence(check), claims[claims["claim_id"] == claim_id].iloc[0])
