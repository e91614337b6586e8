"""Given names learnt from the NER corpora's train sets, for the NER stage's person rules.

    python -m extract.training.given_names [--langs tr,bg] [--cache-dir .cache/corpus]

A word is a given name where it opens a person's name of two or more words at least `MIN_OPENINGS` times
and, written with a capital, stands inside a person's name at least `MIN_PERSON_SHARE` of the times the
corpora have it: `Karin`, `Hüseyin`, `Σταύρος` are; `Paris`, `Victoria`, `Jordan`, Swedish `Per` (also a
sentence-opening preposition) are not. Reads the cached train DocBins of every language's recipe (built
where missing), so a language's dev sentences never feed the list. Writes `models/given_names/` with the
list (name, openings, share, languages) and a card naming every corpus and its licence.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .build import parse_langs, train_sets, word_list_args, write_word_list

MIN_OPENINGS = 2
MIN_PERSON_SHARE = 0.75
NAMES_DIR = "given_names"
NAMES_FILE = "given_names.tsv"


def count_names(docs, openings: Counter, in_person: Counter, capitalised: Counter) -> None:
    """Per capitalised word: how often it opens a person's name of two or more words, how often it stands
    inside a person's name, how often it stands anywhere."""
    for doc in docs:
        for token in doc:
            word = token.text
            if not word[:1].isupper() or not word.replace("-", "").isalpha() or len(word) < 2:
                continue
            capitalised[word] += 1
            if token.ent_type_ != "PER":
                continue
            in_person[word] += 1
            if token.ent_iob_ == "B" and token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I":
                openings[word] += 1


def given_names(openings: Counter, in_person: Counter, capitalised: Counter) -> dict[str, tuple[int, float]]:
    return {word: (n, round(in_person[word] / capitalised[word], 3)) for word, n in openings.items()
            if n >= MIN_OPENINGS and in_person[word] / capitalised[word] >= MIN_PERSON_SHARE}


def main(argv: list[str] | None = None) -> None:
    args = word_list_args(__doc__.splitlines()[0], argv)
    openings, in_person, capitalised = Counter(), Counter(), Counter()
    langs_of: dict[str, set[str]] = defaultdict(set)
    sources: dict[str, dict] = {}
    for lang, docs in train_sets(parse_langs(args.langs), args.cache_dir, sources):
        before = Counter(openings)
        count_names(docs, openings, in_person, capitalised)
        for word in openings - before:
            langs_of[word].add(lang)
    names = given_names(openings, in_person, capitalised)
    rows = ["name\topenings\tperson_share\tlangs"] + [
        f"{word}\t{n}\t{share}\t{','.join(sorted(langs_of[word]))}" for word, (n, share) in sorted(names.items())]
    card = [f"# Given names ({len(names)} words)", "",
            f"Words that open a person's name of two or more words at least {MIN_OPENINGS} times in the train sets "
            f"below and stand inside a person's name in at least {MIN_PERSON_SHARE:.0%} of their capitalised "
            "occurrences (`python -m extract.training.given_names`). The NER stage reads them to tell a person's "
            "name from a place or body the model confused it with."]
    path = write_word_list(args.models_dir / NAMES_DIR, NAMES_FILE, rows, card, sources)
    print(f"{len(names)} given names written to {path}")


if __name__ == "__main__":
    main()
