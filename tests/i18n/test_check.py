"""The checks: a stale template, untranslated, fuzzy or missing entries, placeholders lost or added."""

from i18n.check import catalog_problems, placeholder_problems, problems, template_problems
from tests.i18n.conftest import GOOD, write_po_for


def test_a_complete_catalog_and_a_fresh_template_have_no_problem(project):
    assert problems(project, ("ja",)) == []


def test_a_missing_placeholder_is_an_error_at_the_po_line(project):
    path = write_po_for(project, "ja", {**GOOD, "Where it says so ({count} quotes)": "該当箇所（引用件）"})
    [problem] = catalog_problems("ja", project)
    assert problem.file == "locales/ja/LC_MESSAGES/messages.po"
    assert path.read_text(encoding="utf-8").splitlines()[problem.line - 1].startswith("msgid")
    assert str(problem) == (
        f"locales/ja/LC_MESSAGES/messages.po:{problem.line}: 'Where it says so ({{count}} quotes)': "
        "placeholder {count} missing from the translation"
    )


def test_an_added_or_renamed_placeholder_is_an_error():
    assert placeholder_problems("{n} figures", "{n}件 {m}") == [
        "placeholder {m} added by the translation (not in the msgid)"
    ]
    assert placeholder_problems("{count:,} people", "{count}人") == [
        "placeholder {count:,} missing from the translation",
        "placeholder {count} added by the translation (not in the msgid)",
    ]


def test_placeholders_may_move_and_percent_signs_are_not_placeholders():
    assert placeholder_problems("{a} of {b}", "{b}のうち{a}") == []
    assert placeholder_problems("95% interval", "95%区間") == []


def test_malformed_braces_and_lost_line_breaks_are_errors():
    assert "malformed braces" in placeholder_problems("{year}", "{year")[0]
    assert "markup differs" in placeholder_problems("{year}<br>aged {ages}", "{year} {ages}")[0]


def test_untranslated_fuzzy_and_missing_entries_are_errors(project):
    strings = {**GOOD, "Numbers": "", "Source": "出典"}
    del strings["First note."]
    write_po_for(project, "ja", strings, fuzzy={"Source"})
    said = {(p.msgid, p.message) for p in catalog_problems("ja", project)}
    assert ("Numbers", "untranslated") in said
    assert ("Source", "fuzzy: check the translation, then remove the fuzzy flag") in said
    assert ("First note.", "not in the catalog: run `make translations`") in said


def test_a_language_without_catalog_is_an_error(project):
    [problem] = catalog_problems("ko", project)
    assert problem.message == "no catalog for ko: run `make translations`"


def test_a_words_string_missing_from_the_template_is_stale(project):
    site = project / "words" / "site.toml"
    site.write_text(site.read_text(encoding="utf-8") + 'sources = "Sources"\n', encoding="utf-8")
    [problem] = template_problems(project)
    assert (problem.file, problem.line, problem.msgid) == ("words/site.toml", 9, "Sources")
    assert problem.message == "not in the template: run `make translations`"


def test_a_template_msgid_no_longer_in_the_words_is_stale(project):
    figure = project / "words" / "figures" / "f.toml"
    figure.write_text(figure.read_text(encoding="utf-8").replace("First note.", "A new note."), encoding="utf-8")
    said = {(p.file, p.msgid, p.message) for p in template_problems(project)}
    assert (
        "locales/messages.pot",
        "First note.",
        "no longer in the words files (or babel.cfg's other sources)",
    ) in said
    assert ("words/figures/f.toml", "A new note.", "not in the template: run `make translations`") in said


def test_other_sources_of_babel_cfg_are_in_the_check_and_keep_their_percent_check(project):
    (project / "babel.cfg").write_text(
        "[extractors]\nwords = i18n.extract:extract_toml\n[words: words/**.toml]\n[python: code/**.py]\n",
        encoding="utf-8",
    )
    (project / "code").mkdir()
    (project / "code" / "page.py").write_text('_("Hello %(name)s")\n', encoding="utf-8")
    [problem] = template_problems(project)
    assert (problem.file, problem.line, problem.msgid) == ("code/page.py", 1, "Hello %(name)s")

    from i18n.extract import catalog, entries, other_sources

    template = catalog(entries(project), other_sources(project))
    assert "python-format" in template.get("Hello %(name)s").flags
