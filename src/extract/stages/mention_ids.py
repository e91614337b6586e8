"""Gives mentions their ids: sorted by offset, exact duplicates dropped, then M1, M2, ... in text order."""
from __future__ import annotations

from ..document import Document
from ..registry import register_stage


@register_stage("mention_ids")
class MentionIdStage:
    def __init__(self, config):
        self.config = config

    def __call__(self, doc: Document) -> None:
        unique = {}
        for m in sorted(doc.mentions, key=lambda m: (m.start, -m.end, m.label, m.source)):
            unique.setdefault((m.start, m.end, m.label), m)
        doc.mentions = list(unique.values())
        for i, m in enumerate(doc.mentions, 1):
            m.mention_id = f"M{i}"
