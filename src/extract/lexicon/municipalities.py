"""Municipality patterns: a head word and a capitalised place name (Δήμος Αθηναίων, X Belediyesi)."""
from __future__ import annotations

from functools import lru_cache

from ..document import Mention
from .langrules import LangRules, matches_word
from .normalise import Token, norm, same_line

_LIST_PUNCT = {",", ";"}


def _head_at(tokens: list[Token], i: int, head: tuple[tuple[str, bool], ...]) -> bool:
    """Does the head phrase start at token i? A capitalised head needs a capital (or all caps) in text."""
    if i + len(head) > len(tokens):
        return False
    for tok, (key, capital) in zip(tokens[i:i + len(head)], head):
        if norm(tok.text) != key or (capital and not tok.text[0].isupper()):
            return False
    return True


class _Names:
    """Reads capitalised place names out of a token list."""

    def __init__(self, text: str, tokens: list[Token], rules: LangRules, max_words: int | None = None):
        self.text, self.tokens, self.rules = text, tokens, rules
        self.max_words = max_words or rules.municipality.max_name_words

    def is_name_word(self, i: int) -> bool:
        tok = self.tokens[i]
        return tok.is_word and tok.text[0].isupper() and norm(tok.text) not in self.rules.function_words

    def forward(self, i: int) -> int:
        """End index (exclusive) of the name starting at token i; i when there is none.
        Lower-case connectors and dashes may join capitalised words (Frankfurt am Main, Νέας Φιλαδέλφειας – Νέας Χαλκηδόνας)."""
        if i >= len(self.tokens) or not self.is_name_word(i):
            return i
        end, words, j = i + 1, 1, i + 1
        while j < len(self.tokens) and words < self.max_words:
            if not same_line(self.text, self.tokens[j - 1], self.tokens[j]):
                break
            if self.is_name_word(j):
                end, words, j = j + 1, words + 1, j + 1
                continue
            tok = self.tokens[j]
            joins = norm(tok.text) == "-" or (tok.is_word and norm(tok.text) in self.rules.connectors)
            if joins and j + 1 < len(self.tokens) and self.is_name_word(j + 1) and not self._section_after(j):
                j += 1
                continue
            break
        return end

    def _section_after(self, dash: int) -> bool:
        """A dash set off by spaces before words that name no place opens a section or department of the
        body (`Δήμος Λαρισαίων – Γραφείο Δημάρχου`), not the second half of a twin town's name
        (`Νέας Φιλαδέλφειας – Νέας Χαλκηδόνας`)."""
        from ..entities.places import place_candidates  # the gazetteer sits in the entities stage
        tokens, tok = self.tokens, self.tokens[dash]
        if norm(tok.text) != "-" or self.text[tokens[dash - 1].end:tok.start] == "":
            return False
        words, j = [], dash + 1
        while j < len(tokens) and self.is_name_word(j) and same_line(self.text, tokens[j - 1], tokens[j]):
            words.append(tokens[j].text)
            j += 1
        return not any(place_candidates(word, self.rules) for word in words)

    def backward(self, i: int) -> int:
        """Start index of the name ending just before token i; i when there is none."""
        start, j = i, i - 1
        while j >= 0 and i - j <= self.max_words and self.is_name_word(j) \
                and same_line(self.text, self.tokens[j], self.tokens[j + 1]):
            start, j = j, j - 1
        return start


def _mention(text: str, first: Token, last: Token, label: str, attrs: dict) -> Mention:
    return Mention(first.start, last.end, text[first.start:last.end], label, source="lexicon", attrs=attrs)


def _place_attrs(text: str, first: Token, last: Token, kind: str) -> dict:
    return {"kind": kind, "place": text[first.start:last.end], "place_start": first.start, "place_end": last.end}


def find_municipalities(text: str, tokens: list[Token], rules: LangRules) -> list[Mention]:
    """ORG spans for `head + name` / `name + head` (municipalities and other bodies of a place); LOC spans
    for each name listed after or before a plural head."""
    muni, names, found = rules.municipality, _Names(text, tokens, rules), []
    keys = [norm(t.text) for t in tokens]
    plural, plural_after, before, foreign, after, after_title = (_heads_by_first_word(h) for h in (
        muni.plural, muni.plural_after, muni.before, muni.foreign, muni.after, muni.after_title))
    for i in range(len(tokens)):
        for head in plural.get(keys[i], ()):
            if _head_at(tokens, i, head):
                found.extend(_listed_places(text, tokens, names, rules, i + len(head)))
        for head in plural_after.get(keys[i], ()):
            if _head_at(tokens, i, head):
                found.extend(_places_listed_before(text, tokens, names, rules, i))
        for head in before.get(keys[i], ()):
            if _head_at(tokens, i, head):
                found.extend(_named_after_head(text, tokens, names, rules, i, len(head), "municipality"))
        # A head of another language opens the name only where no name runs into it (`Göteborgs Stad` stays Swedish).
        for head in foreign.get(keys[i], ()):
            if _head_at(tokens, i, head) and not (i > 0 and names.is_name_word(i - 1)
                                                  and same_line(text, tokens[i - 1], tokens[i])):
                found.extend(_named_after_head(text, tokens, names, rules, i, len(head), "municipality"))
        for head in after.get(keys[i], ()):
            if _head_at(tokens, i, head):
                found.extend(_named_before_head(text, tokens, names, i, len(head), "municipality"))
        for head in after_title.get(keys[i], ()):  # `Bursa Büyükşehir Belediye Başkanı`: before a title only
            title = i + len(head)
            if _head_at(tokens, i, head) and title < len(tokens) \
                    and any(matches_word(keys[title], p) for p in muni.titles):
                found.extend(m for m in _named_before_head(text, tokens, names, i, len(head), "municipality")
                             if _known_place(m.attrs["place"], rules))
    found.extend(_authorities(text, tokens, keys, rules))
    return found


def _known_place(name: str, rules: LangRules) -> bool:
    from ..entities.places import place_candidates  # the gazetteer sits in the entities stage
    return bool(place_candidates(name, rules))


@lru_cache(maxsize=None)
def _heads_by_first_word(heads: tuple[tuple[tuple[str, bool], ...], ...]) -> dict[str, tuple]:
    """The heads by their first word (normalised): a page's tokens are each checked against few."""
    by_first: dict[str, list] = {}
    for head in heads:
        by_first.setdefault(head[0][0], []).append(head)
    return {key: tuple(found) for key, found in by_first.items()}


def _authorities(text: str, tokens: list[Token], keys: list[str], rules: LangRules) -> list[Mention]:
    """Bodies of a place other than its council (`Region Örebro län`, `Eskişehir Büyükşehir Belediye Meclisi`)."""
    heads, found = rules.authority, []
    if not (heads.before or heads.after):
        return found
    names = _Names(text, tokens, rules, heads.max_name_words)
    before, after = _heads_by_first_word(heads.before), _heads_by_first_word(heads.after)
    for i in range(len(tokens)):
        for head in before.get(keys[i], ()):
            if _head_at(tokens, i, head):
                found.extend(_named_after_head(text, tokens, names, rules, i, len(head), "authority"))
        for head in after.get(keys[i], ()):
            if _head_at(tokens, i, head):
                found.extend(_named_before_head(text, tokens, names, i, len(head), "authority"))
    return found


def _named_after_head(text: str, tokens: list[Token], names: _Names, rules: LangRules, i: int, size: int,
                      kind: str) -> list[Mention]:
    """The body `head + name` at token i (a person named right after it gets a PER of its own); the name
    runs on into a region word of the language (`Region Örebro län`)."""
    end = names.forward(i + size)
    if end == i + size:
        return []
    out = []
    person = _person_after(text, tokens, i + size, end, rules)
    if person is not None:
        end = person
        out.append(_mention(text, tokens[person], tokens[names.forward(person) - 1], "PER",
                            {"kind": "person_after_body"}))
    if end < len(tokens) and norm(tokens[end].text) in rules.region_words \
            and same_line(text, tokens[end - 1], tokens[end]):
        end += 1
    first, last = tokens[i + size], tokens[end - 1]
    out.append(_mention(text, tokens[i], last, "ORG", _place_attrs(text, first, last, kind)))
    return out


def _named_before_head(text: str, tokens: list[Token], names: _Names, i: int, size: int,
                       kind: str) -> list[Mention]:
    """The body `name + head` whose head starts at token i."""
    start = names.backward(i)
    if start == i:
        return []
    first, last = tokens[start], tokens[i - 1]
    return [_mention(text, first, tokens[i + size - 1], "ORG", _place_attrs(text, first, last, kind))]


def _person_after(text: str, tokens: list[Token], start: int, end: int, rules: LangRules) -> int | None:
    """Where a person's name begins inside the capitalised run after a head (`Община Варна Десислава Маринова`,
    `Δήμου Αθηναίων Ειρήνη Λαμπράκη`, a caption): the run opens with a place the gazetteer knows and goes on
    with two or more words that are no place; None where the run is one name."""
    from ..entities.places import place_candidates  # the gazetteer sits in the entities stage
    words = [t for t in tokens[start:end]]
    if len(words) < 3 or any(not t.is_word for t in words) or "\n" in text[words[0].start:words[-1].end]:
        return None
    whole = text[words[0].start:words[-1].end]
    if place_candidates(whole, rules):
        return None
    for k in range(1, len(words) - 1):
        place = text[words[0].start:words[k - 1].end]
        rest = text[words[k].start:words[-1].end]
        if place_candidates(place, rules) and not place_candidates(rest, rules):
            return start + k
    return None


MIN_LISTED_BEFORE = 2  # `Meram ve Karatay belediyeleri`; one capitalised word before the head may open a sentence


def _places_listed_before(text: str, tokens: list[Token], names: _Names, rules: LangRules, i: int) -> list[Mention]:
    """Names separated by commas or list conjunctions before a plural head at token i (`Selçuklu, Meram ve
    Karatay belediyeleriyle`): each is a LOC; none where fewer than two are listed. Where the list runs on
    into a body (`Konya Büyükşehir Belediyesi, Selçuklu ...`), the body's longer span wins the overlap."""
    out: list[Mention] = []
    while i > 0:
        start = names.backward(i)
        if start == i:
            break
        out.append(_mention(text, tokens[start], tokens[i - 1], "LOC",
                            _place_attrs(text, tokens[start], tokens[i - 1], "municipality_list")))
        i = start
        if i > 0 and norm(tokens[i - 1].text) in rules.municipality.list_words:
            i -= 1
        elif i > 0 and tokens[i - 1].text in _LIST_PUNCT:
            i -= 1
        else:
            break
    return out if len(out) >= MIN_LISTED_BEFORE else []


def _listed_places(text: str, tokens: list[Token], names: _Names, rules: LangRules, i: int) -> list[Mention]:
    """Names separated by commas or list conjunctions after a plural head; each is a LOC."""
    out: list[Mention] = []
    while i < len(tokens):
        end = names.forward(i)
        if end == i:
            break
        out.append(_mention(text, tokens[i], tokens[end - 1], "LOC",
                            _place_attrs(text, tokens[i], tokens[end - 1], "municipality_list")))
        i = end
        if i < len(tokens) and (tokens[i].text in _LIST_PUNCT or norm(tokens[i].text) in rules.municipality.list_words):
            i += 1
            if i < len(tokens) and norm(tokens[i].text) in rules.municipality.list_words:  # ", και"
                i += 1
            continue
        break
    return out
