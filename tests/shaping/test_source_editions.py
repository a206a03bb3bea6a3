"""One producer's editions in a source line read oldest first, and two of one year are told apart (2023a, 2023b):
'CNR-IFC … (2023, 2023)' left a reader unable to say which link was which, and '(2023 e 2019)' read backwards."""

import pandas as pd
import pytest

import i18n
from loaders.tables import check_package
from shaping.citations import citation_groups, source_line
from tests.conftest import VALID


@pytest.fixture
def editions() -> pd.DataFrame:
    """The fixture's Cabinet Office source as four editions, in order of first use: 2023, 2019, 2023 again, 2010."""
    office = check_package(VALID).table("sources").set_index("source_id").loc["jp-cao-2010"]
    dates = {"a-2023": "2023-03-31", "b-2019": "2019-03-29", "c-2023": "2023-11-01", "d-2010": "2010-07"}
    return pd.DataFrame(
        [
            office.to_dict() | {"source_id": i, "published": d, "url": f"https://example.org/{i}"}
            for i, d in dates.items()
        ]
    )


def test_a_producer_s_editions_are_oldest_first_and_a_shared_year_is_lettered(editions):
    with i18n.language("en"):
        ((_, listed),) = citation_groups(editions)
    assert listed == [
        ("2010", "https://example.org/d-2010"),
        ("2019", "https://example.org/b-2019"),
        ("2023a", "https://example.org/a-2023"),  # published first that year
        ("2023b", "https://example.org/c-2023"),
    ]


@pytest.mark.parametrize("lang", ["en", "ja", "it"])
def test_the_source_line_never_repeats_a_year(editions, lang):
    with i18n.language(lang):
        line = source_line(editions)
    years = [y for y in ("2010", "2019", "2023a", "2023b") if y in line]
    assert len(years) == 4
    assert [line.index(y) for y in years] == sorted(line.index(y) for y in years)
