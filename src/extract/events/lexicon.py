"""Loads one language's `lang/<code>/events.toml` into compiled trigger and cue patterns."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import lang_resource
from ..textfold import fold_accents as fold
from .patterns import Cue, alternation, compile_cue
from .roles import SPECS

DEFAULT_MAX_GAP_WORDS = 4


@dataclass
class TypeLexicon:
    """Triggers and role cues of one event type in one language."""
    type: str
    triggers: re.Pattern | None
    weak_triggers: re.Pattern | None  # dropped where a sentence also has a trigger of a type in `yields_to`
    yields_to: tuple[str, ...]
    exclude: re.Pattern | None
    cues: list[Cue] = field(default_factory=list)
    present: re.Pattern | None = None  # Membership: phrases saying the member belongs now

    def __post_init__(self) -> None:
        # The order cues are tried in: suffix cues first, then longer patterns before shorter ones (the most
        # specific cue wins a name).
        self.cues.sort(key=lambda c: (c.suffix is None, -len(c.pattern)))


@dataclass
class EventLexicon:
    lang: str
    types: dict[str, TypeLexicon]
    topic: re.Pattern | None
    network_words: re.Pattern | None
    list_joiners: re.Pattern
    name_joiners: frozenset[str]
    anaphora: re.Pattern | None
    then_words: re.Pattern | None = None  # `then`, `damals`: the date is the previous sentence's
    next_words: re.Pattern | None = None  # `next`, `próxima`: a trigger after one is a different event
    # A meeting moved or postponed (`skjuts upp`, `ertelendi`): the date and place after a former-plan word
    # (`som skulle ha hållits`, `насрочено за`), to the end of its clause, are the old ones.
    moved_words: re.Pattern | None = None
    former_words: re.Pattern | None = None
    oblique_suffixes: tuple[str, ...] = ()  # case endings that keep a name from being a verb's subject
    # endings that make a name qualify the next one (`İstanbul'daki Esenyurt Belediyesi`: the one in Istanbul)
    attributive_suffixes: tuple[str, ...] = ()
    max_gap_words: int = DEFAULT_MAX_GAP_WORDS
    capitalised_nouns: bool = False  # German: a capital letter does not mark a name
    # `was`, `е`: an auxiliary just before a verb cue makes it passive (`X was founded in 2006 by Y`), so the
    # name before it is no agent.
    passive_aux: re.Pattern | None = None
    # Where a body sits (`sekretariat i _`, `със седалище в _`): a place it names is no event's Place or actor.
    seat: list[Cue] = field(default_factory=list)
    # A credit line (`Foto: Sara Lundqvist`, `Снимки: Хорхе Лопес`): the person it names took the pictures,
    # no part in the event.
    credits: list[Cue] = field(default_factory=list)
    # Where a speech welcomes its guests (`välkomna till _`, `_'e hoş geldiniz`): the page's meeting is there.
    welcome: list[Cue] = field(default_factory=list)
    # A municipal council decides that its city joins (`Общински съвет – Варна одобри присъединяването`): it is
    # no member itself.
    council_words: re.Pattern | None = None
    # First-person words (`vi`, `присъединихме`, `katıldık`): the page's own body speaks (`we joined in 2017`).
    first_person: re.Pattern | None = None
    # The heading of a minutes' attendance list (`Närvarande`, `Παρόντες`): its lines are items, bullets or not.
    attendance: re.Pattern | None = None
    # The field's own words, narrower than `topic` (no town or municipality): an item of a news digest needs one.
    field: re.Pattern | None = None
    # A member directory's entries (events/directory.py): a member's status (`fullvärdig medlem`), what makes
    # an entry no member joining (`grundande medlem`, `observatör`), and a contact field's label (`Kontakt:`).
    directory_member: re.Pattern | None = None
    directory_not_member: re.Pattern | None = None
    directory_contact: re.Pattern | None = None


def _optional_word(words: list[str], group: str) -> str:
    alts = "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
    return rf"(?P<{group}>(?<!\w)(?:{alts})(?!\w))?" if alts else rf"(?P<{group}>(?!))?"


def _joiners(words: list[str], openers: list[str]) -> re.Pattern:
    # Commas, brackets, dashes and slashes always join list items; the conjunctions and the words that may
    # open the next item (articles, a repeated `de`: `, der Kongress ... und Eurofound`, `et de Bologne`)
    # come from the language file.
    sep = r"[\s,;()/\-–—\"“”„«»'’]*"
    # Up to two opener words in a row (`et de l'`, `e dall'`, `and the`).
    alts = "|".join(re.escape(fold(w)) for w in sorted(openers, key=len, reverse=True))
    opener = rf"(?P<opener>(?:(?<!\w)(?:{alts})(?!\w){sep}){{0,2}})" if alts else r"(?P<opener>)"
    # Each item may carry its own case ending after an apostrophe (`Lizbon’dan, Oslo’dan ve Botkyrka’dan`).
    ending = r"(?:['’]\w{1,5})?"
    return re.compile(rf"^{ending}{sep}{_optional_word(words, 'conj')}{sep}{opener}$")


def _cue(lang: str, section: str, role: str, pattern: str) -> Cue:
    """A cue compiled, or an error that says in which file and list the bad pattern stands."""
    try:
        return compile_cue(role, pattern)
    except ValueError as exc:
        raise ValueError(f"lang/{lang}/events.toml [{section}] {role}: {exc}") from None


def build_lexicon(lang: str, data: dict) -> EventLexicon:
    types = {}
    for etype, spec in SPECS.items():
        section = data.get(etype)
        if not section:
            continue
        cues = [_cue(lang, etype, role, p) for role in spec.roles for p in section.get(role, [])]
        types[etype] = TypeLexicon(
            type=etype,
            triggers=alternation(section.get("triggers", [])),
            weak_triggers=alternation(section.get("weak_triggers", [])),
            yields_to=tuple(section.get("weak_yields_to", [])),
            exclude=alternation(section.get("exclude", [])),
            cues=cues,
            present=alternation(section.get("present", [])),
        )
    return EventLexicon(
        lang=lang,
        types=types,
        topic=alternation(data.get("topic", [])),
        network_words=alternation(data.get("network_words", [])),
        list_joiners=_joiners(data.get("list_joiners", []), data.get("list_openers", [])),
        name_joiners=frozenset(fold(w) for w in data.get("name_joiners", [])),
        anaphora=alternation(data.get("anaphora", [])),
        then_words=alternation(data.get("then_words", [])),
        next_words=alternation(data.get("next_words", [])),
        moved_words=alternation(data.get("moved_words", [])),
        former_words=alternation(data.get("former_words", [])),
        oblique_suffixes=tuple(fold(x) for x in data.get("oblique_suffixes", [])),
        attributive_suffixes=tuple(fold(x) for x in data.get("attributive_suffixes", [])),
        max_gap_words=int(data.get("max_gap_words", DEFAULT_MAX_GAP_WORDS)),
        capitalised_nouns=bool(data.get("capitalised_nouns", False)),
        passive_aux=re.compile(rf"(?:{alternation(data['passive_aux']).pattern})\s*$")
        if data.get("passive_aux") else None,
        seat=[_cue(lang, "seat", "Seat", p) for p in data.get("seat", [])],
        welcome=[_cue(lang, "welcome", "Place", p) for p in data.get("welcome", [])],
        credits=[_cue(lang, "credits", "Credit", p) for p in data.get("credits", [])],
        council_words=alternation(data.get("council_words", [])),
        first_person=alternation(data.get("first_person", [])),
        field=alternation(data.get("field", [])),
        directory_member=alternation(data.get("directory", {}).get("member", [])),
        directory_not_member=alternation(data.get("directory", {}).get("not_member", [])),
        directory_contact=alternation(data.get("directory", {}).get("contact", [])),
        attendance=alternation(data.get("attendance", [])),
    )


@lru_cache(maxsize=None)
def load_lexicon(lang: str | None) -> EventLexicon | None:
    """The language's lexicon, or None where it has no events.toml (no events for that language)."""
    data = lang_resource(lang, "events")
    if not data:
        return None
    return build_lexicon(lang, data)
