"""Readers for the NER training corpora: IOB2 CoNLL (`token<TAB>tag`) and SlavicNER document JSONL."""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator


@dataclass
class TaggedSentence:
    """One sentence of a token-tagged corpus; `tags` are the corpus's own IOB2 tags."""
    words: list[str]
    tags: list[str]


@dataclass
class CharEntity:
    start: int
    end: int
    label: str
    text: str = ""


@dataclass
class CharDocument:
    """One document of a character-offset corpus (SlavicNER)."""
    doc_id: str
    lang: str
    text: str
    entities: list[CharEntity] = field(default_factory=list)


def _open_text(path: Path):
    path = Path(path)
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def read_conll(path: Path) -> Iterator[TaggedSentence]:
    """Yield sentences from a `token<TAB>tag` file; blank lines end sentences.

    Lines are split on the last TAB only, because a few tokens contain spaces (`10 000`).
    """
    words: list[str] = []
    tags: list[str] = []
    with _open_text(path) as handle:
        for line in handle:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if words:
                    yield TaggedSentence(words, tags)
                words, tags = [], []
                continue
            token, sep, tag = line.rpartition("\t")
            if not sep:
                raise ValueError(f"{path}: line without TAB: {line!r}")
            words.append(token)
            tags.append(tag.strip())
    if words:
        yield TaggedSentence(words, tags)


def read_slavicner(path: Path, lang: str | None = None) -> Iterator[CharDocument]:
    """Yield SlavicNER documents (optionally of one language) with their character-offset entities."""
    with _open_text(path) as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            if lang is not None and record["lang"] != lang:
                continue
            entities = [CharEntity(e["start"], e["end"], e["label"], e.get("text", ""))
                        for e in record["entities"]]
            yield CharDocument(record["doc_id"], record["lang"], record["text"], entities)
