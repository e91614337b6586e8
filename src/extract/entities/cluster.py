"""Within-document clustering of mentions that name the same thing (inflections, acronyms, short forms)."""
from __future__ import annotations

import re
from collections import Counter

from ..document import Mention
from ..lexicon.langrules import LangRules
from ..lexicon.normalise import is_acronym, norm, tokenize
from .resolve import Link

# An acronym defined in brackets right after its long form: `Açık Toplum Vakfı (OSI)`.
_OPEN_BRACKET = re.compile(r"\s*[(\[]\s*")
_CLOSE_BRACKET = re.compile(r"\s*[)\]]")


class _UnionFind:
    def __init__(self, fixed: list[str | None]):
        self.parent = list(range(len(fixed)))
        self.fixed = list(fixed)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        fa, fb = self.fixed[ra], self.fixed[rb]
        if fa and fb and fa != fb:  # two different known entities never merge
            return
        self.parent[rb] = ra
        self.fixed[ra] = fa or fb


class MentionWords:
    """A mention's words as sets of possible stems, for inflection-insensitive comparison."""

    def __init__(self, m: Mention, rules: LangRules):
        self.words = [norm(t.text) for t in tokenize(m.text) if t.is_word]
        self.stems = [rules.stem_candidates(w) | {rules.stem(w)} for w in self.words]
        self.content = [w for w in self.words if w not in rules.function_words]

    def same_as(self, other: "MentionWords", n: int | None = None) -> bool:
        """Equal word by word (the first n words) up to inflection."""
        a, b = self.stems[:n], other.stems[:n]
        return len(a) == len(b) and bool(a) and all(x & y for x, y in zip(a, b))

    def initials(self) -> str:
        return "".join(w[0] for w in self.content if w)


def _defined_acronym(text: str, long_form: Mention, acronym: Mention) -> bool:
    """Is `acronym` written in brackets right after `long_form`?"""
    gap = _OPEN_BRACKET.fullmatch(text, long_form.end, acronym.start)
    return bool(gap) and bool(_CLOSE_BRACKET.match(text, acronym.end)) and is_acronym(acronym.text)


def cluster(text: str, mentions: list[Mention], links: list[Link], rules: list[LangRules]) -> list[int]:
    """Cluster number (a representative mention index) of each mention."""
    n = len(mentions)
    uf = _UnionFind([l.entity_id for l in links])
    words = [MentionWords(m, r) for m, r in zip(mentions, rules)]
    order = sorted(range(n), key=lambda i: mentions[i].start)

    by_fixed: dict[str, int] = {}
    for i in range(n):
        if links[i].entity_id:
            uf.union(by_fixed.setdefault(links[i].entity_id, i), i)

    buckets: dict[tuple[str, int], list[int]] = {}  # only same-label, same-length mentions can be equal
    for i in range(n):
        buckets.setdefault((mentions[i].label, len(words[i].words)), []).append(i)
    for same in buckets.values():
        for x, a in enumerate(same):
            for b in same[x + 1:]:
                if words[a].same_as(words[b]):
                    uf.union(a, b)

    for x, y in zip(order, order[1:]):  # acronym in brackets right after a name
        if mentions[x].label == mentions[y].label and _defined_acronym(text, mentions[x], mentions[y]):
            uf.union(x, y)

    for a in range(n):  # an undefined acronym made of another mention's initials (АРС)
        if links[a].entity_id or not is_acronym(mentions[a].text):
            continue
        key = norm(mentions[a].text)
        matches = {uf.find(b) for b in range(n) if b != a and mentions[b].label == mentions[a].label
                   and len(words[b].content) >= 2 and words[b].initials() == key}
        if len(matches) == 1:
            uf.union(matches.pop(), a)

    for a in range(n):  # a short form: the first words of exactly one longer name (Δίκτυο Πόλεων)
        wa = words[a]
        if links[a].entity_id or len(wa.words) < 2 or mentions[a].label == "LOC":
            continue
        longer = {uf.find(b) for b in range(n) if mentions[b].label == mentions[a].label
                  and len(words[b].words) > len(wa.words) and wa.same_as(words[b], len(wa.words))}
        if len(longer) == 1:
            uf.union(longer.pop(), a)

    for a in range(n):  # a person's surname alone (Войнова) after the full name
        if mentions[a].label != "PER" or len(words[a].words) != 1:
            continue
        full = {uf.find(b) for b in range(n) if mentions[b].label == "PER" and len(words[b].words) > 1
                and words[b].stems[-1] & words[a].stems[0]}
        if len(full) == 1:
            uf.union(full.pop(), a)
    return [uf.find(i) for i in range(n)]


def display_name(surfaces: list[str]) -> str:
    """Most frequent written form; all-capital and acronym forms only when there is nothing else."""
    counts = Counter(surfaces)

    def rank(s: str):
        shouting = s.isupper() and len(s) > 1
        return (is_acronym(s), shouting, -counts[s], len(s), surfaces.index(s))
    return min(counts, key=rank)
