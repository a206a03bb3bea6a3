"""The static edition's addresses and embed code (shared by the card and publish/)."""

from shaping.edition import embed_code, embed_height, figure_url


def test_addresses_sit_under_the_public_url_and_none_without_it():
    assert figure_url("https://h.example/", "compare") == "https://h.example/edition/figures/compare/"
    assert (
        figure_url("https://h.example/", "compare", "compare.png")
        == "https://h.example/edition/figures/compare/compare.png"
    )
    assert figure_url(None, "compare") is None


def test_embed_code_escapes_the_title_and_gives_the_documented_height():
    code = embed_code("https://h.example/edition/figures/x/embed.html", 'Japan\'s "count" <script>', embed_height(480))
    assert code.startswith('<iframe src="https://h.example/edition/figures/x/embed.html" ')
    assert 'title="Hikikomori in Numbers: Japan\'s &quot;count&quot; &lt;script&gt;"' in code
    assert (
        "height: 590px" in code and "width: 100%" in code and 'loading="lazy"' in code and code.endswith("></iframe>")
    )
