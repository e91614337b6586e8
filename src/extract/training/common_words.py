"""Common words learnt from the NER corpora's train sets, for the NER stage's opening-word rule.

    python -m extract.training.common_words [--langs tr,bg] [--cache-dir .cache/corpus]

A word is common in a language where its train sets write it in lower case at least `MIN_LOWER` times and,
written with a capital, it stands inside a name in less than `MAX_NAME_SHARE` of the times: `Rapor`,
`Närvarande`, `Μίλησαν`, `Регистрация` opening a line are such words, `Lund` or `Kaplan` are not. Words are
compared without accents and case (`fold_accents(word).lower()`). Writes `models/common_words/` with the
list (word, language, lower-case count, capitalised count, count inside a name) and a card naming every
corpus and its licence.
"""
from __future__ import annotations

from collections import Counter

from ..textfold import fold_accents
from .build import parse_langs, train_sets, word_list_args, write_word_list

MIN_LOWER = 2
MAX_NAME_SHARE = 0.5
WORDS_DIR = "common_words"
WORDS_FILE = "common_words.tsv"


def word_key(word: str) -> str:
    """A word as the list compares it: no accents, lower case (`Üyeler` -> `uyeler`, `İl` -> `il`)."""
    return fold_accents(word).lower()


def count_words(docs, lower: Counter, capitalised: Counter, in_name: Counter) -> None:
    """Per word of letters: how often it is written in lower case, how often with a capital (not all
    capitals), and how often so inside a name."""
    for doc in docs:
        for token in doc:
            word = token.text
            if not word.isalpha():
                continue
            if word.islower():
                lower[word_key(word)] += 1
            elif word[:1].isupper() and not word.isupper():
                capitalised[word_key(word)] += 1
                if token.ent_type_:
                    in_name[word_key(word)] += 1


def common_words(lower: Counter, capitalised: Counter, in_name: Counter) -> list[str]:
    return sorted(word for word, n in lower.items()
                  if n >= MIN_LOWER and in_name[word] < MAX_NAME_SHARE * max(capitalised[word], 1))


def main(argv: list[str] | None = None) -> None:
    args = word_list_args(__doc__.splitlines()[0], argv)
    rows, sources = ["word\tlang\tlower\tcapitalised\tin_name"], {}
    for lang, docs in train_sets(parse_langs(args.langs), args.cache_dir, sources):
        lower, capitalised, in_name = Counter(), Counter(), Counter()
        count_words(docs, lower, capitalised, in_name)
        rows += [f"{w}\t{lang}\t{lower[w]}\t{capitalised[w]}\t{in_name[w]}" for w in common_words(lower, capitalised, in_name)]
    card = [f"# Common words ({len(rows) - 1} words and languages)", "",
            f"Words the train sets below write in lower case at least {MIN_LOWER} times and that, written with a "
            f"capital, stand inside a name less than {MAX_NAME_SHARE:.0%} of the times "
            "(`python -m extract.training.common_words`). The NER stage reads them to tell a common word that opens "
            "a sentence, line or field from a name."]
    path = write_word_list(args.models_dir / WORDS_DIR, WORDS_FILE, rows, card, sources)
    print(f"{len(rows) - 1} common words written to {path}")


if __name__ == "__main__":
    main()
