"""Shaping claims and their evidence: one frame per claim, whatever table each linked row lives in."""

import math

import pandas as pd

from settings import VERDICT_COLORS
from shaping import estimates as estimate_shaping
from shaping import homelessness as homeless_shaping
from shaping.vocabulary import Vocabulary
from shaping.words import phrase


def linked_rows(
    links: pd.DataFrame, estimates: pd.DataFrame, homelessness: pd.DataFrame, vocab: Vocabulary
) -> pd.DataFrame:
    """Estimate and homelessness rows linked to claims, annotated alike so one dot plot can draw them; role kept."""
    parts = []
    est = links[links["estimate_id"].notna()].merge(
        estimate_shaping.annotate(estimates, vocab), on="estimate_id", suffixes=("_link", "")
    )
    parts.append(est)
    home = links[links["homelessness_row_id"].notna()].merge(
        homeless_shaping.annotate(homelessness, vocab),
        left_on="homelessness_row_id",
        right_on="row_id",
        suffixes=("_link", ""),
    )
    if not home.empty:
        home = home.assign(unit="people", scope="residents", concept="homelessness", derived_fields=pd.NA)
    parts.append(home)
    rows = pd.concat([p for p in parts if not p.empty], ignore_index=True)
    rows["label"] = [
        phrase(f"roles.{role}", label=label) for role, label in zip(rows["role"], rows["label"], strict=True)
    ]
    return rows


def linked_health(links: pd.DataFrame, risks: pd.DataFrame) -> pd.DataFrame:
    """Health-risk rows linked to claims, one per link (the link's clashing columns suffixed '_link'); role kept."""
    return links[links["health_row_id"].notna()].merge(
        risks, left_on="health_row_id", right_on="row_id", suffixes=("_link", "")
    )


def page_count(claims: int, per_page: int) -> int:
    """How many screens of claims there are (at least one, even for none)."""
    return max(1, math.ceil(claims / per_page))


def claims_on_page(claims: pd.DataFrame, number: int, per_page: int) -> tuple[pd.DataFrame, int]:
    """The claims on screen `number` (1-based; a number past the last screen means the last)
    and the position of the first."""
    first = (min(number, page_count(len(claims), per_page)) - 1) * per_page
    return claims.iloc[first : first + per_page], first


def topic_labels(vocab: Vocabulary) -> dict[str, str]:
    """topic -> label, in labels.csv's order (the order the topic filter lists them in)."""
    return vocab.labels_of("claims", "topic")


def verdict_badge(verdict: str, vocab: Vocabulary) -> tuple[str, str]:
    """Badge text (labels.csv) and colour (settings.VERDICT_COLORS) for a verdict."""
    return vocab.label("claims", "verdict", verdict), VERDICT_COLORS[verdict]
