"""Every figure the dashboard can show: a stable key, its page, its title and default parameters, and how to build it."""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from core.package_check import PackageCheck
from core.paths import data_dir
from figures import claims, compare, health, homelessness, japan
from figures.figure import Figure
from settings import CLAIMS_PER_PAGE
from shaping.claims import topic_labels
from shaping.vocabulary import Vocabulary


@dataclass(frozen=True)
class Entry:
    """One figure: `build(check)` makes it at its default parameters, `build(check, measure="count")` at others."""

    key: str  # stable: the card's anchor, its CSV's file name, a URL fragment
    page: str  # the url path of its page (settings.PAGES)
    title: str  # at the default parameters
    builder: Callable[..., Figure | None]
    params: dict = field(default_factory=dict)  # the builder's default parameters
    query: dict = field(default_factory=dict)  # the link parameters of the view that shows it by default

    def build(self, check: PackageCheck, **params) -> Figure | None:
        return self.builder(check, **{**self.params, **params})

    def link(self) -> str:
        """The path of the view that shows it, with its anchor: 'claims?claims_page=2#claim-c-jp-10k-counts'."""
        return self.page + ("?" + urlencode(self.query) if self.query else "") + "#" + self.key


def _claim_entries(check: PackageCheck) -> list[Entry]:
    """One entry per claim figure (a claim may have counts, ratios, both or neither), in the page's order; `query`
    names the screen of claims it is on when every topic is shown."""
    found = claims.evidence(check)
    listed = check.table("claims")
    listed = listed[listed["topic"].isin(topic_labels(Vocabulary.of(check)))]
    entries = []
    for position, (_, claim) in enumerate(listed.iterrows()):
        screen = position // CLAIMS_PER_PAGE + 1
        present = {"counts": not claims.counted_rows(found, claim["claim_id"])[0].empty, "ratios": not claims.ratio_rows(found, claim["claim_id"]).empty}
        for kind in claims.KINDS:
            if present[kind]:
                entries.append(
                    Entry(
                        claims.key(claim["claim_id"], kind),
                        "claims",
                        claims.title(claim["quote"], kind),
                        claims.claim_figure,
                        {"claim_id": claim["claim_id"], "kind": kind},
                        {"claims_page": str(screen)} if screen > 1 else {},
                    )
                )
    return entries


def catalog(check: PackageCheck | None = None) -> list[Entry]:
    """Every figure the dashboard can show, page by page in navigation order (the data folder's package by default)."""
    if check is None:
        from loaders.tables import check_package  # the validator, loaded only when no check is given

        check = check_package(data_dir())
    return [
        Entry("japan-rounds", "japan", japan.rounds_title("rate"), japan.rounds, {"measure": "rate"}),
        Entry("japan-split", "japan", japan.SPLIT_TITLE, japan.split),
        Entry("japan-other", "japan", japan.OTHER_TITLE, japan.other, {"log": True}),
        Entry("compare", "compare", compare.title("rate"), compare.build, dict(compare.DEFAULTS)),
        Entry("homeless-one-night", "homelessness", homelessness.street_count_title("value"), homelessness.one_night, {"view": "value", "log": True}),
        Entry("homeless-whole-year", "homelessness", homelessness.WHOLE_YEAR_TITLE, homelessness.whole_year, {"log": True}),
        Entry("homeless-net-cafe", "homelessness", homelessness.NET_CAFE_TITLE, homelessness.net_cafe),
        Entry("health-forest", "health", health.FOREST_TITLE, health.forest),
        Entry("health-percent", "health", health.PERCENT_TITLE, health.percent),
        *_claim_entries(check),
    ]
