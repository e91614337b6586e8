"""The `entities` stage: canonical entity per ORG/LOC/PER mention (lexicon, GeoNames, clustering)."""
from __future__ import annotations

from ..config import RunConfig
from ..document import Document
from ..entities import link_document
from ..registry import register_stage


@register_stage("entities")
class EntitiesStage:
    """Runs after `mention_ids`; the lexicon and gazetteer are loaded once per process, on first use."""

    def __init__(self, config: RunConfig):
        self.config = config

    def __call__(self, doc: Document) -> None:
        link_document(doc)
