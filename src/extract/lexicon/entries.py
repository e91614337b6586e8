"""The curated multilingual lexicon of the field: networks, EU bodies, funds, international bodies."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent
# Names listed under this pseudo-language are matched in every language (brand names, English acronyms).
ANY_LANG = "any"


@dataclass(frozen=True)
class LexEntry:
    key: str  # canonical entity id, e.g. org:eurocities
    label: str  # ORG | LOC
    name: str  # English canonical name
    kind: str  # network | eu_body | fund | international | national | association | programme
    country: str | None
    names: dict[str, tuple[str, ...]]  # lang (or "any") -> full names, matched case-insensitively
    acronyms: dict[str, tuple[str, ...]]  # lang (or "any") -> acronyms, matched case-sensitively
    cased: dict[str, tuple[str, ...]]  # lang (or "any") -> short names matched only exactly as written

    def names_for(self, lang: str | None) -> list[str]:
        """Names matched in a text of `lang`: its own, the English and the language-neutral ones."""
        langs = dict.fromkeys([lang or "en", "en", ANY_LANG])
        return [n for lg in langs for n in self.names.get(lg, ())]

    def exact_forms_for(self, lang: str | None) -> list[str]:
        """Acronyms and cased names matched in a text of `lang` (its own and the language-neutral ones)."""
        langs = dict.fromkeys([lang or "en", ANY_LANG])
        return [a for group in (self.acronyms, self.cased) for lg in langs for a in group.get(lg, ())]

    def all_surface_forms(self) -> list[str]:
        groups = (self.names, self.acronyms, self.cased)
        return [n for group in groups for forms in group.values() for n in forms]


def _by_lang(table: dict | None) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(forms) for lang, forms in (table or {}).items()}


def _entry(raw: dict, source: str) -> LexEntry:
    missing = {"key", "label", "name"} - raw.keys()
    if missing:
        raise ValueError(f"{source}: lexicon entry {raw.get('key', raw)!r} lacks {sorted(missing)}")
    if raw["label"] not in ("ORG", "LOC"):
        raise ValueError(f"{source}: {raw['key']}: label must be ORG or LOC")
    return LexEntry(
        key=raw["key"], label=raw["label"], name=raw["name"], kind=raw.get("kind", "organisation"),
        country=raw.get("country") or None,
        names=_by_lang(raw.get("names")), acronyms=_by_lang(raw.get("acronyms")),
        cased=_by_lang(raw.get("cased")),
    )


@lru_cache(maxsize=1)
def load_entries() -> tuple[LexEntry, ...]:
    """Every entry of every `*.toml` file in the lexicon folder, keys checked unique."""
    entries: list[LexEntry] = []
    seen: dict[str, str] = {}
    for path in sorted(LEXICON_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for raw in data.get("entry", []):
            entry = _entry(raw, path.name)
            if entry.key in seen:
                raise ValueError(f"{path.name}: duplicate lexicon key {entry.key} (also in {seen[entry.key]})")
            seen[entry.key] = path.name
            entries.append(entry)
    return tuple(entries)


@lru_cache(maxsize=1)
def entries_by_key() -> dict[str, LexEntry]:
    return {e.key: e for e in load_entries()}
