"""Source usage and search; claims joined to their evidence across tables."""

from shaping.claims import claims_on_page, linked_health, linked_rows, page_count, verdict_badge
from shaping.sources import matching, source_usage


def test_every_source_lists_the_rows_that_use_it(real_check):
    usage = source_usage(real_check).set_index("source_id")
    assert usage.loc["jp-cao-2010", "rows"] == 3
    assert "recluse_estimates: jp-cao-2010-broad" in usage.loc["jp-cao-2010", "used_by"]
    assert usage.loc["kr-mohw-2023", "rows"] == 0
    expected = sum(
        len(real_check.table(t))
        for t in ("recluse_estimates", "youth_homelessness", "isolation_health_risks", "population")
    )
    expected += int(real_check.table("claim_evidence")["source_id"].notna().sum())
    assert usage["rows"].sum() == expected


def test_search_matches_all_words(real_check):
    usage = source_usage(real_check)
    assert set(matching(usage, "cabinet 2018")["source_id"]) >= {"jp-cao-2018"}
    assert matching(usage, "CABINET office")["producer"].str.contains("Cabinet Office").all()
    assert matching(usage, "")["source_id"].tolist() == usage["source_id"].tolist()
    assert matching(usage, "no such source anywhere").empty


def test_claim_evidence_from_two_tables(real_check, vocab):
    rows = linked_rows(
        real_check.table("claim_evidence"),
        real_check.table("recluse_estimates"),
        real_check.table("youth_homelessness"),
        vocab,
    )
    us = rows[rows["claim_id"] == "c-us-1-6m"].set_index("row_id")
    assert us.loc["us-ringwalt-1-6m", "role"] == "origin" and us.loc["us-hud-2023", "role"] == "evidence"
    assert us.loc["us-hud-2023", "label"].startswith("Evidence: ")
    assert set(rows[rows["claim_id"] == "c-jp-half"]["estimate_id"]) == {
        "jp-cao-2015-broad",
        "jp-cao-2018-broad",
        "jp-cao-2022-15-64",
        "jp-cao-2022-15-39",
        "jp-cao-2022-40-64",
    }


def test_verdict_badges(vocab):
    assert verdict_badge("misdated", vocab) == ("Misdated", "orange")
    assert verdict_badge("unsourced", vocab) == ("Unsourced", "red")


def test_health_rows_linked_to_claims(real_check):
    links = real_check.table("claim_evidence")
    health = linked_health(links, real_check.table("isolation_health_risks"))
    assert len(health) == int(links["health_row_id"].notna().sum())
    assert (health["row_id"] == health["health_row_id"]).all() and {"role", "claim_id"} <= set(health.columns)


def test_claims_on_a_page(real_check):
    claims = real_check.table("claims")
    assert page_count(0, 3) == 1 and page_count(9, 3) == 3 and page_count(10, 3) == 4
    shown, first = claims_on_page(claims, 2, 3)
    assert first == 3 and shown["claim_id"].tolist() == claims["claim_id"].iloc[3:6].tolist()
    last = page_count(len(claims), 3)
    assert claims_on_page(claims, last + 5, 3)[1] == (last - 1) * 3  # past the last screen: the last
