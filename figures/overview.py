"""The Overview's numbers: each country's headline estimate and how many figures a readable page confirms."""

import pandas as pd

from core.package_check import PackageCheck
from shaping.evidence import coverage, coverage_sentence, read_on_a_page
from shaping.headlines import headline_rows
from shaping.vocabulary import Vocabulary

COVERED = ("recluse_estimates", "youth_homelessness", "isolation_health_risks", "population")


def headlines(check: PackageCheck) -> pd.DataFrame:
    """Each country's one headline figure (shaping.headlines: the rule in CONTRIBUTING), the same on every page."""
    return headline_rows(
        check.table("recluse_estimates"), read_on_a_page(check.table("evidence")), Vocabulary.of(check)
    )


def coverage_text(check: PackageCheck) -> str:
    """'151 of 155 figures confirmed on a readable page; …', over the tables that have no problems."""
    usable = {name: check.frames[name] for name in COVERED if not check.problems.get(name)}
    return coverage_sentence(coverage(usable, check.table("evidence")))
