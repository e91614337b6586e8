"""Mapping of each corpus's tag set onto the project's labels (ORG, LOC, PER, DATE); the tables live in configs/ner/corpora.toml."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document import LABELS


@dataclass(frozen=True)
class TagMap:
    """`tags` maps a corpus type to a project label or "" (dropped: becomes O).

    `capitalized` lists project labels whose mentions only count when they start with an upper-case
    letter: SlavicNER labels group nouns (`демократите`, `torysów`) as PER, which the guide does not.
    """
    corpus: str
    tags: dict[str, str]
    capitalized: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        bad = {v for v in self.tags.values() if v and v not in LABELS}
        if bad:
            raise ValueError(f"{self.corpus}: tag map targets unknown labels {sorted(bad)}")

    def label(self, corpus_type: str, surface: str | None = None) -> str | None:
        """Project label for a corpus type, or None when the type is dropped."""
        if corpus_type not in self.tags:
            # An unlisted type means the corpus changed or the table is wrong: fail loudly.
            raise KeyError(f"{self.corpus}: tag {corpus_type!r} has no mapping in configs/ner/corpora.toml")
        target = self.tags[corpus_type] or None
        if target and target in self.capitalized and surface is not None and not surface[:1].isupper():
            return None
        return target

    def map_iob(self, words: list[str], tags: list[str]) -> list[str]:
        """Map a sentence's IOB2 tags; dropped types become O and the result is valid IOB2."""
        mapped = ["O"] * len(tags)
        for start, end, corpus_type in iob_spans(tags):
            target = self.label(corpus_type, " ".join(words[start:end]))
            if target:
                mapped[start] = f"B-{target}"
                for i in range(start + 1, end):
                    mapped[i] = f"I-{target}"
        return mapped


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans (start, end exclusive, type) of an IOB2 sequence; a stray I- starts a new span."""
    spans: list[tuple[int, int, str]] = []
    start, current = None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == current
        if start is not None and not continues:
            spans.append((start, i, current))
            start, current = None, None
        if prefix in ("B", "I") and not continues:
            start, current = i, kind
        elif prefix not in ("B", "I", "O"):
            raise ValueError(f"not an IOB2 tag: {tag!r}")
    return spans
