"""The card's "Kinds of source" line lists its kinds as the reader's language lists things: 支援団体、研究機関 in
Japanese, never the English ', ' the page used to join them with in every language."""

import dataclasses
from datetime import date

import pytest

import i18n
from figures.card import CardContent
from figures.catalog import catalog
from figures.finished import finish
from loaders.tables import check_package
from tests.conftest import VALID


@pytest.mark.parametrize(("lang", "separator"), [("ja", "、"), ("en", ", ")])
def test_the_kinds_of_source_are_listed_in_the_reader_s_language(lang, separator):
    check = check_package(VALID)
    sources = check.table("sources")
    used = sources.drop_duplicates("source_type").head(2)  # a card citing two kinds of source
    assert used["source_type"].nunique() == 2
    figure = next(f for e in catalog(check) if (f := e.build(check)) is not None)
    with i18n.language(lang):
        finished = dataclasses.replace(finish(figure, check), used=used)
        notes = CardContent(finished, check, None, date(2026, 12, 7)).notes
    assert len(notes["source_types"]) == 2
    assert notes["source_types_listed"] == separator.join(notes["source_types"])
