"""The data package's own words: the package's and each table's title and description are msgids, with their place in
data/datapackage.json; the schemas' field descriptions are not."""

import io
import json
from pathlib import Path

from babel.messages.pofile import write_po

from core.package import descriptor
from i18n.check import template_problems
from i18n.extract import (
    ROOT,
    catalog,
    descriptor_entries,
    entries,
    extract_datapackage,
    other_sources,
    read,
    signature,
)

DESCRIPTOR = """{
  "name": "tiny",
  "title": "Tiny numbers",
  "description": "Counts of things, with 95% confidence intervals.",
  "resources": [
    {
      "name": "things",
      "path": "things.csv",
      "title": "Things",
      "description": "One row per thing.",
      "schema": {
        "fields": [
          {"name": "thing_id", "title": "Thing", "description": "Short stable id, for tools."}
        ]
      }
    },
    {
      "name": "sources",
      "path": "sources.csv",
      "title": "Sources",
      "description": "Where each thing can be read."
    }
  ]
}
"""
CONFIG = """[extractors]
words = i18n.extract:extract_toml
datapackage = i18n.extract:extract_datapackage
[words: words/**.toml]
[datapackage: data/datapackage.json]
"""


def test_the_package_and_each_table_give_title_and_description_at_their_line_and_fields_give_none():
    found = [(e.key, e.line, e.text) for e in descriptor_entries(DESCRIPTOR)]
    assert found == [
        ("title", 3, "Tiny numbers"),
        ("description", 4, "Counts of things, with 95% confidence intervals."),
        ("resources.things.title", 9, "Things"),
        ("resources.things.description", 10, "One row per thing."),
        ("resources.sources.title", 20, "Sources"),
        ("resources.sources.description", 21, "Where each thing can be read."),
    ]
    assert all(e.file == "data/datapackage.json" for e in descriptor_entries(DESCRIPTOR))
    assert all(type(e.text) is str for e in descriptor_entries(DESCRIPTOR))


def test_a_line_is_found_however_the_json_is_laid_out():
    flat = json.dumps(json.loads(DESCRIPTOR), ensure_ascii=True)
    assert {e.line for e in descriptor_entries(flat)} == {1}
    assert [e.text for e in descriptor_entries(flat)] == [e.text for e in descriptor_entries(DESCRIPTOR)]


def test_babel_extraction_method_yields_keys_as_comments():
    fileobj = io.BytesIO(DESCRIPTOR.encode())
    found = list(extract_datapackage(fileobj, [], [], {}))
    assert found[3] == (10, None, "One row per thing.", ["key: resources.things.description"])


def tiny_project(root: Path) -> Path:
    (root / "words").mkdir()
    (root / "words" / "site.toml").write_text('[card]\nsources = "Sources"\n', encoding="utf-8")
    (root / "data").mkdir()
    (root / "data" / "datapackage.json").write_text(DESCRIPTOR, encoding="utf-8")
    (root / "babel.cfg").write_text(CONFIG, encoding="utf-8")
    return root


def test_babel_cfg_puts_the_descriptions_in_the_template_with_location_and_key(tmp_path):
    project = tiny_project(tmp_path)
    template = catalog(entries(project), other_sources(project))
    described = template.get("One row per thing.")
    assert described.locations == [("data/datapackage.json", 10)]
    assert described.auto_comments == ["key: resources.things.description"]
    shared = template.get("Sources")  # the words' msgid, with the table's place and key added
    assert shared.locations == [("words/site.toml", 2), ("data/datapackage.json", 20)]
    assert shared.auto_comments == ["key: card.sources", "key: resources.sources.title"]
    assert "python-format" not in template.get("Counts of things, with 95% confidence intervals.").flags
    assert template.get("Short stable id, for tools.") is None


def test_a_description_missing_from_the_template_is_stale(tmp_path):
    project = tiny_project(tmp_path)
    (project / "locales").mkdir()
    with (project / "locales" / "messages.pot").open("wb") as f:
        write_po(f, catalog(entries(project)))  # the words only, as before the descriptor was extracted
    said = {(p.file, p.line, p.msgid) for p in template_problems(project)}
    assert ("data/datapackage.json", 4, "Counts of things, with 95% confidence intervals.") in said


def test_the_projects_babel_cfg_extracts_the_bundled_descriptors_descriptions():
    extracted = {
        (text, file): comments for file, _, text, comments, _ in other_sources(ROOT) if file == "data/datapackage.json"
    }
    package = descriptor()
    assert extracted[(package["description"], "data/datapackage.json")] == ["key: description"]
    for resource in package["resources"]:
        key = f"key: resources.{resource['name']}.description"
        assert extracted[(resource["description"], "data/datapackage.json")] == [key]


def test_a_written_template_reads_back_unchanged_so_make_translations_does_not_rewrite_it(tmp_path):
    project = tiny_project(tmp_path)
    template = catalog(entries(project), other_sources(project))
    path = project / "messages.pot"
    with path.open("wb") as f:
        write_po(f, template, width=76)
    assert signature(read(path)) == signature(template)  # "Sources": its words place first, the table's after
