"""The data package's README speaks the reader's language: the package's and each table's title and description come
from the catalogs (extracted from data/datapackage.json), English where a text has no translation."""

import pytest

from core.package import descriptor
from i18n import language, translator
from shaping.downloads import package_readme


def table_line(readme: str, path: str) -> str:
    [line] = [line for line in readme.splitlines() if line.startswith(f"- {path}")]
    return line


@pytest.mark.parametrize("lang", ["ja", "ko", "it"])
def test_the_readme_names_each_table_in_the_readers_language_with_no_english_description(lang):
    package = descriptor()
    gettext = translator(lang).gettext
    with language(lang):
        readme = package_readme()
    for resource in package["resources"]:
        title, description = gettext(resource["title"]), gettext(resource["description"])
        assert title != resource["title"] and description != resource["description"], resource["name"]
        line = table_line(readme, resource["path"])
        assert title in line and description in line
        assert resource["description"] not in readme
    assert gettext(package["description"]) in readme
    assert package["description"] not in readme
    assert readme.splitlines()[0].startswith(gettext(package["title"]))


def test_english_readers_read_the_descriptor_as_written():
    package = descriptor()
    readme = package_readme()
    assert readme.splitlines()[2] == package["description"]
    for resource in package["resources"]:
        assert (
            table_line(readme, resource["path"])
            == f"- {resource['path']}: {resource['title']}. {resource['description']}"
        )


def test_a_text_with_no_translation_stays_english_beside_translated_ones():
    package = {
        "title": "A package no catalog knows",
        "description": "Nothing here is in a catalog.",
        "version": "1.0.0",
        "resources": [
            {"path": "sources.csv", "title": "Sources", "description": "Where each row can be read, untranslated."}
        ],
    }
    with language("ja"):
        readme = package_readme(package)
    assert readme.splitlines()[0].startswith("A package no catalog knows")
    assert "Nothing here is in a catalog." in readme
    line = table_line(readme, "sources.csv")
    assert translator("ja").gettext("Sources") in line and "Sources" not in line
    assert "Where each row can be read, untranslated." in line
