"""Person rules of the NER stage that read the given names learnt from the corpora (`models/given_names/`):
a model span that is a person's full name but got another label, a body and a person read as one span, and
a full name the model left out."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..config import LANG_DIR
from ..document import Mention
from ..resources import read_toml

NAMES_FILE = Path("given_names") / "given_names.tsv"
MAX_SURNAME_WORDS = 2  # a surname, perhaps a second one (`Per-Olof Niemi`, `Eva de Vries`, `Ana Sousa Costa`)
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


@lru_cache(maxsize=None)
def load_given_names(models_dir: Path) -> frozenset[str]:
    """The given names of `models/given_names/given_names.tsv`; empty where the file is missing (the rules
    then change nothing)."""
    path = Path(models_dir) / NAMES_FILE
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return frozenset(line.split("\t", 1)[0] for line in lines if line.strip())


@lru_cache(maxsize=None)
def _particles() -> frozenset[str]:
    return frozenset(read_toml(LANG_DIR / "names.toml").get("particles", []))


def _surname_word(word: str) -> bool:
    """A capitalised word that can be a surname: not an acronym, no digits."""
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    return word[:1].isupper() and letters.isalpha() and not letters.isupper()


def full_name_at(text: str, start: int, given: frozenset[str]) -> int | None:
    """Where a person's full name that opens at `start` with a given name ends (`Karin Falk`, `Eva de Vries`,
    `Hüseyin Erdem`), the surname running to the next space, punctuation or apostrophe suffix; None where no
    capitalised surname follows the given name on the same line."""
    first = _WORD.match(text, start)
    if first is None or first.group().split("-")[0] not in given and first.group() not in given:
        return None
    pos, end, surnames = first.end(), None, 0
    while surnames < MAX_SURNAME_WORDS:
        gap = re.match(r"[ \u00a0]+", text[pos:pos + 4])
        word = _WORD.match(text, pos + gap.end()) if gap else None
        if word is not None and word.group() in _particles():  # `Eva de Vries`
            gap = re.match(r"[ \u00a0]+", text[word.end():word.end() + 4])
            word = _WORD.match(text, word.end() + gap.end()) if gap else None
        if word is None or not _surname_word(word.group()):
            break
        pos = end = word.end()
        surnames += 1
    if end is None:
        return None
    suffix = re.search(r"['’](\w+)$", text[first.start():end])  # a case ending (`Vries'in`), not `O'Brien`
    return first.start() + suffix.start() if suffix and suffix.group(1).islower() else end


def named_person(text: str, m: Mention, given: frozenset[str]) -> bool:
    """A model's LOC or ORG span that is one person's full name (`Hüseyin Erdem`, `Anouk Verbeek`): it opens
    with a given name and its surname ends it."""
    return (m.source == "model" and m.label in ("LOC", "ORG") and " " in m.text
            and full_name_at(text, m.start, given) == m.end)


def person_after_body(text: str, m: Mention, given: frozenset[str]) -> tuple[int, int] | None:
    """Where a model span runs from a body or town on into a person's full name (`Столична община Деница
    Маринова`, `Διεύθυνσης Άννα Μαυρίδου`, `Vekili Halil Demirtaş`): (where the words before the person end,
    where the person starts); None where no given name opens a full name that ends the span."""
    previous = None
    for word in _WORD.finditer(m.text):
        if previous is None or previous.group() in given:
            previous = word  # `Mehmet Ali Karataş`: a second given name belongs to the same person
            continue
        previous = word
        start = m.start + word.start()
        if full_name_at(text, start, given) == m.end:
            return m.start + len(m.text[:word.start()].rstrip()), start
    return None


def spotted_people(text: str, paras, found: list[Mention], given: frozenset[str]) -> list[Mention]:
    """Full names the model left out (`Kasper Holm`, `Ευαγγελία Σταθοπούλου`), where nothing else was found."""
    out: list[Mention] = []
    for para in paras:
        for word in _WORD.finditer(text, para.start, para.end):
            if word.start() > 0 and (text[word.start() - 1].isalnum() or text[word.start() - 1] in "-'’"):
                continue
            end = full_name_at(text, word.start(), given)
            if end is None or end > para.end:
                continue
            if any(k.start < end and word.start() < k.end for k in found + out):
                continue
            out.append(Mention(word.start(), end, text[word.start():end], "PER", source="rule", score=0.6,
                               attrs={"lang": para.lang}))
    return out
