"""Sentence splitting inside each paragraph, with the paragraph language's abbreviations (lang/<code>/text.toml).

A sentence ends at . ! ? … (and closing quotes or brackets) followed by white space and a capital, a digit,
an opening quote or a bullet; not after an abbreviation of the language, an initial, or a one- or
two-digit number (ordinals and day numbers such as `11. CLIP` or `3. Dezember`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document, Sentence
from ..registry import register_stage
from ..resources import lang_resource

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“„«(\[•\-–—]?\s*[\d\w])")
_LAST_TOKEN = re.compile(r"(\S+)$")


@lru_cache(maxsize=None)
def _abbreviations(lang: str | None) -> frozenset[str]:
    data = lang_resource(lang, "text")
    return frozenset(a.lower().rstrip(".") for a in data.get("abbreviations", []))


def split_sentences(text: str, start: int, end: int, lang: str | None) -> list[Sentence]:
    abbreviations = _abbreviations(lang)
    out: list[Sentence] = []
    chunk = text[start:end]
    begin = 0
    quoted = _inside_quotes(chunk)
    for m in _BOUNDARY.finditer(chunk):
        if quoted[m.start()]:
            continue  # a title in quotes (`„Cudzoziemcy w polskich miastach. Diagnoza ...”`) is one sentence's part
        follow = chunk[m.end():].lstrip()
        if follow[:1].isalpha() and not follow[:1].isupper():
            continue
        token_m = _LAST_TOKEN.search(chunk[begin:m.start()])
        token = token_m.group(1) if token_m else ""
        bare = token.lower().strip("\"'“„«(")
        if chunk[m.start()] == "." and (
            bare in abbreviations
            or (len(bare) == 1 and bare.isalpha())
            or (bare.isdigit() and len(bare) <= 2)
        ):
            continue
        out.append(_trimmed(text, start + begin, start + m.end(), lang))
        begin = m.end()
    if chunk[begin:].strip():
        out.append(_trimmed(text, start + begin, end, lang))
    return out


_OPEN_CLOSE = {"„": "“”", "«": "»", "“": "”", "‹": "›", '"': '"'}
_OPENERS = re.compile("[" + "".join(_OPEN_CLOSE) + "]")
_QUOTE_REACH = 300  # characters a quoted title may run; a quote left open longer is a stray mark


def _inside_quotes(chunk: str) -> list[bool]:
    """For each character: is it inside a pair of quotes that closes within reach on the same line?"""
    inside = [False] * (len(chunk) + 1)
    resume = 0
    for opener in _OPENERS.finditer(chunk):
        i = opener.start()
        if i < resume:
            continue
        limit = min(len(chunk), i + _QUOTE_REACH)
        ends = [j for j in (chunk.find(c, i + 1, limit) for c in _OPEN_CLOSE[chunk[i]]) if j >= 0]
        if ends and "\n" not in chunk[i:min(ends)]:
            end = min(ends)
            inside[i:end] = [True] * (end - i)
            resume = end + 1
    return inside


def _trimmed(text: str, start: int, end: int, lang: str | None) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, lang)


@register_stage("sentences")
class SentenceStage:
    def __init__(self, config):
        self.config = config

    def __call__(self, doc: Document) -> None:
        doc.sentences = []
        for para in doc.paragraphs:
            doc.sentences.extend(split_sentences(doc.text, para.start, para.end, para.lang or doc.lang))
