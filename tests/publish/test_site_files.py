"""`make site`'s files: seven per catalog figure and its stills, the images' size and source line,
the social card's 1200 × 630, the CSV as the card's download of the same view, metadata that meets its schema,
canonical addresses from the public URL, and data with problems refused."""

import json
import re
import struct
import subprocess
import sys
import zipfile
from html import escape
from urllib.parse import urlencode

import jsonschema
import pandas as pd
import pytest
from markupsafe import escape as html_text

import i18n
from core.package import descriptor, fingerprint, package_version
from figures import catalog
from publish import metadata
from publish.build import SOCIAL_NAME, SOCIAL_SIZE, STILLS, build_site, still_names
from shaping.citations import NO_URL
from shaping.downloads import about_columns, rows_csv
from shaping.edition import file_names
from shaping.evidence import quote_groups, quotes_for, unread_columns
from shaping.images import IMAGE_WIDTH, PNG_SCALE, image_height, titled
from shaping.words import app_title
from tests.conftest import REAL_DATA, ROOT, STATIC_BASE, STATIC_TODAY, set_cell

BASE, TODAY = STATIC_BASE, STATIC_TODAY

pytestmark = pytest.mark.chromium


def test_every_catalog_figure_has_its_seven_files_and_the_site_its_shared_ones(site, real_check):
    out, built = site
    keys = [e.key for e in catalog(real_check)]
    assert [b.entry.key for b in built] == keys
    for key in keys:
        folder = out / "figures" / key
        # and the social card (og:image) and the stills the pages show until plotly.js draws
        names = file_names(key) + [SOCIAL_NAME.format(key=key)] + still_names(key)
        assert sorted(p.name for p in folder.iterdir()) == sorted(names), key
        assert all((folder / name).stat().st_size > 0 for name in names), key
    assert sorted(p.name for p in (out / "figures").iterdir()) == sorted(keys)
    zip_name = f"hikikomori-in-numbers-data-{package_version()[0]}.zip"
    assert [p.name for p in out.glob("*.zip")] == [zip_name]
    # Each language folder has its own zip, whose README names the tables in that language.
    for lang in ("ja", "ko", "it"):
        with zipfile.ZipFile(out / lang / zip_name) as archive:
            readme = archive.read("README.txt").decode()
        assert i18n.translator(lang).gettext(descriptor()["resources"][1]["title"]) in readme, lang
        assert descriptor()["resources"][1]["title"] not in readme, lang
    scripts = sorted(p.name for p in (out / "assets").glob("*.js"))
    assert (
        len([s for s in scripts if s.startswith("plotly-")]) == 1 and len(scripts) == 2
    )  # plotly.js once, and site.js
    for page in out.rglob("*.html"):  # plotly.js is referenced, never inlined
        text = page.read_text(encoding="utf-8")
        assert "plotly.js v" not in text and len(text) < 400_000, page


def source_lines(fig) -> int:
    return next(a.text for a in fig.layout.annotations if a.name == "source-line").count("<br>") + 1


def test_png_is_twice_the_layout_and_svg_carries_the_source_line(site):
    out, built = site
    rewrapped = []
    for item in built:
        key = item.entry.key
        png = (out / "figures" / key / f"{key}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        exported = titled(item.chart, item.figure.title, item.figure.subtitle, source=item.shown.source_line)
        assert struct.unpack(">II", png[16:24]) == (IMAGE_WIDTH * PNG_SCALE, image_height(exported) * PNG_SCALE), key
        rewrapped.append((source_lines(exported), source_lines(item.chart)))
        svg = (out / "figures" / key / f"{key}.svg").read_text(encoding="utf-8")
        first_words = " ".join(item.figure.title.split()[:3])
        assert escape(first_words, quote=False) in svg, key  # the image says what it shows
        assert f'width="{IMAGE_WIDTH}"' in svg[:300], key
        assert "Hikikomori in Numbers · Source" in svg, key
        first_producer = item.line.split(": ", 1)[1].split(" (")[0]
        assert escape(first_producer.split()[0], quote=False) in svg, key
    # the image's source line runs across its width, not in the phone card's narrow column
    assert all(image <= card for image, card in rewrapped) and any(image < card for image, card in rewrapped)


def test_the_stills_are_the_chart_at_each_width_and_its_own_height_and_the_pages_offer_them(site):
    """What a reader sees until plotly.js draws: the chart as plotly.js draws it at each still's width, at the chart's
    own height (so the interactive chart takes the same room), source line inside; each page lists them narrow first."""
    out, built = site
    for item in built:
        key = item.entry.key
        names = still_names(key)
        for (width, _), name in zip(STILLS, names, strict=True):
            svg = (out / "figures" / key / name).read_text(encoding="utf-8")
            assert f'width="{width}" height="{image_height(item.chart)}"' in svg[:300], name
            assert "Hikikomori in Numbers · Source" in svg, name
        for page in ("index.html", "embed.html"):
            html = (out / "figures" / key / page).read_text(encoding="utf-8")
            offered = re.findall(r'(?:srcset|src)="([^"]+-chart-\d+\.svg)"', html)
            assert offered == names, (key, page)


def test_social_card_is_1200_by_630_with_the_chart_and_its_source_line(site):
    """og:image: the 1.91:1 shape social sites crop to, rendered from the finished chart (source line inside) in the
    same Kaleido batch as the PNG and SVG; the source line is the chart's lowest text, so the bottom strip holds ink."""
    from PIL import Image

    out, built = site
    for item in built:
        key = item.entry.key
        path = out / "figures" / key / SOCIAL_NAME.format(key=key)
        png = path.read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == SOCIAL_SIZE, key
        with Image.open(path) as image:
            grey = image.convert("L")
            width, height = grey.size
            bottom = grey.crop(
                (0, height - height // 12, width, height)
            )  # where the source line ends, below the axis title
            assert bottom.getextrema()[0] < 128, f"{key}: no text along the card's bottom edge"


def test_csv_is_the_cards_download_of_the_same_view(site, real_check):
    """The card's CSV of a view is rows_csv(built.rows, ...) with the view's URL in its first line (tests/pages prove
    the card draws its builder's rows); the static CSV must be that file byte for byte, for the default view."""
    out, built = site
    sources = real_check.table("sources")
    for item in built:
        entry, figure = item.entry, item.figure
        view = BASE + entry.page + ("?" + urlencode(entry.query) if entry.query else "")
        expected = rows_csv(
            figure.rows, sources, about_columns(f"{app_title()}: {figure.title}", view, descriptor()["version"])
        )
        assert (out / "figures" / entry.key / f"{entry.key}.csv").read_bytes() == expected, entry.key


def test_metadata_meets_the_schema_and_names_version_hash_and_addresses(site):
    out, built = site
    for item in built:
        key = item.entry.key
        document = json.loads((out / "figures" / key / f"{key}.json").read_text(encoding="utf-8"))
        metadata.validate(document)
        assert document["title"] == item.figure.title
        assert document["canonical_url"] == f"{BASE}edition/figures/{key}/"
        assert document["data_package"]["content_hash"] == fingerprint(REAL_DATA)
        assert document["data_package"]["version"] == package_version()[0]
        assert document["parameters"] == json.loads(json.dumps(metadata.plain(item.entry.params)))
        assert {s["url"] for s in document["sources"]} and all(s["url"].startswith("http") for s in document["sources"])


def test_schema_refuses_a_broken_document(site):
    out, built = site
    key = built[0].entry.key
    document = json.loads((out / "figures" / key / f"{key}.json").read_text(encoding="utf-8"))
    for broken in (
        {**document, "canonical_url": "javascript:alert(1)"},
        {k: v for k, v in document.items() if k != "sources"},
        {**document, "extra": 1},
    ):
        with pytest.raises(jsonschema.ValidationError):
            metadata.validate(broken)


def test_pages_carry_canonical_og_image_citation_embed_code_and_quotes(site, real_check):
    out, built = site
    evidence = real_check.table("evidence")
    quoted = 0
    for item in built:
        key = item.entry.key
        page = (out / "figures" / key / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{BASE}edition/figures/{key}/">' in page
        social = f"{BASE}edition/figures/{key}/{SOCIAL_NAME.format(key=key)}"
        assert (
            f'<meta property="og:image" content="{social}">' in page
            and f'<meta name="twitter:image" content="{social}">' in page
        )
        assert f'<meta property="og:image:width" content="{SOCIAL_SIZE[0]}">' in page
        assert f'<meta property="og:image:height" content="{SOCIAL_SIZE[1]}">' in page
        assert str(html_text(f'<iframe src="{BASE}edition/figures/{key}/embed.html"')) in page
        assert f"{BASE}edition/figures/{key}/ (accessed {TODAY.isoformat()})" in page
        groups = quote_groups(quotes_for(item.figure.rows, evidence))
        quoted += bool(groups)
        assert all(str(html_text(g["quote"])) in page for g in groups if g["quote"] is not None), key
        missing = [unread_columns(g["figures"], g["table"]) for g in groups if g["quote"] is None]
        assert all(f"No readable page found for {html_text(columns)}" in page for columns in missing), key
    assert quoted == len(built)  # every figure, claim figures that mix estimates with other rows included
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="figures/{b.entry.key}/"' in index for b in built)


def test_without_a_public_address_nothing_invents_one(tmp_path, real_check):
    out = tmp_path / "site"
    built = build_site(real_check, out, None, images=False, today=TODAY)
    key = built[0].entry.key
    page = (out / "figures" / key / "index.html").read_text(encoding="utf-8")
    assert "canonical" not in page and "og:image" not in page and "&lt;iframe" not in page
    assert f"{NO_URL} (accessed" in page and 'href="embed.html"' in page
    assert "HIKIKOMORI_PUBLIC_URL" not in page and "make site" not in page  # the build tells its maintainer
    document = json.loads((out / "figures" / key / f"{key}.json").read_text(encoding="utf-8"))
    assert document["canonical_url"] is None and document["dashboard_url"] is None
    table = pd.read_csv(out / "figures" / key / f"{key}.csv")  # pandas' defaults: the first line is the header
    assert set(table["figure_url"]) == {NO_URL}
    assert not re.search(r"https?://(localhost|127\.0\.0\.1)", page)


def test_data_with_problems_is_refused_and_no_site_written(tmp_path):
    data = tmp_path / "data"
    subprocess.run(["cp", "-r", str(REAL_DATA), str(data)], check=True)
    set_cell(data, "recluse_estimates", 1, "note", "<script>window.__xss=1</script>")
    run = subprocess.run(
        [sys.executable, "-m", "publish", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"HIKIKOMORI_DATA_DIR": str(data), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )
    assert run.returncode == 1
    assert "recluse_estimates.csv:2: note:" in run.stdout and "No site written" in run.stderr
    assert not (tmp_path / "site").exists()
