"""The static edition's addresses and embed code (shared by the card and publish/)."""

from shaping.edition import HEIGHT_MESSAGE, embed_code, embed_height, figure_url


def test_addresses_sit_under_the_public_url_and_none_without_it():
    assert figure_url("https://h.example/", "compare") == "https://h.example/edition/figures/compare/"
    assert (
        figure_url("https://h.example/", "compare", "compare.png")
        == "https://h.example/edition/figures/compare/compare.png"
    )
    assert figure_url(None, "compare") is None


def test_embed_code_escapes_the_title_and_gives_the_documented_height():
    height = embed_height(480, "A title", "Sources: one")
    code = embed_code("https://h.example/edition/figures/x/embed.html", 'Japan\'s "count" <script>', height)
    assert code.startswith('<iframe src="https://h.example/edition/figures/x/embed.html" ')
    assert 'title="Hikikomori in Numbers: Japan\'s &quot;count&quot; &lt;script&gt;"' in code
    assert f"height: {height}px" in code and "width: 100%" in code and 'loading="lazy"' in code
    frame, script = code.split("</iframe>")
    assert frame.count("<") == 1 and script.startswith("<script>") and script.endswith("</script>")


def test_the_embed_codes_script_takes_heights_only_from_the_editions_origin():
    code = embed_code("https://h.example:8443/edition/figures/x/embed.html", "T", 600)
    script = code.split("</iframe>")[1]
    assert 'e.origin!=="https://h.example:8443"' in script and HEIGHT_MESSAGE in script
    assert "e.source" in script  # only the frame that sent the message is resized


def test_the_frame_height_holds_the_chart_and_more_lines_for_longer_or_wider_words():
    short = embed_height(480, "A title", "Sources: one")
    assert short > 480
    assert embed_height(480, "A title " * 12, "Sources: one") > short
    assert embed_height(480, "A title", "Sources: one; " * 20) > short
    assert embed_height(480, "日本のひきこもり" * 3, "x") > embed_height(480, "abcdefgh" * 3, "x")
