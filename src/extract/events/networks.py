"""Tells whether a mention names a network (what a Membership joins, what a meeting belongs to): the
entities stage's lexicon kind, a name of a network in the curated lexicon (read-only), a network word in
the name (`Δίκτυο Πόλεων ...`), or one right before or after it (`мрежата ЕВРОСИТИС`, `CLIP ağının`)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Mention
from ..entities.places import names_town, place_candidates
from ..lexicon import load_entries
from ..lexicon.langrules import lang_rules
from ..textfold import fold_accents as fold
from .lexicon import EventLexicon

# Lexicon kinds a city can be a member of: networks, network programmes, associations of municipalities.
NETWORK_KINDS = ("network", "programme", "association")
# A meeting belongs to a network or programme; an association of municipalities there is a body like others.
MEETING_KINDS = ("network", "programme")

_WORDS_AROUND = 2  # a network word this many words before or one word after the name marks it
_WORD = re.compile(r"\w+")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(fold(text)))


@lru_cache(maxsize=4)
def network_names(kinds: tuple[str, ...] | None = NETWORK_KINDS) -> tuple[frozenset[str], frozenset[str]]:
    """(entity keys, folded surface forms) of the lexicon's entries of these kinds (None: of every kind)."""
    entries = [e for e in load_entries() if kinds is None or e.kind in kinds]
    forms = {_key(f) for e in entries for f in [e.name, *e.all_surface_forms()]}
    return frozenset(e.key for e in entries), frozenset(f for f in forms if f)


def _listed(mention: Mention, kinds: tuple[str, ...] | None) -> bool:
    keys, forms = network_names(kinds)
    return mention.entity_id in keys or any(_key(s) in forms for s in (mention.text, mention.value) if s)


def _lexicon_kind(mention: Mention, kinds: tuple[str, ...]) -> bool | None:
    """Whether the lexicon gives the mention one of `kinds`: the entities stage's kind, else a lexicon name;
    None where the lexicon does not know it."""
    kind = str(mention.attrs.get("kind") or "")
    if kind:
        return kind.lower() in kinds
    return _listed(mention, kinds) if _listed(mention, None) else None


# Lexicon kinds of bodies that are no member of a network of cities (the EU, the Council of Europe, a ministry, a fund).
INSTITUTION_KINDS = ("eu_body", "international", "national", "fund", "foundation", "event_series")


def is_institution(mention: Mention) -> bool:
    """The lexicon knows the mention as an EU body, an international organisation, a fund or a foundation."""
    return mention.label == "ORG" and bool(_lexicon_kind(mention, INSTITUTION_KINDS))


def holds_network(mention: Mention) -> bool:
    """A name the model read around a network's (`ICC Nordic`, around `ICC`): a body of that network."""
    keys, _ = network_names(NETWORK_KINDS)
    return any(key in keys for key in mention.attrs.get("contains_lexicon", []))


def is_network(mention: Mention, lex: EventLexicon, folded: str | None = None,
               kinds: tuple[str, ...] = NETWORK_KINDS) -> bool:
    if mention.label != "ORG":
        return False
    known = _lexicon_kind(mention, kinds)
    if known is not None:
        return known
    if lex.network_words is None:
        return False
    if any(lex.network_words.search(fold(s)) for s in (mention.text, mention.value or "") if s):
        return True
    if folded is None:
        return False
    before = folded[max(0, mention.start - 40):mention.start]
    words = list(_WORD.finditer(before))[-_WORDS_AROUND:]
    after = _WORD.search(folded, mention.end, min(len(folded), mention.end + 30))
    near = [before[w.start():w.end()] for w in words] + ([after.group()] if after else [])
    return any(lex.network_words.fullmatch(w) for w in near)


@lru_cache(maxsize=4096)
def _region_name(text: str, lang: str | None) -> bool:
    places = place_candidates(text, lang_rules(lang))
    return bool(places) and all(p.kind in ("country", "continent") for p in places)


def is_region(mention: Mention, lang: str | None) -> bool:
    """The mention names a country or continent (the gazetteer knows it as nothing else)."""
    return mention.label == "LOC" and _region_name(mention.text, lang)


def is_town(mention: Mention, lang: str | None) -> bool:
    """The mention names a city or town the gazetteer knows (not a venue, district or country)."""
    return mention.label == "LOC" and names_town(mention.text, lang)


def is_council(mention: Mention, lex: EventLexicon) -> bool:
    """A municipal council (`Общински съвет – Варна`, `kommunfullmäktige`): it decides that its city joins,
    it is no member itself."""
    return mention.label == "ORG" and lex.council_words is not None \
        and lex.council_words.search(fold(mention.text)) is not None
