"""Build the spaCy training data per language: read the recipe's corpora, map tags, split, write DocBins.

    python -m extract.training.build [--langs tr,el] [--cache-dir .cache/corpus]

Writes <cache>/<lang>/train.spacy, dev.spacy (the model-selection dev), dev-<corpus>.spacy (each
source's own dev, for the model card) and stats.json. Nothing under the cache is committed.
"""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.tokens import Doc, DocBin

from ..config import REPO_DIR, corpora_dir, default_models_dir
from .convert import chardoc_to_doc, in_carved_share, retokenized_sentence_doc, sentence_to_doc, training_nlp
from .readers import read_conll, read_slavicner
from .recipes import Recipe, Source, available_langs, load_recipe

DEFAULT_CACHE = REPO_DIR / ".cache" / "corpus"
# Consecutive sentences of a sentence-level corpus are carved together, so that a dev sentence's
# neighbours from the same article do not sit in train.
CARVE_BLOCK = 50


def source_docs(nlp, source: Source, suffixes: tuple[str, ...] = ()) -> tuple[list[Doc], list[Doc], int]:
    """Train and dev Docs of one source, and the count of entities that did not align with tokens.

    With extra tokenizer `suffixes` sentences are cut by `nlp`'s tokenizer here (and trained with
    gold_preproc), because spaCy's own re-tokenization during training would use the stock tokenizer.
    """
    corpus, tagmap = source.corpus, source.corpus.tagmap
    if corpus.format == "conll" and suffixes:
        def to_doc(sentence):
            return retokenized_sentence_doc(nlp, sentence, tagmap, suffixes)
    else:
        def to_doc(sentence):
            return sentence_to_doc(nlp.vocab, sentence, tagmap)
    if corpus.format == "conll":
        train_items = list(read_conll(corpus.path(source.lang, "train")))
        if source.dev == "dev":
            train = [to_doc(s) for s in train_items]
            dev = [to_doc(s) for s in read_conll(corpus.path(source.lang, "dev"))]
        else:
            train, dev = [], []
            for i, sentence in enumerate(train_items):
                key = f"{corpus.name}:{source.lang}:{i // CARVE_BLOCK}"
                carved = source.dev == "carve" and in_carved_share(key, source.carve_share)
                (dev if carved else train).append(to_doc(sentence))
        return train, dev, 0
    if corpus.format == "slavicner":
        train, dev, misaligned = [], [], 0
        for document in read_slavicner(corpus.path(source.lang, "train"), lang=source.lang):
            doc, n_missing = chardoc_to_doc(nlp, document, tagmap)
            misaligned += n_missing
            carved = source.dev == "carve" and in_carved_share(document.doc_id, source.carve_share)
            (dev if carved else train).append(doc)
        return train, dev, misaligned
    raise ValueError(f"unknown corpus format {corpus.format!r}")


def doc_stats(docs: Iterable[Doc]) -> dict:
    docs = list(docs)
    labels = Counter(ent.label_ for doc in docs for ent in doc.ents)
    return {"items": len(docs), "words": sum(len(d) for d in docs), "entities": dict(sorted(labels.items()))}


def write_docbin(docs: list[Doc], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)


def build_language(recipe: Recipe, cache_dir: Path = DEFAULT_CACHE) -> dict:
    """Build one language's DocBins; returns (and stores) the statistics the model card reports."""
    if recipe.is_mix:
        return build_mix(recipe, cache_dir)
    nlp = training_nlp(recipe.spacy_lang, recipe.tokenizer_suffixes)
    out = cache_dir / recipe.lang
    per_source = []
    loaded = [(source, *source_docs(nlp, source, recipe.tokenizer_suffixes)) for source in recipe.sources]
    # Train items that repeat a dev item (PAN-X repeats many short sentences) or an earlier train item
    # are dropped, so that dev scores are not inflated by memorised sentences.
    dev_texts = {doc.text for _, _, dev, _ in loaded for doc in dev}
    seen: set[str] = set()
    train_all: list[Doc] = []
    select_dev: list[Doc] = []
    for source, train, dev, misaligned in loaded:
        kept = []
        for doc in train:
            if doc.text in dev_texts or doc.text in seen:
                continue
            seen.add(doc.text)
            kept.append(doc)
        duplicates = len(train) - len(kept)
        if source.train_limit and len(kept) > source.train_limit:
            random.Random(f"{recipe.lang}:{source.corpus.name}").shuffle(kept)
            kept = kept[: source.train_limit]
        train_all.extend(kept)
        if dev:
            write_docbin(dev, out / f"dev-{source.corpus.name}.spacy")
            if source.select:
                select_dev.extend(dev)
        per_source.append({
            "corpus": source.corpus.name, "title": source.corpus.title, "licence": source.corpus.licence,
            "quality": source.corpus.quality, "corpus_lang": source.lang, "dev": source.dev,
            "select": source.select, "train_limit": source.train_limit,
            "dropped_duplicates": duplicates, "misaligned_entities": misaligned,
            "tag_map": {tag: (label or None) for tag, label in source.corpus.tagmap.tags.items()},
            "capitalized_only": sorted(source.corpus.tagmap.capitalized),
            "train": doc_stats(kept), "dev_stats": doc_stats(dev),
        })
    if not select_dev:
        raise ValueError(f"{recipe.lang}: no source gives a model-selection dev set")
    write_docbin(train_all, out / "train.spacy")
    write_docbin(select_dev, out / "dev.spacy")
    stats = {"lang": recipe.lang, "spacy_lang": recipe.spacy_lang, "sources": per_source,
             "tokenizer_suffixes": list(recipe.tokenizer_suffixes),
             "train": doc_stats(train_all), "dev": doc_stats(select_dev),
             "dev_sets": [s["corpus"] for s in per_source if s["dev_stats"]["items"]]}
    (out / "stats.json").write_text(json.dumps(stats, ensure_ascii=False, indent=1), encoding="utf-8")
    return stats


def _sample_words(docs: list[Doc], words: int, seed: str) -> list[Doc]:
    docs = list(docs)
    random.Random(seed).shuffle(docs)
    picked, total = [], 0
    for doc in docs:
        if total >= words:
            break
        picked.append(doc)
        total += len(doc)
    return picked


def build_mix(recipe: Recipe, cache_dir: Path = DEFAULT_CACHE) -> dict:
    """A multilingual set: an equal number of words sampled from each listed language's built data."""
    nlp = spacy.blank(recipe.spacy_lang)
    train_all, dev_all, per_source = [], [], []
    for lang in recipe.mix_langs:
        folder = cache_dir / lang
        if not (folder / "stats.json").exists():
            build_language(load_recipe(lang), cache_dir)
        lang_stats = json.loads((folder / "stats.json").read_text(encoding="utf-8"))
        # Words are re-read into the mix pipeline's vocab; entity annotation travels with the DocBin.
        train = list(DocBin().from_disk(folder / "train.spacy").get_docs(nlp.vocab))
        dev = list(DocBin().from_disk(folder / "dev.spacy").get_docs(nlp.vocab))
        train = _sample_words(train, recipe.mix_train_words, f"mix:{lang}:train")
        dev = _sample_words(dev, recipe.mix_dev_words, f"mix:{lang}:dev")
        train_all.extend(train)
        dev_all.extend(dev)
        per_source.append({"corpus": f"{lang} (mix of {', '.join(s['corpus'] for s in lang_stats['sources'])})",
                           "title": f"sample of the {lang} training data",
                           "licence": "; ".join(f"{s['corpus']}: {s['licence']}" for s in lang_stats["sources"]),
                           "quality": "as the sources", "corpus_lang": lang, "dev": "sample", "select": True,
                           "tag_map": {s["corpus"]: s["tag_map"] for s in lang_stats["sources"]},
                           "train": doc_stats(train), "dev_stats": doc_stats(dev)})
    out = cache_dir / recipe.lang
    write_docbin(train_all, out / "train.spacy")
    write_docbin(dev_all, out / "dev.spacy")
    stats = {"lang": recipe.lang, "spacy_lang": recipe.spacy_lang, "sources": per_source,
             "train": doc_stats(train_all), "dev": doc_stats(dev_all), "dev_sets": []}
    (out / "stats.json").write_text(json.dumps(stats, ensure_ascii=False, indent=1), encoding="utf-8")
    return stats


def train_sets(langs: list[str], cache_dir: Path, sources: dict[str, dict]) -> Iterator[tuple[str, list[Doc]]]:
    """Each language's cached train Docs (built where missing), for the word lists learnt from the corpora;
    `sources` gathers every corpus read, with its licence and languages, for the list's card. The
    multilingual mix is skipped: it samples the other languages' sentences, which would count them twice.
    Dev sentences never feed a list."""
    for lang in langs:
        recipe = load_recipe(lang)
        if recipe.is_mix:
            continue
        stats_path = cache_dir / lang / "stats.json"
        stats = json.loads(stats_path.read_text(encoding="utf-8")) if stats_path.exists() else build_language(recipe, cache_dir)
        docs = list(DocBin().from_disk(cache_dir / lang / "train.spacy").get_docs(spacy.blank(recipe.spacy_lang).vocab))
        for s in stats["sources"]:
            sources.setdefault(f"{s['title']} ({s['corpus']})", {"licence": s["licence"], "langs": set()})["langs"].add(lang)
        print(f"[{lang}] {len(docs)} train items read", flush=True)
        yield lang, docs


def word_list_args(description: str, argv: list[str] | None) -> argparse.Namespace:
    """The command line of a word list learnt from the train sets (given names, common words)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--langs", help="comma-separated language codes (default: every recipe)")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE, help="converted corpora (DocBins)")
    parser.add_argument("--models-dir", type=Path, default=default_models_dir())
    return parser.parse_args(argv)


def write_word_list(folder: Path, filename: str, rows: list[str], card: list[str], sources: dict[str, dict]) -> Path:
    """Writes a word list (a header row, then one row per word) and its card, which ends with the table of
    the corpora it was learnt from and their licences."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / filename).write_text("\n".join(rows) + "\n", encoding="utf-8")
    table = ["| corpus | licence | languages |", "|---|---|---|"] + [
        f"| {name} | {v['licence']} | {', '.join(sorted(v['langs']))} |" for name, v in sorted(sources.items())]
    (folder / "MODEL_CARD.md").write_text("\n".join([*card, "", *table]) + "\n", encoding="utf-8")
    return folder / filename


def parse_langs(value: str | None) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()] if value else available_langs()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", help="comma-separated language codes (default: every recipe in configs/ner/langs)")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    if not corpora_dir().exists():
        parser.error(f"corpora not found at {corpora_dir()} (set CORPORA_DIR)")
    for lang in parse_langs(args.langs):
        stats = build_language(load_recipe(lang), args.cache_dir)
        print(f"{lang}: train {stats['train']['items']} items / {stats['train']['words']} words "
              f"{stats['train']['entities']}; dev {stats['dev']['items']} / {stats['dev']['words']} words", flush=True)


if __name__ == "__main__":
    main()
