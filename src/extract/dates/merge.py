"""Merges the tagger's DATE mentions with the NER model's: one DATE mention per expression.

Where both found a date, the tagger's span and value win (its spans follow the guide's span rules).
A model DATE the tagger did not cover is kept with the value the normaliser reads from its text, unless it
is a duration, clock time or vague period (no DATE per the guide), or lies on a date that names a street
(`οδός Γ΄ Σεπτεμβρίου 36`). A tagger date inside a curated lexicon
name (`Horizon 2020`, `Agenda 2030`) is part of that name: the guide labels names whole, without nesting;
and a model's ORG/LOC/PER span inside a date expression is dropped.
"""
from __future__ import annotations

from ..document import Mention
from .filters import is_not_date
from .normalise import Point
from .tagger import scan


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def model_date_value(text: str, lang: str | None, anchor: Point | None) -> str | None:
    """The TIMEX value of a model DATE span's text, read leniently; None where it holds no readable date."""
    atoms = scan(text, lang, lenient=True)
    return atoms[0].value(anchor) if atoms else None


def merge_dates(mentions: list[Mention], tagged: list[Mention], lang_at, anchor: Point | None,
                streets: list[tuple[int, int]] = ()) -> list[Mention]:
    """`mentions` with their DATE mentions replaced by the merged set. `lang_at(offset)` gives the language;
    `streets` are the spans of dates that name a street."""
    others = [m for m in mentions if m.label != "DATE"]
    lexicon_names = [m for m in others if m.source == "lexicon"]
    tagged = [t for t in tagged if not any(n.start <= t.start and t.end <= n.end for n in lexicon_names)]
    # A model ORG/LOC/PER span that lies inside a date expression (`27. November` read as ORG) is that date.
    others = [m for m in others if m.source != "model" or not any(t.start <= m.start and m.end <= t.end for t in tagged)]
    merged = list(tagged)
    # Earlier rule DATEs (the stage run twice) are replaced by this run's, not merged with them.
    for m in (m for m in mentions if m.label == "DATE" and m.source != "rule"):
        if any(_overlaps(m, t) for t in tagged) or any(m.start < e and s < m.end for s, e in streets):
            continue
        lang = lang_at(m.start)
        if is_not_date(m.text, lang):
            continue
        m.value = model_date_value(m.text, lang, anchor)
        merged.append(m)
    return sorted(others + merged, key=lambda m: (m.start, -m.end))
