"""Place linking: a place mention (any language, inflected) -> the most likely GeoNames place."""
from __future__ import annotations

import math
from functools import lru_cache
from collections.abc import Iterable
from itertools import islice, product

from ..lexicon.langrules import LangRules, lang_rules
from ..lexicon.normalise import norm, norm_phrase, tokenize
from .gazetteer import Place, gazetteer

_MAX_VARIANTS = 32
_VOWELS = set("aeiouyαεηιουωаеиоуъюяэы")
# Score bonuses, in orders of magnitude of population: a place in a country the document's language
# suggests beats a foreign place 1000 times larger; one in a country the document already names, 100 times.
LANG_COUNTRY_BONUS = 3.0
DOC_COUNTRY_BONUS = 2.0


def _word_variants(words: list[str], rules: LangRules) -> Iterable[str]:
    """The phrase with each word in its possible dictionary forms (literal form first)."""
    options = [rules.base_candidates(w) for w in words]
    return (" ".join(combo) for combo in islice(product(*options), _MAX_VARIANTS))


def _doubled_consonants(key: str) -> Iterable[str]:
    """Spellings with one consonant doubled (Stutgart -> Stuttgart): transliterations often drop one."""
    for i, ch in enumerate(key):
        if ch.isalpha() and ch not in _VOWELS and (i + 1 == len(key) or key[i + 1] != ch):
            yield key[: i + 1] + ch + key[i + 1:]


def place_candidates(text: str, rules: LangRules) -> list[Place]:
    """Gazetteer places a mention may name: alias table, literal form, dictionary forms, spelling variants."""
    gaz = gazetteer()
    key = norm_phrase(text)
    alias = rules.place_aliases.get(key)
    if alias:
        hits = gaz.lookup(norm_phrase(alias))
        if hits:
            return hits
    words = [norm(t.text) for t in tokenize(text)]
    if not words:
        return []
    seen: list[Place] = []
    for variant in _word_variants(words, rules):
        for place in gaz.lookup(variant):
            if place not in seen:
                seen.append(place)
        if seen:
            return seen
    if len(words) == 1 and len(key) >= 5:
        for variant in _doubled_consonants(key):
            seen.extend(p for p in gaz.lookup(variant) if p not in seen)
    return seen


@lru_cache(maxsize=4096)
def names_town(text: str, lang: str | None) -> bool:
    """The gazetteer knows the name as a city or town (among whatever else it may name)."""
    return any(p.kind == "city" for p in place_candidates(text, lang_rules(lang)))


def score(place: Place, lang_countries: Iterable[str], doc_countries: Iterable[str]) -> float:
    value = math.log10(place.population + 10)
    if place.country and place.country in lang_countries:
        value += LANG_COUNTRY_BONUS
    if place.country and place.country in doc_countries:
        value += DOC_COUNTRY_BONUS
    return value


def choose(candidates: list[Place], lang_countries: Iterable[str] = (), doc_countries: Iterable[str] = ()) -> Place | None:
    """The best candidate by population, the language's countries and the countries the document names."""
    if not candidates:
        return None
    lang_countries, doc_countries = tuple(lang_countries), tuple(doc_countries)
    return max(candidates, key=lambda p: score(p, lang_countries, doc_countries))
