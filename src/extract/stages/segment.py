"""Paragraph segmentation: each non-blank line is a paragraph, trimmed of surrounding white space.

Lines rather than blank-line blocks, because web pages put a title, a bullet or a translated paragraph on
one line, and the language stage must see a mixed page's paragraphs one by one.
"""
from __future__ import annotations

import re

from ..document import Document, Paragraph
from ..registry import register_stage

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")


def paragraphs_of(text: str) -> list[Paragraph]:
    out = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        out.append(Paragraph(start, start + len(stripped)))
    return out


@register_stage("segment")
class SegmentStage:
    def __init__(self, config):
        self.config = config

    def __call__(self, doc: Document) -> None:
        doc.paragraphs = paragraphs_of(doc.text)
