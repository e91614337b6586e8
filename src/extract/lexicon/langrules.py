"""Per-language entity rules read from `lang/<code>/entities.toml`: stemming, heads, aliases."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import lang_resource
from .normalise import norm, norm_phrase, tokenize


@dataclass(frozen=True)
class MunicipalityRules:
    # Head phrases as (normalised word, capitalised) pairs; a capitalised head needs a capital in text.
    before: tuple[tuple[tuple[str, bool], ...], ...] = ()  # written before the name (Δήμος X)
    after: tuple[tuple[tuple[str, bool], ...], ...] = ()  # written after the name (X Belediyesi)
    plural: tuple[tuple[tuple[str, bool], ...], ...] = ()  # shared head of a list (οι δήμοι X, Y)
    list_words: frozenset[str] = frozenset()  # conjunctions joining a list of names
    max_name_words: int = 3


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


def _norm_list(values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(norm(v) for v in values))


def _english_heads() -> list[str]:
    return lang_resource("en", "entities").get("municipality", {}).get("before", [])


@lru_cache(maxsize=None)
def lang_rules(lang: str | None) -> LangRules:
    """Rules of a language; a language without a folder gets rules with no inflection."""
    data = lang_resource(lang, "entities")
    if not data:
        return LangRules(lang=lang or "")
    infl = data.get("inflection", {})
    names = data.get("names", {})
    muni = data.get("municipality", {})
    # English head phrases before a name (City of X) are used in texts of every language.
    before = muni.get("before", []) + ([] if lang == "en" else _english_heads())
    return LangRules(
        lang=lang,
        min_stem=int(infl.get("min_stem", 3)),
        stem_suffixes=tuple(sorted(_norm_list(infl.get("stem_suffixes", [])), key=len, reverse=True)),
        base_forms=tuple((norm(a), norm(b)) for a, b in infl.get("base_forms", [])),
        function_words=frozenset(_norm_list(names.get("function_words", []))),
        connectors=frozenset(_norm_list(names.get("connectors", []))),
        countries=tuple(data.get("countries", [])),
        place_aliases={norm_phrase(k): v for k, v in data.get("place_aliases", {}).items()},
        municipality=MunicipalityRules(
            before=_phrases(before),
            after=_phrases(muni.get("after", [])),
            plural=_phrases(muni.get("plural", [])),
            list_words=frozenset(_norm_list(muni.get("list_words", []))),
            max_name_words=int(muni.get("max_name_words", 3)),
        ),
    )
