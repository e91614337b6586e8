"""Units of a body (departments, offices, working groups): a head word and the words that name the unit
(`Dış İlişkiler ve Göç Dairesi`, `Γραφείο Διεθνών Σχέσεων`, `дирекция „Социални дейности“`,
`Stadsledningskansliet`, `Enheten för integration`). The guide labels a capitalised unit name an ORG."""
from __future__ import annotations

from ..document import Mention
from .langrules import UnitRules, WordPattern, matches_word
from .normalise import Token, norm, same_line

_OPENING_QUOTES = "„“«\"'‘‚"
_CLOSING_QUOTES = "“”»\"'’"


def _head_at(keys: list[str], tokens: list[Token], i: int, head: tuple[WordPattern, ...], capital: bool) -> bool:
    """Does the head start at token i (its first word written with a capital where `capital`)?"""
    if i + len(head) > len(tokens) or (capital and not tokens[i].text[0].isupper()):
        return False
    return all(matches_word(keys[j], p) for j, p in zip(range(i, i + len(head)), head))


class _UnitNames:
    """Reads the words that name a unit around its head."""

    def __init__(self, text: str, tokens: list[Token], keys: list[str], rules: UnitRules):
        self.text, self.tokens, self.keys, self.rules = text, tokens, keys, rules

    def capitalised(self, i: int) -> bool:
        tok = self.tokens[i]
        return tok.is_word and tok.text[0].isupper() and not tok.text.isdigit()

    def _in_name(self, i: int) -> bool:
        """A capitalised word that may stand in the name before a head: not one with a case ending that
        only a word outside the name takes (`Oturumlarda`, `Meclisten`)."""
        key = self.keys[i]
        return self.capitalised(i) and not any(
            key.endswith(e) and len(key) - len(e) >= self.rules.min_compound_stem for e in self.rules.outside_endings)

    def _joins(self, i: int) -> bool:
        return self.tokens[i].is_word and self.keys[i] in self.rules.joiners

    def _hyphen_before(self, i: int) -> bool:
        return i > 0 and self.keys[i - 1] == "-" and self.tokens[i - 1].end == self.tokens[i].start

    def backward(self, i: int) -> int:
        """Start index of the capitalised run (joiners inside it) that ends just before token i."""
        start, j, words = i, i - 1, 0
        while j >= 0 and words < self.rules.max_name_words and same_line(self.text, self.tokens[j], self.tokens[j + 1]):
            if self._in_name(j):
                start, words = j, words + 1
            elif not (self._joins(j) and j > 0 and self._in_name(j - 1)):
                break
            j -= 1
        while start < i and self._hyphen_before(start):
            start += 1  # `UCLG-MEWA Göç Komitesi`: a name joined by a hyphen is a name of its own
        if all(self.keys[k] in self.rules.kind_words for k in range(start, i) if self.tokens[k].is_word):
            return i  # `Daire Başkanlığımız`: "the department's presidency", no unit's name
        return start

    def forward(self, i: int) -> int:
        """End index (exclusive) of the capitalised run (joiners inside it) that starts at token i."""
        end, j, words = i, i, 0
        while j < len(self.tokens) and words < self.rules.max_name_words \
                and (j == i or same_line(self.text, self.tokens[j - 1], self.tokens[j])):
            if self.capitalised(j):
                end, words = j + 1, words + 1
            elif not (self._joins(j) and j + 1 < len(self.tokens) and self.capitalised(j + 1)):
                break
            j += 1
        return end

    def described(self, i: int) -> int:
        """End index (exclusive) of the lower-case words that describe a unit after its head (`Enheten för
        integration`): words up to the end of the line, a punctuation mark or a word that no name holds."""
        end, j = i, i
        while j < len(self.tokens) and j - i < self.rules.max_described_words \
                and self.tokens[j].is_word and self.keys[j] not in self.rules.stop_words \
                and (j == i or same_line(self.text, self.tokens[j - 1], self.tokens[j])):
            end, j = j + 1, j + 1
        return end

    def quoted(self, i: int) -> tuple[int, int] | None:
        """(first, end) token indices of a name in quotes right after token i - 1, on the same line."""
        if i >= len(self.tokens) or not same_line(self.text, self.tokens[i - 1], self.tokens[i]):
            return None
        gap = self.text[self.tokens[i - 1].end:self.tokens[i].start].strip()
        if not gap or gap[-1] not in _OPENING_QUOTES:
            return None
        j = i
        while j < len(self.tokens) and j - i < self.rules.max_name_words * 2 \
                and same_line(self.text, self.tokens[j - 1], self.tokens[j]):
            after = self.text[self.tokens[j].end:self.tokens[j + 1].start if j + 1 < len(self.tokens) else len(self.text)]
            closing = after.strip()[:1]
            if closing and closing in _CLOSING_QUOTES:
                return (i, j + 1) if self.tokens[i].text[0].isupper() else None
            j += 1
        return None


def _mention(text: str, first: Token, last: Token, head: Token | None = None) -> Mention:
    """The unit from `first` to `last`; `head` is the last word of a head the name follows (a person's name
    may run on after that name, never before the head)."""
    head_end = (head or last).end
    return Mention(first.start, last.end, text[first.start:last.end], "ORG", source="lexicon",
                   attrs={"kind": "unit", "head_end": head_end})


def find_units(text: str, tokens: list[Token], rules: UnitRules) -> list[Mention]:
    """ORG spans of the units whose heads the language's rules list."""
    if not rules:
        return []
    keys = [norm(t.text) for t in tokens]
    names, found = _UnitNames(text, tokens, keys, rules), []
    for i, tok in enumerate(tokens):
        if not tok.is_word:
            continue
        for head in rules.after:  # `Dış İlişkiler Dairesi`: the name runs before the head
            if _head_at(keys, tokens, i, head, capital=True):
                start = names.backward(i)
                if start < i:
                    found.append(_mention(text, tokens[start], tokens[i + len(head) - 1]))
        for head in rules.before:  # `Γραφείο Διεθνών Σχέσεων`: the name runs after the head
            if _head_at(keys, tokens, i, head, capital=True) and not (i > 0 and names.capitalised(i - 1)
                                                                     and same_line(text, tokens[i - 1], tok)):
                end = names.forward(i + len(head))
                if end > i + len(head):
                    found.append(_mention(text, tok, tokens[end - 1], tokens[i + len(head) - 1]))
        for head in rules.described_after:  # `Enheten för integration`: lower-case words describe the unit
            if _head_at(keys, tokens, i, head, capital=True):
                end = names.described(i + len(head))
                if end > i + len(head):
                    found.append(_mention(text, tok, tokens[end - 1]))
        for head in rules.quoted_after:  # `дирекция „Социални дейности“`: the quoted name alone
            if _head_at(keys, tokens, i, head, capital=False):
                span = names.quoted(i + len(head))
                if span:
                    found.append(_mention(text, tokens[span[0]], tokens[span[1] - 1]))
        if rules.compound_endings and tok.text[0].isupper():  # `Stadsledningskansliet`: one compound word
            key = keys[i]
            if any(key.endswith(e) and len(key) - len(e) >= rules.min_compound_stem for e in rules.compound_endings):
                found.append(_mention(text, tok, tok))
    return found
