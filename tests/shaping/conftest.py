"""Real-data fixtures for shaping tests (the bundled package, validated once: real_check in tests/conftest.py)."""

import pytest

from shaping.estimates import annotate
from shaping.vocabulary import Vocabulary


@pytest.fixture(scope="session")
def vocab(real_check):
    return Vocabulary.of(real_check)


@pytest.fixture(scope="session")
def estimates(real_check, vocab):
    return annotate(real_check.table("recluse_estimates"), vocab)


@pytest.fixture(scope="session")
def sources(real_check):
    return real_check.table("sources").set_index("source_id", drop=False)


@pytest.fixture
def row(estimates):
    def pick(estimate_id: str):
        return estimates[estimates["estimate_id"] == estimate_id].iloc[0]

    return pick
