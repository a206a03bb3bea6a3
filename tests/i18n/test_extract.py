"""The extractor: every reader-facing string of the words files, one msgid per English text, with file:line."""

import io

from i18n.extract import entries, entries_of, extract_toml, lines, placeholders
from tests.i18n.conftest import FIGURE, SITE


def test_every_string_value_is_a_word_except_code_names_and_keys(project):
    found = {(e.file, e.key): e.text for e in entries(project)}
    assert found[("words/site.toml", "tagline")] == "A long sentence on two lines."
    assert found[("words/figures/f.toml", "notes.1")] == "Source"
    assert found[("words/figures/f.toml", "annotations.0.text")] == "2018: first round"
    keys = {key for _, key in found}
    assert not {"caveats.0", "annotations.0.position"} & keys


def test_page_script_and_icon_are_not_words():
    pages = '[overview]\nfile = "views/overview.py"\ntitle = "Overview"\nicon = ":material/dashboard:"\n'
    assert [(e.key, e.text) for e in entries_of(pages, "words/pages.toml")] == [("overview.title", "Overview")]


def test_caveats_of_the_site_are_words_but_a_figures_caveat_list_is_keys():
    site = '[caveats]\nfew_cases = "Few cases."\n'
    assert [e.text for e in entries_of(site, "words/site.toml")] == ["Few cases."]
    assert [e.text for e in entries_of('caveats = ["few_cases"]\n', "words/figures/x.toml")] == []


def test_lines_point_at_each_key_array_element_and_array_table():
    where = lines(FIGURE)
    assert where[("title",)] == 1
    assert where[("notes", 0)] == 4 and where[("notes", 1)] == 5
    assert where[("labels", "round")] == 9
    assert where[("annotations", 0, "text")] == 13
    assert lines(SITE)[("card", "source")] == 8


def test_a_multi_line_string_does_not_hide_the_keys_after_it():
    assert lines(SITE)[("card", "where_count")] == 7


def test_the_same_english_is_one_msgid_with_every_location(project):
    from i18n.extract import catalog

    template = catalog(entries(project))
    source = template.get("Source")
    assert source.locations == [("words/figures/f.toml", 5), ("words/site.toml", 8)]
    assert "python-brace-format" in template.get("Where it says so ({count} quotes)").flags
    assert "python-format" not in template.get("Where it says so ({count} quotes)").flags


def test_placeholders_keep_their_format_spec():
    assert placeholders("About {count:,} of {total} ({pct!r})") == ["{count:,}", "{pct!r}", "{total}"]
    assert placeholders("95% interval") == []


def test_babel_extraction_method_yields_keys_as_comments():
    fileobj = io.BytesIO(FIGURE.encode())
    fileobj.name = "words/figures/f.toml"
    found = list(extract_toml(fileobj, [], [], {}))
    assert found[0] == (1, None, "Counts by {year}", ["key: title"])
