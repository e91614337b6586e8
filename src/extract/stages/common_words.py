"""The common words learnt from the corpora (`models/common_words/`), as the NER stage reads them: a word a
language writes in lower case, whose capital at a sentence, line or field opening says nothing of a name."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..textfold import fold_accents

WORDS_FILE = Path("common_words") / "common_words.tsv"


@lru_cache(maxsize=None)
def load_common_words(models_dir: Path) -> dict[str, frozenset[str]]:
    """The words of each language; empty where the file is missing (the rule then drops nothing)."""
    path = Path(models_dir) / WORDS_FILE
    if not path.is_file():
        return {}
    by_lang: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        word, lang = line.split("\t", 2)[:2]
        by_lang.setdefault(lang, set()).add(word)
    return {lang: frozenset(words) for lang, words in by_lang.items()}


def is_common_word(word: str, lang: str | None, common: dict[str, frozenset[str]]) -> bool:
    """The language's corpora write the word in lower case and rarely inside a name."""
    return fold_accents(word).lower() in common.get(lang or "", frozenset())
