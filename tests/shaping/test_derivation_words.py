"""How a derived number was made, in the reader's language: derivation_<lang> where the data gives it, the data's
English (counted by the build) where it does not."""

import i18n
from figures.in_english import DERIVATIONS, english_texts
from loaders.tables import check_package
from shaping.sentences import how_made
from tests.conftest import set_cell

DERIVED = "jp-cao-2010-broad"  # the fixture's one row with a derived interval
JAPANESE = "有効回答者3,287人中59人から求めたウィルソン法の95%区間。"


def derived_row(package):
    return check_package(package).table("recluse_estimates").set_index("estimate_id").loc[DERIVED]


def test_a_japanese_reader_reads_the_derivation_in_japanese_and_an_english_one_in_english(package):
    set_cell(package, "recluse_estimates", 1, "derivation_ja", JAPANESE)
    row = derived_row(package)
    with i18n.language("ja"):
        japanese = " ".join(how_made(row))
    english = " ".join(how_made(row))
    assert JAPANESE in japanese and row["derivation"] not in japanese
    assert row["derivation"] in english and JAPANESE not in english


def test_without_a_translation_the_english_is_shown_and_counted_for_that_language_only(package):
    set_cell(package, "recluse_estimates", 1, "derivation_ja", JAPANESE)
    row = derived_row(package)
    with i18n.language("ko"):
        korean = " ".join(how_made(row))
    assert row["derivation"] in korean

    class Card:  # english_texts reads a card's figure rows and evidence only
        evidence: list = []

        class figure:  # noqa: N801 - a stand-in for a Figure's one attribute read here
            rows = row.to_frame().T.reset_index(names="estimate_id")

    assert english_texts([Card()], "ja")[DERIVATIONS] == set()
    assert english_texts([Card()], "ko")[DERIVATIONS] == {row["derivation"]}
