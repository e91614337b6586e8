"""The working objects of event extraction: a sentence unit and a draft event (one trigger occurrence)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Mention

# What ends a sentence: a line ending otherwise is a heading or a label.
SENTENCE_END = (".", "!", "?", "…")
LINE_GOES_ON = SENTENCE_END + (":", ";", ",")  # a heading or a title ends in none of these


@dataclass
class Unit:
    """A sentence (or paragraph where the document has no sentences) with its language."""
    index: int
    start: int
    end: int
    lang: str | None


@dataclass
class NameSpan:
    start: int
    end: int
    rank: tuple  # higher is a clearer name: (kind, token count, -start)


@dataclass
class Draft:
    """One trigger occurrence and the arguments found for it in its sentence."""
    type: str
    start: int
    end: int
    unit: Unit
    weak: bool = False
    refers_to: "Draft | None" = None  # an anaphoric sentence's draft folds into the event it refers to
    implicit: bool = False  # a trigger-less follow-up sentence: cue roles only (and named people)
    distinct: bool = False  # `the next assembly`: another happening than the one mentioned before
    args: list[tuple[str, Mention]] = field(default_factory=list)
    cue_args: int = 0
    name: NameSpan | None = None
    as_of: str | None = None  # Membership: the document date where the text says "is a member" now
    cued: set[tuple[str, int]] = field(default_factory=set)  # (role, mention id) pairs a cue gave
    off_field: bool = False  # in an item of a news digest about other local news (no word of the field)

    @property
    def virtual(self) -> bool:
        return self.refers_to is not None

    def has(self, role: str) -> bool:
        return any(r == role for r, _ in self.args)

    def add(self, role: str, mention: Mention, by_cue: bool) -> None:
        if any(r == role and m is mention for r, m in self.args):
            return
        self.args.append((role, mention))
        self.cue_args += by_cue
        if by_cue:
            self.cued.add((role, id(mention)))
