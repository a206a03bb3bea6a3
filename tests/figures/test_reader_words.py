"""The notes and 'How the numbers were made' steps a reader meets name no file and no working term: the per-100,000
view says the data package has no population for a count, never 'population.csv', and in Japanese each such
sentence ends with 。."""

import re
from pathlib import Path

import pytest

import i18n
from figures.health import forest
from figures.homelessness import one_night
from loaders.tables import check_package

FILE_NAME = re.compile(r"\b\w+\.(?:csv|zip|json|toml)\b")
WORKING_TERMS = re.compile(r"\bregister\b|登録簿|registro|목록에서")


def reader_text(figure) -> list[str]:
    how_made = figure.how_made() if callable(figure.how_made) else figure.how_made
    return [*figure.extra_notes, *(step for _, steps in how_made for step in steps)]


@pytest.mark.parametrize("lang", ["en", "ja", "ko", "it"])
def test_no_file_name_or_working_term_in_a_figure_s_notes(package: Path, lang):
    check = check_package(package)
    with i18n.language(lang):
        nights, health = one_night(check), forest(check)
    texts = reader_text(nights) + reader_text(health)
    steps = [step for _, parts in nights.how_made for step in parts]
    assert steps  # the fixture's Japanese street count has no population of its ages and year: a step says so
    for text in texts:
        assert not FILE_NAME.search(text), text
        assert not WORKING_TERMS.search(text), text
    if lang == "ja":
        assert all(step.endswith("。") for step in steps), steps
