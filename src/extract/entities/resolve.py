"""Per-mention links that do not depend on other mentions: lexicon key, GeoNames place, municipality."""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Mention
from ..lexicon import LexiconMatcher, entries_by_key, lang_rules
from .gazetteer import Place
from .places import choose, place_candidates


@dataclass
class Link:
    """What one mention is known to name before clustering."""
    entity_id: str | None = None  # fixed id: lexicon key, geonames:/country:, municipality of a city
    name: str | None = None
    country: str | None = None
    place: Place | None = None  # the GeoNames place (LOC) or the municipality's city (ORG)
    city_entity_id: str | None = None
    candidates: tuple[Place, ...] = ()  # gazetteer candidates still to be chosen among
    municipality: bool = False


def municipality_entity_id(city: Place) -> str:
    return f"org:municipality-{city.geonames_id}"


def _lexicon_key(m: Mention, text: str, lang: str | None) -> str | None:
    """The mention's lexicon key: set by the lexicon matcher, or the whole mention is a lexicon name."""
    if m.attrs.get("key"):
        return m.attrs["key"]
    entry = LexiconMatcher.for_lang(lang).match_whole(text[m.start:m.end])
    return entry.key if entry and entry.label == m.label else None


def _municipality_place(m: Mention, text: str, lang: str | None) -> str | None:
    """The place name inside a municipality mention (Zeytinburnu in `Zeytinburnu Belediyesi`)."""
    if m.attrs.get("kind") == "municipality":
        return m.attrs.get("place")
    for found in LexiconMatcher.for_lang(lang).find(text, m.start, m.end):
        if found.start == m.start and found.end == m.end and found.attrs.get("kind") == "municipality":
            return found.attrs["place"]
    return None


def link_mention(m: Mention, text: str, lang: str | None) -> Link:
    """Fixed link of an ORG/LOC mention (PER mentions get none)."""
    if m.label not in ("ORG", "LOC"):
        return Link()
    key = _lexicon_key(m, text, lang)
    if key and key in entries_by_key():
        entry = entries_by_key()[key]
        return Link(entity_id=key, name=entry.name, country=entry.country)
    rules = lang_rules(lang)
    if m.label == "ORG":
        place_name = _municipality_place(m, text, lang)
        if place_name:
            return Link(candidates=tuple(p for p in place_candidates(place_name, rules) if p.kind == "city"),
                        municipality=True)
        return Link()
    return Link(candidates=tuple(place_candidates(m.text, rules)))


def settle_places(links: list[Link], langs: list[str | None]) -> None:
    """Choose among gazetteer candidates, preferring the language's countries, then those the document names."""
    first = [choose(list(l.candidates), lang_rules(lg).countries) for l, lg in zip(links, langs)]
    doc_countries = {p.country for p in first if p is not None and p.country}
    for link, lang in zip(links, langs):
        place = choose(list(link.candidates), lang_rules(lang).countries, doc_countries)
        if place is None:
            continue
        if link.municipality:
            link.entity_id, link.name = municipality_entity_id(place), f"Municipality of {place.name}"
            link.city_entity_id = place.entity_id
        else:
            link.entity_id, link.name = place.entity_id, place.name
        link.place, link.country = place, place.country
