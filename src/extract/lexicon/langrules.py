"""Per-language entity rules read from `lang/<code>/entities.toml`: stemming, heads, aliases."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..config import LANG_DIR
from ..resources import lang_resource
from .normalise import norm, norm_phrase, tokenize


WordPattern = tuple[str, bool]  # (normalised word, matches as a prefix: written `Daire*`)


def matches_word(word_key: str, pattern: WordPattern) -> bool:
    """A normalised word matches a pattern: the word itself, or any word it begins (`Daire*`)."""
    key, prefix = pattern
    return word_key.startswith(key) if prefix else word_key == key


@dataclass(frozen=True)
class MunicipalityRules:
    # Head phrases as (normalised word, capitalised) pairs; a capitalised head needs a capital in text.
    before: tuple[tuple[tuple[str, bool], ...], ...] = ()  # written before the name (Δήμος X)
    after: tuple[tuple[tuple[str, bool], ...], ...] = ()  # written after the name (X Belediyesi)
    plural: tuple[tuple[tuple[str, bool], ...], ...] = ()  # shared head of a list (οι δήμοι X, Y)
    plural_after: tuple[tuple[tuple[str, bool], ...], ...] = ()  # shared head after a list (X, Y ve Z belediyeleri)
    # Other languages' heads, as a text quotes a council's own name (`Stad Gent`, `Ajuntament de Barcelona`).
    foreign: tuple[tuple[tuple[str, bool], ...], ...] = ()
    list_words: frozenset[str] = frozenset()  # conjunctions joining a list of names
    max_name_words: int = 3
    # Written after the name only before an officer's title, which is no part of the span
    # (`Bursa Büyükşehir Belediye Başkanı`: the mayor of Bursa's municipality); the name must be a known place.
    after_title: tuple[tuple[tuple[str, bool], ...], ...] = ()
    titles: tuple[WordPattern, ...] = ()


@dataclass(frozen=True)
class UnitRules:
    """Heads of a body's units (`[units]` in entities.toml) and how the unit's name is read around them."""
    after: tuple[tuple[WordPattern, ...], ...] = ()  # closing a capitalised name (`Dış İlişkiler Dairesi`)
    before: tuple[tuple[WordPattern, ...], ...] = ()  # opening a capitalised name (`Γραφείο Διεθνών Σχέσεων`)
    described_after: tuple[tuple[WordPattern, ...], ...] = ()  # before lower-case words (`Enheten för integration`)
    quoted_after: tuple[tuple[WordPattern, ...], ...] = ()  # before a quoted name, the span (`отдел „X“`)
    compound_endings: tuple[str, ...] = ()  # one capitalised compound word (`Stadsledningskansliet`)
    min_compound_stem: int = 3
    joiners: frozenset[str] = frozenset()  # lower-case words inside a name (`ve`, `και`)
    stop_words: frozenset[str] = frozenset()  # words that end a described unit (`och`, `har`)
    outside_endings: tuple[str, ...] = ()  # case endings of words before a name, never in it (`Oturumlarda`)
    kind_words: frozenset[str] = frozenset()  # words that name a unit's kind: a name of only these is none
    max_name_words: int = 6
    max_described_words: int = 3

    def __bool__(self) -> bool:
        return bool(self.after or self.before or self.described_after or self.quoted_after or self.compound_endings)


@dataclass(frozen=True)
class LangRules:
    lang: str
    min_stem: int = 3
    stem_suffixes: tuple[str, ...] = ()  # longest first
    base_forms: tuple[tuple[str, str], ...] = ()  # (inflected ending, dictionary ending)
    function_words: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()
    countries: tuple[str, ...] = ()
    place_aliases: dict[str, str] = field(default_factory=dict)  # normalised phrase -> place name
    municipality: MunicipalityRules = MunicipalityRules()
    # Bodies of a place that are not its municipality (`Region Skåne`, `Länsstyrelsen i Örebro län`,
    # `Eskişehir Büyükşehir Belediye Meclisi`): ORG spans found like municipalities, never linked to the city.
    authority: MunicipalityRules = MunicipalityRules()
    region_words: frozenset[str] = frozenset()  # words a place's name runs on into (`Örebro län`)
    units: UnitRules = UnitRules()

    def stem(self, word_key: str) -> str:
        """Strip the longest listed case/definiteness suffix from a normalised word."""
        for suffix in self.stem_suffixes:
            if word_key.endswith(suffix) and len(word_key) - len(suffix) >= self.min_stem:
                return word_key[: -len(suffix)]
        return word_key

    def stem_candidates(self, word_key: str) -> set[str]:
        """The word and every stem a listed suffix leaves: an inflected text word matches a name word
        when one of these equals the name word's `stem` (Комитета ~ Комитет, Европейската ~ Европейска)."""
        out = {word_key}
        for suffix in self.stem_suffixes:
            if word_key.endswith(suffix) and len(word_key) - len(suffix) >= self.min_stem:
                out.add(word_key[: -len(suffix)])
        return out

    def stem_key(self, text: str) -> str:
        """Inflection-insensitive key of a phrase: the stems of its words, punctuation dropped."""
        return " ".join(self.stem(norm(t.text)) for t in tokenize(text) if t.is_word)

    def base_candidates(self, word: str) -> list[str]:
        """The word and its possible dictionary forms (normalised), most literal first."""
        key = norm(word)
        out = [key]
        for inflected, base in self.base_forms:
            if key.endswith(inflected) and len(key) - len(inflected) >= self.min_stem - 1:
                cand = key[: len(key) - len(inflected)] + base
                if cand not in out:
                    out.append(cand)
        return out


def _phrases(values) -> tuple[tuple[tuple[str, bool], ...], ...]:
    """Head phrases as (normalised word, written with a capital) pairs."""
    return tuple(tuple((norm(t.text), t.text[0].isupper()) for t in tokenize(v)) for v in values)


def _word_patterns(values) -> tuple[tuple[WordPattern, ...], ...]:
    """Heads as word patterns; a word written with a closing `*` matches every word it begins."""
    return tuple(tuple((norm(w.rstrip("*")), w.endswith("*")) for w in v.split()) for v in values)


def _units(section: dict) -> UnitRules:
    return UnitRules(
        after=_word_patterns(section.get("after", [])),
        before=_word_patterns(section.get("before", [])),
        described_after=_word_patterns(section.get("described_after", [])),
        quoted_after=_word_patterns(section.get("quoted_after", [])),
        compound_endings=_norm_list(section.get("compound_endings", [])),
        min_compound_stem=int(section.get("min_compound_stem", 3)),
        joiners=frozenset(_norm_list(section.get("joiners", []))),
        stop_words=frozenset(_norm_list(section.get("stop_words", []))),
        outside_endings=_norm_list(section.get("outside_endings", [])),
        kind_words=frozenset(_norm_list(section.get("kind_words", []))),
        max_name_words=int(section.get("max_name_words", 6)),
        max_described_words=int(section.get("max_described_words", 3)),
    )


def _norm_list(values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(norm(v) for v in values))


def _languages() -> list[str]:
    return sorted(p.parent.name for p in LANG_DIR.glob("*/entities.toml"))


def _foreign_heads(lang: str | None) -> list[str]:
    """The `abroad` heads of every other language: names a text quotes in the council's own language."""
    return [head for other in _languages() if other != lang
            for head in lang_resource(other, "entities").get("municipality", {}).get("abroad", [])]


def _heads(section: dict, max_words: int = 3, foreign: list[str] | None = None) -> MunicipalityRules:
    return MunicipalityRules(
        before=_phrases(section.get("before", []) + section.get("abroad", [])),
        after=_phrases(section.get("after", [])),
        plural=_phrases(section.get("plural", [])),
        plural_after=_phrases(section.get("plural_after", [])),
        foreign=_phrases(foreign or []),
        list_words=frozenset(_norm_list(section.get("list_words", []))),
        max_name_words=int(section.get("max_name_words", max_words)),
        after_title=_phrases(section.get("after_title", [])),
        titles=tuple(p for head in _word_patterns(section.get("titles", [])) for p in head),
    )


@lru_cache(maxsize=None)
def lang_rules(lang: str | None) -> LangRules:
    """Rules of a language; a language without a folder gets rules with no inflection."""
    data = lang_resource(lang, "entities")
    if not data:
        return LangRules(lang=lang or "")
    infl = data.get("inflection", {})
    names = data.get("names", {})
    muni = data.get("municipality", {})
    return LangRules(
        lang=lang,
        min_stem=int(infl.get("min_stem", 3)),
        stem_suffixes=tuple(sorted(_norm_list(infl.get("stem_suffixes", [])), key=len, reverse=True)),
        base_forms=tuple((norm(a), norm(b)) for a, b in infl.get("base_forms", [])),
        function_words=frozenset(_norm_list(names.get("function_words", []))),
        connectors=frozenset(_norm_list(names.get("connectors", []))),
        countries=tuple(data.get("countries", [])),
        place_aliases={norm_phrase(k): v for k, v in data.get("place_aliases", {}).items()},
        municipality=_heads(muni, foreign=_foreign_heads(lang)),
        authority=_heads(data.get("authorities", {}), int(muni.get("max_name_words", 3))),
        region_words=frozenset(_norm_list(data.get("regions", {}).get("after", []))),
        units=_units(data.get("units", {})),
    )
