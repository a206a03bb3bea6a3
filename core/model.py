"""Names in the data model that the validator and the pages both use, so neither imports the other's modules."""

LINE_COLUMN = "_line"  # each typed table's column holding the CSV line of its row (the header is line 1)

EVIDENCE = "evidence"
# evidence.csv column -> (table it points into, that table's id column)
TARGETS = {
    "estimate_id": ("recluse_estimates", "estimate_id"),
    "homelessness_row_id": ("youth_homelessness", "row_id"),
    "health_row_id": ("isolation_health_risks", "row_id"),
    "population_id": ("population", "population_id"),
}
INPUT = "input"  # an evidence row's column when its quote holds an input of a number derived here

CONCEPTS = "concepts"
LABELS = "labels"
VOCABULARY = (CONCEPTS, LABELS)  # the words for the coded values, not rows of data
GLOSSARY = "glossary"  # each concept's name in Japanese, Korean and Italian as its sources write it, with the quote
PRODUCER_NAMES = "producer_names"  # a source producer's name in Japanese, Korean and Italian, with the quote using it


def producer_name_column(lang: str) -> str:
    """The sources frame's column holding producer_names.csv's name in lang ('_producer_ko'): internal, like _line,
    so no download or table view shows it."""
    return f"_producer_{lang}"
