"""The card in the reader's language: a quote in an element that says its language (its text never read as HTML or
Markdown), and downloads made on click in the language of the run that offered them."""

import i18n
from figures.in_english import in_english_html
from ui.card import quote_html


def test_a_quote_is_escaped_and_says_its_language():
    quote = '内閣府 <script>alert(1)</script> **推計** [link](javascript:x) & "引用"'
    shown = quote_html(quote, "ja")
    assert shown.startswith('<blockquote lang="ja">') and shown.endswith("</blockquote>")
    assert "<script>" not in shown and "&lt;script&gt;" in shown and "&amp;" in shown
    assert "\n" not in quote_html("one line\n\nanother paragraph", "en")  # a blank line would end the HTML block


def test_a_quote_of_unknown_language_has_no_lang_rather_than_a_wrong_one():
    assert quote_html("Texte", None) == "<blockquote>Texte</blockquote>"
    assert quote_html("Texte", '"><img src=x>') == "<blockquote>Texte</blockquote>"  # only known codes


def test_the_english_translation_is_marked_english_inside_the_reader_s_sentence():
    with i18n.language("ja"):
        shown = in_english_html("About <b>696,000</b> people")
    template = i18n.translator("ja").gettext("In English: {quote}")
    before = template.split("{quote}")[0]
    assert shown.startswith(before) and before
    assert '<span lang="en">About &lt;b&gt;696,000&lt;/b&gt; people</span>' in shown


def test_a_download_made_later_in_another_thread_is_made_in_the_reader_s_language():
    from concurrent.futures import ThreadPoolExecutor

    from ui.page import on_click_in_this_language

    with i18n.language("ko"):
        make = on_click_in_this_language(lambda: i18n.translate("Sources"))
    with ThreadPoolExecutor(max_workers=1) as pool:  # as Streamlit's media handler calls it, outside the script run
        assert pool.submit(make).result() == i18n.translator("ko").gettext("Sources") != "Sources"
