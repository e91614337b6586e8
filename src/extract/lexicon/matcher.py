"""LexiconMatcher: finds lexicon names, acronyms and municipality patterns in a text of one language."""
from __future__ import annotations

from functools import lru_cache

from ..document import Mention
from .entries import LexEntry, load_entries
from .langrules import LangRules, lang_rules
from .municipalities import find_municipalities
from .normalise import Token, norm, tokenize
from .units import find_units

# A one-word name this short is matched like an acronym (case-sensitively), whatever the data calls it.
_SHORT = 3
_END = ""  # trie key holding the entry that ends at a node
# Lexicon kinds that name events (conference series); the guide labels them as event names, not ORG.
EVENT_KINDS = {"event_series"}


class LexiconMatcher:
    """Longest-match lookup of lexicon names in a token trie.

    Words of full names are compared by their inflection stem (lang rules), so `Европейската комисия`
    matches `Европейска комисия`; acronyms and short words are compared exactly (case-sensitively)."""

    def __init__(self, lang: str | None, entries: tuple[LexEntry, ...] | None = None):
        self.lang = lang
        self.rules: LangRules = lang_rules(lang)
        self._trie: dict = {}
        self.size = 0
        for entry in load_entries() if entries is None else entries:
            if entry.kind in EVENT_KINDS:  # named events are the events stage's Name spans, not entities
                continue
            for name in entry.names_for(lang):
                self._add(name, entry, exact=False)
            for form in entry.exact_forms_for(lang):
                self._add(form, entry, exact=True)

    @classmethod
    def for_lang(cls, lang: str | None) -> "LexiconMatcher":
        return _matcher_for(lang)

    def _name_keys(self, tokens: list[Token], exact: bool) -> list[str]:
        single_short = len(tokens) == 1 and len(tokens[0].text) <= _SHORT
        return [self._exact_key(t) if exact or single_short else self._key(t) for t in tokens]

    def _exact_key(self, tok: Token) -> str:
        return "=" + tok.text

    def _key(self, tok: Token) -> str:
        if tok.is_word:
            return "w:" + self.rules.stem(norm(tok.text))
        return "p:" + norm(tok.text)

    def _text_keys(self, tok: Token) -> set[str]:
        """Trie keys a text token may follow: its exact form and each of its possible stems."""
        if not tok.is_word:
            return {"p:" + norm(tok.text), self._exact_key(tok)}
        return {"w:" + c for c in self.rules.stem_candidates(norm(tok.text))} | {self._exact_key(tok)}

    def _add(self, name: str, entry: LexEntry, exact: bool) -> None:
        tokens = tokenize(name)
        if not tokens:
            return
        node = self._trie
        for key in self._name_keys(tokens, exact):
            node = node.setdefault(key, {})
        if _END not in node:  # the first entry listing a form keeps it
            # A name written with a capital only matches text written with one: the lower-case
            # phrase is usually a description ("intercultural cities"), not the name. The same holds for
            # its last word: `Kültürlerarası Şehirler programı` names the programme, whose name ends before it.
            node[_END] = (entry, tokens[0].text[:1].isupper(), len(tokens) > 1 and tokens[-1].text[:1].isupper())
            self.size += 1

    def _longest_at(self, tokens: list[Token], i: int) -> tuple[int, LexEntry] | None:
        """(end token index, entry) of the longest name starting at token i."""
        best = None
        frontier = [(self._trie, i)]
        while frontier:
            node, j = frontier.pop()
            if _END in node and j > i and (best is None or j > best[0]):
                entry, capital, last_capital = node[_END]
                if (not capital or tokens[i].text[:1].isupper()) and (not last_capital or tokens[j - 1].text[:1].isupper()):
                    best = (j, entry)
            if j >= len(tokens):
                continue
            for key in self._text_keys(tokens[j]):
                child = node.get(key)
                if child is not None:
                    frontier.append((child, j + 1))
        return best

    def find_names(self, text: str, tokens: list[Token]) -> list[Mention]:
        found = []
        for i in range(len(tokens)):
            hit = self._longest_at(tokens, i)
            if hit:
                j, entry = hit
                first, last = tokens[i], tokens[j - 1]
                found.append(Mention(first.start, last.end, text[first.start:last.end], entry.label,
                                     source="lexicon", attrs={"key": entry.key, "kind": entry.kind}))
        return found

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Non-overlapping ORG/LOC mentions in text[start:end] (offsets into `text`), longest first."""
        tokens = tokenize(text, start, end)
        names = self.find_names(text, tokens)
        # A unit's head that closes a lexicon name belongs to that name (`Avrupa Konseyi ve Avrupa Komisyonu`).
        units = [u for u in find_units(text, tokens, self.rules.units)
                 if not any(n.end == u.end and n.start > u.start for n in names)]
        candidates = names + find_municipalities(text, tokens, self.rules) + units
        # Longest span wins; on equal length a lexicon name beats a municipality pattern.
        candidates.sort(key=lambda m: (-(m.end - m.start), "key" not in m.attrs, m.start))
        kept: list[Mention] = []
        for m in candidates:
            if all(m.end <= k.start or m.start >= k.end for k in kept):
                kept.append(m)
        return sorted(kept, key=lambda m: m.start)

    def match_whole(self, text: str) -> LexEntry | None:
        """The entry whose name is exactly `text` (e.g. a model's mention), if any."""
        tokens = tokenize(text)
        hit = self._longest_at(tokens, 0) if tokens else None
        return hit[1] if hit and hit[0] == len(tokens) else None


@lru_cache(maxsize=None)
def _matcher_for(lang: str | None) -> LexiconMatcher:
    return LexiconMatcher(lang)
