"""NER scores on the training corpora's dev documents (read in place from CORPORA_DIR, never copied):
sentences are joined into documents, the `segment` and `ner` stages run on them with the language
given, and the mentions are scored like the gold set's."""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Iterator

from ..config import RunConfig
from ..document import Document, Mention
from .ner import score_ner

EVAL_SETS = Path(__file__).with_name("corpora_eval.toml")
SENTENCES_PER_DOC = 50  # joined sentences per document: keeps paragraphs and model batches small


def eval_sets(path: Path = EVAL_SETS) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["set"]


def sentences_to_documents(name: str, sentences, tagmap) -> Iterator[Document]:
    """Join token-tagged sentences (words separated by one space, sentences by a line break) into
    documents with the mapped gold spans as mentions."""
    from ..training.tagmap import iob_spans
    chunk: list = []
    for n, sentence in enumerate(sentences, 1):
        chunk.append(sentence)
        if len(chunk) == SENTENCES_PER_DOC:
            yield _join(f"{name}-{n // SENTENCES_PER_DOC}", chunk, tagmap, iob_spans)
            chunk = []
    if chunk:
        yield _join(f"{name}-last", chunk, tagmap, iob_spans)


def _join(doc_id: str, sentences, tagmap, iob_spans) -> Document:
    parts, mentions, offset = [], [], 0
    for s in sentences:
        starts, pos = [], offset
        for w in s.words:
            starts.append(pos)
            pos += len(w) + 1
        for a, b, kind in iob_spans(s.tags):
            surface = " ".join(s.words[a:b])
            label = tagmap.label(kind, surface)
            if label:
                start = starts[a]
                mentions.append(Mention(start, start + len(surface), surface, label, source="gold"))
        line = " ".join(s.words)
        parts.append(line)
        offset += len(line) + 1
    return Document(doc_id=doc_id, path="", text="\n".join(parts), mentions=mentions)


def load_set(entry: dict, root: Path | None = None, limit: int = 0) -> list[Document]:
    """Gold documents of one dev set; `limit` caps their number (0: all)."""
    from ..training.convert import in_carved_share
    from ..training.readers import read_conll, read_slavicner
    from ..training.recipes import load_corpora, load_recipe
    corpus = load_corpora()[entry["corpus"]]
    lang, split = entry["lang"], entry["split"]
    docs: list[Document] = []
    if corpus.format == "slavicner":
        share = _carve_share(load_recipe, lang, corpus.name)
        for d in read_slavicner(corpus.path(lang, "train", root), lang=lang):
            if split == "carve" and not in_carved_share(d.doc_id, share):
                continue
            mentions = []
            for e in d.entities:
                label = corpus.tagmap.label(e.label, d.text[e.start:e.end])
                if label:
                    mentions.append(Mention(e.start, e.end, d.text[e.start:e.end], label, source="gold"))
            docs.append(Document(doc_id=d.doc_id, path="", text=d.text, mentions=mentions))
    else:
        if split != "dev":
            raise ValueError(f"{corpus.name}: only the corpus's own dev split is scored, not {split!r}")
        docs = list(sentences_to_documents(f"{corpus.name}-{lang}", read_conll(corpus.path(lang, "dev", root)),
                                           corpus.tagmap))
    for d in docs:
        d.lang = lang
        d.mentions = _without_overlaps(d.mentions)
    return docs[:limit] if limit else docs


def _carve_share(load_recipe, lang: str, corpus_name: str) -> float:
    try:
        recipe = load_recipe(lang)
    except FileNotFoundError:
        return 0.1
    return next((s.carve_share for s in recipe.sources if s.corpus.name == corpus_name), 0.1)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    # SlavicNER can nest spans; the project's gold does not, so the longest outer span is kept.
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


def predict(docs: list[Document], config: RunConfig) -> list[Document]:
    """Run `segment` + `ner` on copies of the documents (language fixed to the corpus's)."""
    from ..registry import build_stage
    stages = [build_stage(name, config) for name in ("segment", "ner")]
    out = []
    for gold in docs:
        doc = Document(doc_id=gold.doc_id, path="", text=gold.text, lang=gold.lang, langs=[gold.lang])
        stages[0](doc)
        for unit in (*doc.paragraphs, *doc.sentences):
            unit.lang = gold.lang
        stages[1](doc)
        out.append(doc)
    return out


def score_corpora(config: RunConfig, root: Path | None = None, limit: int = 0) -> dict:
    """{set name: NER scores or the reason it was skipped}."""
    results = {}
    for entry in eval_sets():
        name = f"{entry['corpus']}:{entry['lang']}:{entry['split']}"
        try:
            gold = load_set(entry, root, limit)
            pred = predict(gold, config)
        except (OSError, KeyError, ImportError, ValueError) as exc:
            results[name] = {"skipped": f"{type(exc).__name__}: {exc}"}
            continue
        scores = score_ner(list(zip(gold, pred)))
        scores.pop("errors")
        results[name] = {"n_docs": len(gold), "n_gold_mentions": sum(len(d.mentions) for d in gold), **scores}
    return results
