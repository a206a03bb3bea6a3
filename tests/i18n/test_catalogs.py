"""Update and compile through Babel's API: new msgids reach every catalog; '95%' never breaks compiling."""

from babel.messages.catalog import Catalog

from i18n import translator
from i18n.catalogs import compile_po, po_path, read, update
from tests.i18n.conftest import write_catalog, write_po_for


def test_update_adds_new_msgids_untranslated_and_keeps_translations(tmp_path):
    template = Catalog(domain="messages")
    template.add("Old")
    template.add("New {n}")
    write_catalog(tmp_path / "messages.pot", template)
    write_po_for(tmp_path, "it", {"Old": "Vecchio"})
    update("it", tmp_path / "messages.pot", tmp_path / "locales")
    po = read(po_path("it", tmp_path / "locales"), "it")
    assert po.get("Old").string == "Vecchio"
    assert po.get("New {n}") is not None and not po.get("New {n}").string


def test_update_creates_a_missing_catalog(tmp_path):
    template = Catalog(domain="messages")
    template.add("Hello")
    write_catalog(tmp_path / "messages.pot", template)
    path = update("ko", tmp_path / "messages.pot", tmp_path / "locales")
    assert read(path, "ko").get("Hello") is not None


def test_compiling_a_percent_sign_and_reading_it_back(tmp_path):
    path = write_po_for(
        tmp_path, "ja", {"95% interval derived here": "当サイトで算出した95%区間", "Later": "後で"}, fuzzy={"Later"}
    )
    assert compile_po(path) == (1, 2)
    translations = translator("ja", tmp_path / "locales")
    assert translations.gettext("95% interval derived here") == "当サイトで算出した95%区間"
    assert translations.gettext("Later") == "Later"  # fuzzy: left out, English shows
    assert translations.gettext("Not in the catalog") == "Not in the catalog"
