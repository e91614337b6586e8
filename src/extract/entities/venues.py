"""Tells a venue or building name (`Stuttgarter Rathaus`, `Συνεδριακό Κέντρο`) by the venue words of its
language (`lang/<code>/entities.toml`, `[venues] words`): the guide labels such places LOC."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon.langrules import lang_rules
from ..lexicon.normalise import norm
from ..resources import lang_resource
from .places import names_town
from ..textfold import fold_accents, written_in_lower_case


@lru_cache(maxsize=None)
def _venue_words(lang: str | None, key: str) -> tuple[str, ...]:
    """The language's `[venues] key` list, folded (lower case, no accents)."""
    return tuple(fold_accents(w).lower() for w in lang_resource(lang, "entities").get("venues", {}).get(key, []))


def _word_starts(words: tuple[str, ...]) -> re.Pattern | None:
    """A pattern for any of the folded words at the start of a word (`залите` starts with `зал`)."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + ")") if words else None


@lru_cache(maxsize=None)
def _venue_pattern(lang: str | None):
    return _word_starts(_venue_words(lang, "words"))


_TOKEN = re.compile(r"\w[\w\-]*|&")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()  # `DEPO2015`


def find_venues(text: str, start: int, end: int, lang: str | None) -> list[tuple[int, int]]:
    """Spans of venue names in [start, end): a capitalised venue word of the language with the capitalised
    words around it (`Kadir Has Kongre ve Spor Merkezinde`, `Δημοτικό Θέατρο Μυτιλήνης`, `Kulturhuset Spira`),
    joined only by the language's venue joiners (`ve`, `και`, `&`). A venue word alone is no name, but a compound
    ending in a venue noun of the language (`[venues] endings`: `Grieghallen`) is."""
    pattern = _venue_pattern(lang)
    if pattern is None:
        return []
    joiners = _venue_joiners(lang)
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]

    def adjacent(i: int, j: int) -> bool:
        return not text[toks[i][1]:toks[j][0]].strip(" \t")

    def joiner(i: int) -> bool:
        return toks[i][2] == "&" or fold_accents(toks[i][2]).lower() in joiners

    def common_opening(i: int) -> bool:
        # `Στο Δημοτικό Ωδείο`: a word opening the line or sentence that the text also writes in lower case.
        before = text[max(0, toks[i][0] - 3):toks[i][0]]
        opens = toks[i][0] == 0 or "\n" in before or bool(re.search(r"[.!?]\s+$", before))
        word = toks[i][2]
        return opens and (norm(word) in lang_rules(lang).function_words or written_in_lower_case(text, word))

    def extend(i: int, step: int) -> int:
        while 0 <= i + step < len(toks) and adjacent(min(i, i + step), max(i, i + step)):
            nxt = i + step
            if _capitalised(toks[nxt][2]) and not (step < 0 and common_opening(nxt)):
                i = nxt
            elif joiner(nxt) and 0 <= nxt + step < len(toks) and _capitalised(toks[nxt + step][2]) \
                    and adjacent(min(nxt, nxt + step), max(nxt, nxt + step)) \
                    and not (step > 0 and names_town(toks[nxt + step][2], lang)):
                i = nxt + step  # not `... Συνεδριακό Κέντρο της Θεσσαλονίκης`: the town is a place of its own
            else:
                break
        return i

    spans: list[tuple[int, int]] = []
    endings = _venue_words(lang, "endings")  # `Grieghallen`: venue nouns that end a one-word name
    case_endings = _venue_words(lang, "case_endings")
    for i, (a, _, word) in enumerate(toks):
        if not word[:1].isupper() or (spans and a < spans[-1][1]):
            continue
        # `Grieghallen`, `Centrumbiblioteket Oodi`: a compound that ends in a venue noun is a name by itself,
        # unless it opens the sentence as a common word would (`Stadshuset är stängt`, if written so elsewhere).
        compound = any(len(word) > len(e) + 2 and fold_accents(word).lower().endswith(e) for e in endings) \
            and not common_opening(i)
        if not compound and not pattern.match(fold_accents(text[a:a + 60])):
            continue
        lo, hi = extend(i, -1), extend(i, 1)
        # `Belediye Sarayında Genel Sekreter ...`: a word with a case ending ends the venue's name
        hi = next((j for j in range(i, hi) if fold_accents(toks[j][2]).lower().endswith(case_endings)), hi)
        if hi > lo or compound:
            spans.append((toks[lo][0], toks[hi][1]))
    return spans


_QUOTED_NAME = re.compile(r"[ \t]*[„“\"«]([^„“”\"«»\n]{2,60})[“”\"»]")
NAME_AFTER_VENUE_WORD_MAX_WORDS = 4


def names_after_venue_words(text: str, start: int, end: int, lang: str | None) -> list[tuple[int, int]]:
    """Venue names written after a lower-case venue word of the language (`[venues] words` and `before_name`):
    a quoted name (`хотел „Маринела“`, `в залите на „Алтис Форум“`, the quotes left out) or capitalised
    words (`konserthuset De Doelen`). A town's name there is the town (`στο δημαρχείο Αθηνών`)."""
    pattern = _lower_venue_pattern(lang)
    if pattern is None:
        return []
    folded = fold_accents(text[start:end])  # the paragraph only: a page has many (same length as the text)
    joiners = _venue_joiners(lang)
    spans: list[tuple[int, int]] = []
    for hit in pattern.finditer(folded):
        if not text[start + hit.start()].islower():
            continue
        at = start + hit.end()
        while at < end and text[at].isalpha():
            at += 1  # the rest of the venue word (`залите`, `konserthuset`)
        joiner = re.match(r"[ \t]+(\w+)(?=[ \t])", text[at:end])
        if joiner is not None and fold_accents(joiner.group(1)).lower() in joiners:
            at += joiner.end()  # `залите на „Алтис Форум“`
        quoted = _QUOTED_NAME.match(text, at, end)
        if quoted is not None:
            name = (quoted.start(1), quoted.end(1))
        else:
            name = _capitalised_run(text, at, end)
            if name is None:
                continue
        surface = text[name[0]:name[1]]
        if len(surface.split()) > NAME_AFTER_VENUE_WORD_MAX_WORDS or names_town(surface, lang):
            continue
        spans.append(name)
    return spans


def _capitalised_run(text: str, at: int, end: int) -> tuple[int, int] | None:
    """The capitalised words right after the offset, on the same line (`De Doelen`), or None."""
    if not re.match(r"[ \t]+[^\W\d_]", text[at:end]) or not text[at:end].lstrip(" \t")[:1].isupper():
        return None  # not `зала 3`
    span = None
    for m in _TOKEN.finditer(text, at, end):
        if not _capitalised(m.group()) or text[(span or (at, at))[1]:m.start()].strip(" \t"):
            break
        span = (span[0] if span else m.start(), m.end())
    return span


def names_before_venue_nouns(text: str, start: int, end: int, lang: str | None) -> list[tuple[int, int]]:
    """Venue names made of capitalised words and a lower-case venue noun of the language (`[venues] after`):
    `Доходното здание`, `Морското казино`, `Bäckby bibliotek`. The capitalised words may not open the sentence."""
    nouns = _trailing_words(lang)
    if not nouns:
        return []
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
    spans: list[tuple[int, int]] = []
    for i in range(1, len(toks)):
        a, b, word = toks[i]
        if not word[:1].islower() or fold_accents(word).lower() not in nouns:
            continue
        lo = i
        while lo > 0 and _capitalised(toks[lo - 1][2]) and not text[toks[lo - 1][1]:toks[lo][0]].strip(" \t"):
            lo -= 1
        if lo == i:
            continue
        before = text[max(0, toks[lo][0] - 3):toks[lo][0]]
        if toks[lo][0] == start or "\n" in before or re.search(r"[.!?:]\s+$", before):
            continue  # a capitalised word opening the sentence or line may be a common one
        spans.append((toks[lo][0], b))
    return spans


@lru_cache(maxsize=None)
def _lower_venue_pattern(lang: str | None):
    return _word_starts(_venue_words(lang, "words") + _venue_words(lang, "before_name"))


def _venue_joiners(lang: str | None) -> tuple[str, ...]:
    return _venue_words(lang, "joiners")


def _trailing_words(lang: str | None) -> tuple[str, ...]:
    """Venue nouns written in lower case after a place's name (`Bäckby bibliotek`, `Örebro slott`)."""
    return _venue_words(lang, "after")


def is_venue(surface: str, lang: str | None, trailing: bool = True) -> bool:
    """A name with a venue or building word of its language (with `trailing`, also a place's name with a lower-case
    venue noun after it, `Bäckby bibliotek`)."""
    pattern = _venue_pattern(lang)
    if pattern and pattern.search(fold_accents(surface)):
        return True
    last = surface.split()[-1:] if trailing and " " in surface else []
    return bool(last) and fold_accents(last[0]).lower() in _trailing_words(lang)


def after_venue_word(text: str, start: int, lang: str | None) -> bool:
    """The word right before the offset is a venue word (`στο ξενοδοχείο Grand Serai`, `hotel Conventum`)."""
    pattern = _venue_pattern(lang)
    if pattern is None:
        return False
    words = fold_accents(text[max(0, start - 40):start]).split()
    return bool(words) and pattern.match(words[-1]) is not None


def capitalised_venue_word_before(text: str, start: int, lang: str | None) -> int | None:
    """Where a name follows a capitalised venue word that is part of it (`Pavillon` + ` Joséphine`,
    `Hotel` + ` Conventum`): that word's start, or None."""
    hit = re.search(r"(\w+)[ \t]+$", text[max(0, start - 40):start])
    if hit is None or not hit.group(1)[:1].isupper() or not after_venue_word(text, start, lang):
        return None
    return start - len(hit.group())


def venue_words_after(text: str, end: int, lang: str | None, place: bool = False) -> int | None:
    """Where a name runs on into venue words (`Ahmed Adnan Saygun` + ` Sanat Merkezi`; a `place` into a lower-case
    venue noun, `Botkyrka` + ` konsthall`, not a body's name, `Kungliga biblioteket`): their end, or None."""
    pattern = _venue_pattern(lang)
    start = end
    while start < len(text) and text[start] in " \t":
        start += 1
    if start == end or start >= len(text):
        return None
    if place:
        word = re.match(r"\w+", text[start:start + 40])
        if word is not None and fold_accents(word.group()).lower() in _trailing_words(lang):
            return start + word.end()  # `Bäckby` + ` bibliotek`: the place's own building
    if pattern is None or not text[start].isupper():
        return None
    hit = pattern.match(fold_accents(text[start:start + 60]))
    if hit is None:
        return None
    stop = start + hit.end()
    while stop < len(text) and text[stop].isalpha():
        stop += 1
    return stop


def region_word_after(text: str, end: int, lang: str | None) -> int | None:
    """Where a place name runs on into a word that makes it a region (`Örebro` + ` län`): the word's end."""
    words = lang_rules(lang).region_words
    if not words:
        return None
    hit = re.match(r"[ \t]+(\w+)", text[end:end + 40])
    if hit is None or norm(hit.group(1)) not in words:
        return None
    return end + hit.end()


_ADDRESS_PART = re.compile(r"[^,|·;\n()]*")  # an address's parts are set off by commas, bars, brackets


def in_street_address(text: str, start: int, end: int) -> bool:
    """A name in the part of an address that carries a house number (`Mässans gata 20`, `бул. „Цар Борис III
    Обединител“ 37`, `Kule Caddesi No: 12`): a street, not the place of an event."""
    before = text[max(0, start - 40):start]
    lead = before[len(before) - _ADDRESS_PART.match(before[::-1]).end():]
    after = _ADDRESS_PART.match(text, end).group(0)
    return bool(re.search(r"\d", lead + after))


_HOUSE_NUMBER = re.compile(r"[ \t]*(?:[^\W\d_]{1,3}[.:][ \t]*)?\d+[a-zA-Z]?(?=[\s,;)]|$)")


def before_house_number(text: str, end: int) -> bool:
    """A name right before a house number (`Cumhuriyet Bulvarı No: 12`, `Αθηνάς 63`, `Hornsgatan 20`): a street."""
    return _HOUSE_NUMBER.match(text, end) is not None
