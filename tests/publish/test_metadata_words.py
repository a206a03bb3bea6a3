"""A figure's metadata file is in its edition's language: the data package's title too, not only the figure's."""

import json

import pytest

import i18n
from core.package import descriptor
from loaders.tables import check_package
from publish.build import build_site
from tests.conftest import STATIC_TODAY, VALID

KEY = "japan-rounds"


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("metadata") / "site"
    build_site(check_package(VALID), out, None, images=False, today=STATIC_TODAY, only=(KEY,), languages=("en", "ja"))
    return {
        lang: json.loads((out / folder / "figures" / KEY / f"{KEY}.json").read_text(encoding="utf-8"))
        for lang, folder in (("en", "."), ("ja", "ja"))
    }


def test_the_japanese_metadata_names_the_data_package_in_japanese(documents):
    title = descriptor()["title"]
    assert documents["en"]["data_package"]["title"] == title
    japanese = i18n.translator("ja").gettext(title)
    assert japanese != title
    assert documents["ja"]["data_package"]["title"] == japanese
    assert documents["ja"]["data_package"]["name"] == documents["en"]["data_package"]["name"]  # the id, for tools
