"""A figure's metadata file (<key>.json) and the JSON Schema it must meet (publish/figure.schema.json)."""

import json
from functools import cache
from pathlib import Path

import jsonschema
import pandas as pd

from figures.figure import Figure
from i18n import translate
from shaping.vocabulary import Vocabulary
from shaping.words import caveats

SCHEMA_PATH = Path(__file__).resolve().parent / "figure.schema.json"


@cache
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(document: dict) -> None:
    """Raise jsonschema.ValidationError when a metadata document does not meet the schema (formats checked too)."""
    jsonschema.validate(document, schema(), format_checker=jsonschema.FormatChecker())


def plain(value: object) -> object:
    """Parameters as JSON values: tuples become lists."""
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def document(
    figure: Figure,
    *,
    page: str,
    params: dict,
    used: pd.DataFrame,
    package: dict,
    content_hash: str,
    urls: dict,
    embed_height: int,
    files: dict,
    built: str,
    vocab: Vocabulary,
) -> dict:
    """The metadata of one figure: what it is, the package version and hash it was drawn from,
    its sources and licence. Called in the edition's language: the words in it are the reader's."""
    return {
        "key": figure.key,
        "title": figure.title,
        "summary": figure.summary,
        "page": page,
        "parameters": plain(params),
        "canonical_url": urls["canonical"],
        "dashboard_url": urls["dashboard"],
        "embed_height": embed_height,
        "built": built,
        "data_package": {
            "name": package["name"],
            "title": translate(package["title"]),  # in the edition's language, like the figure's title
            "version": package["version"],
            "updated": package.get("updated", ""),
            "content_hash": content_hash,
            "licenses": package["licenses"],
        },
        "sources": [
            {
                "source_id": s["source_id"],
                "producer": s["producer"],
                "citation": s["citation"],
                "url": s["url"],
                "accessed": s["accessed"].date().isoformat(),
            }
            for _, s in used.iterrows()
        ],
        "concepts": [
            {"concept": c, "label": vocab.concept(c)["label"], "meaning": vocab.concept(c)["definition"]}
            for c in dict.fromkeys(figure.concepts)
        ],
        "caveats": [caveats()[k] for k in figure.caveats],
        "files": files,
    }
