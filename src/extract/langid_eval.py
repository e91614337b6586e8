"""Measures language-identification accuracy on short text (sentences, word pairs) for each backend.

Samples are UD dev sentences from CORPORA_DIR (read in place, never copied), and word pairs cut from them:
`python -m extract.langid_eval [--n 200]` prints accuracy per language and backend, and words/s.
"""
from __future__ import annotations

import argparse
import gzip
import random
import re
import time
from pathlib import Path

from .config import corpora_dir
from .langid import Identifier

LANGS = ("tr", "bg", "el", "sv", "de", "fr", "it", "es", "nl", "pl", "pt", "en", "cs")


# One UD dev treebank per language: real running sentences (`# text =` lines), unlike PAN-X's fragments.
UD_DEV = {
    "tr": "UD_Turkish-BOUN", "bg": "UD_Bulgarian-BTB", "el": "UD_Greek-GDT", "sv": "UD_Swedish-Talbanken",
    "de": "UD_German-GSD", "fr": "UD_French-GSD", "it": "UD_Italian-ISDT", "es": "UD_Spanish-GSD",
    "nl": "UD_Dutch-Alpino", "pl": "UD_Polish-PDB", "pt": "UD_Portuguese-Bosque", "en": "UD_English-EWT",
    "cs": "UD_Czech-CAC",
}


def _ud_sentences(folder: Path):
    for path in sorted(folder.glob("*-ud-dev.conllu.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("# text = "):
                    yield line[len("# text = "):].strip()


def samples(lang: str, n: int, seed: int = 0) -> dict[str, list[str]]:
    sentences = [s for s in _ud_sentences(corpora_dir() / "ud" / UD_DEV[lang]) if len(re.findall(r"\w+", s)) >= 4]
    rng = random.Random(seed)
    rng.shuffle(sentences)
    sents = sentences[:n]
    pairs = []
    for s in sentences[n:]:
        words = [w for w in s.split() if w.isalpha()]
        if len(words) >= 2:
            i = rng.randrange(len(words) - 1)
            pairs.append(" ".join(words[i:i + 2]))
        if len(pairs) >= n:
            break
    return {"sentence": sents, "word pair": pairs}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200, help="samples per language and length class")
    parser.add_argument("--backends", default="langdetect,lingua,combo")
    args = parser.parse_args(argv)
    data = {lang: samples(lang, args.n) for lang in LANGS}
    backends = args.backends.split(",")
    print(f"| lang | kind | " + " | ".join(backends) + " |")
    print("|---|---|" + "---|" * len(backends))
    totals = {(b, k): [0, 0] for b in backends for k in ("sentence", "word pair")}
    speed = {b: [0, 0.0] for b in backends}
    identifiers = {b: Identifier(LANGS, b) for b in backends}
    for b in backends:  # load every model before timing
        for lang in LANGS:
            identifiers[b].identify(data[lang]["sentence"][0])
    for lang in LANGS:
        for kind, texts in data[lang].items():
            cells = []
            for b in backends:
                t0 = time.perf_counter()
                hits = sum(identifiers[b].identify(t)[0] == lang for t in texts)
                speed[b][0] += sum(len(t.split()) for t in texts)
                speed[b][1] += time.perf_counter() - t0
                totals[(b, kind)][0] += hits
                totals[(b, kind)][1] += len(texts)
                cells.append(f"{hits / max(1, len(texts)):.3f}")
            print(f"| {lang} | {kind} | " + " | ".join(cells) + " |")
    for kind in ("sentence", "word pair"):
        print(f"| all | {kind} | " + " | ".join(f"{totals[(b, kind)][0] / totals[(b, kind)][1]:.3f}" for b in backends) + " |")
    print("| all | words/s | " + " | ".join(f"{speed[b][0] / speed[b][1]:.0f}" for b in backends) + " |")


if __name__ == "__main__":
    main()
