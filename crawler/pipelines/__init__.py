"""Item pipelines, one per file, in the order of ITEM_PIPELINES:
normalise (100) -> dedupe (200) -> store (300) -> export (900)."""
