"""`make bench`: speed and memory of the whole pipeline on a batch of ≥ 2,000 documents (≥ 1 M words).

The batch is built from the corpora in CORPORA_DIR (SlavicNER news documents in EU languages, and corpus
sentences joined into documents for the other languages) plus the seeds, written under outputs/bench/
(git-ignored, never committed). Each configuration runs as `python -m extract run` in a child process;
peak RSS is sampled over the whole process tree. Prints words/s, docs/s, peak RSS, model-load time and
per-stage time, and writes outputs/bench/bench.json.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

import psutil

from .config import REPO_DIR, RunConfig, corpora_dir
from .training.readers import read_conll, read_slavicner

SLAVIC_EU = ("bg", "pl", "cs", "sl")
# Corpus sentence files joined into documents of SENTENCES_PER_DOC sentences, DOCS_PER_SOURCE each.
SENTENCE_SOURCES = {
    "tr": "ner/tr_turkish-wiki-ner/tr.train.conll.gz", "el": "ner/el_elner18/el.train.conll.gz",
    "sv": "ner/sv_swedish-ner-corpus/sv.train.conll.gz", "de": "ner/panx/de.train.conll.gz",
    "fr": "ner/panx/fr.train.conll.gz", "it": "ner/panx/it.train.conll.gz", "es": "ner/panx/es.train.conll.gz",
    "nl": "ner/panx/nl.train.conll.gz", "pt": "ner/panx/pt.train.conll.gz", "en": "ner/panx/en.train.conll.gz",
}
SENTENCES_PER_DOC = 25
DOCS_PER_SOURCE = 60


def build_batch(folder: Path, scale: float = 1.0) -> tuple[int, int]:
    """Write the benchmark batch; returns (documents, words)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    n_docs = n_words = 0

    def put(name: str, text: str) -> None:
        nonlocal n_docs, n_words
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        n_docs += 1
        n_words += len(text.split())

    base = corpora_dir()
    per_lang: dict[str, int] = {}
    for doc in read_slavicner(base / "ner/slavicner/train.jsonl.gz"):
        if doc.lang in SLAVIC_EU:
            i = per_lang.get(doc.lang, 0)
            if i < 1110 * scale:
                put(f"slavicner_{doc.lang}_{i:04d}", doc.text)
                per_lang[doc.lang] = i + 1
    for lang, rel in SENTENCE_SOURCES.items():
        sentences = (" ".join(s.words) for s in read_conll(base / rel))
        for d in range(max(1, int(DOCS_PER_SOURCE * scale))):
            chunk = [s for _, s in zip(range(SENTENCES_PER_DOC), sentences)]
            if not chunk:
                break
            put(f"sentences_{lang}_{d:03d}", "\n".join(chunk) + "\n")
    for seed in sorted((REPO_DIR / "seeds").glob("*.txt")):
        put(f"seed_{seed.stem}", seed.read_text(encoding="utf-8"))
    return n_docs, n_words


def run_config(batch: Path, out: Path, workers: int) -> dict:
    """One run in a child process; peak RSS of the process tree sampled every 0.2 s."""
    cmd = [sys.executable, "-m", "extract", "run", str(batch), "-o", str(out), "--workers", str(workers),
           "--format", "parquet", "--no-progress", "-q"]
    t0 = time.perf_counter()
    proc = psutil.Popen(cmd)
    peak_total = peak_single = 0
    while proc.poll() is None:
        try:
            procs = [proc] + proc.children(recursive=True)
            rss = [p.memory_info().rss for p in procs if p.is_running()]
            peak_total, peak_single = max(peak_total, sum(rss)), max(peak_single, max(rss))
        except psutil.Error:
            pass
        time.sleep(0.2)
    wall = time.perf_counter() - t0
    summary = json.loads((out / "run.json").read_text(encoding="utf-8"))
    words, docs = summary["counts"]["words"], summary["counts"]["documents"]
    return {
        "workers": workers, "exit_code": proc.returncode, "wall_seconds": round(wall, 1),
        "documents": docs, "words": words, "status": summary["counts"]["status"],
        "words_per_second": round(words / wall), "docs_per_second": round(docs / wall, 1),
        "words_per_second_per_core": round(words / wall / workers),
        "peak_rss_mb_total": round(peak_total / 2**20), "peak_rss_mb_per_process": round(peak_single / 2**20),
        "stage_cpu_seconds": summary["timings"]["stage_cpu_seconds"],
    }


def model_load_seconds(langs: list[str]) -> dict[str, float]:
    """Seconds to load each language's NER model (what each worker pays once per language it meets)."""
    from .stages.ner import SpacyModels

    out = {}
    for lang in langs:
        models = SpacyModels(RunConfig().models_dir)
        t0 = time.perf_counter()
        models.get(lang)
        out[lang] = round(time.perf_counter() - t0, 3)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full batch (quick checks)")
    parser.add_argument("--workers", default="1,2", help="worker counts to run, e.g. 1,2")
    parser.add_argument("--out", type=Path, default=REPO_DIR / "outputs" / "bench")
    args = parser.parse_args(argv)
    batch = args.out / "batch"
    n_docs, n_words = build_batch(batch, args.scale)
    print(f"batch: {n_docs} documents, {n_words} words in {batch}", flush=True)
    results = {"batch": {"documents": n_docs, "words": n_words}, "cpu_count": psutil.cpu_count(),
               "model_load_seconds": model_load_seconds(["tr", "bg", "el", "sv", "pl", "cs", "sl", "de"]), "runs": []}
    print(f"model load (s): {results['model_load_seconds']}", flush=True)
    for workers in [int(w) for w in args.workers.split(",")]:
        r = run_config(batch, args.out / f"run_w{workers}", workers)
        results["runs"].append(r)
        print(f"workers={workers}: {r['wall_seconds']} s, {r['words_per_second']} words/s "
              f"({r['words_per_second_per_core']}/core), {r['docs_per_second']} docs/s, peak RSS "
              f"{r['peak_rss_mb_total']} MB total / {r['peak_rss_mb_per_process']} MB per process, status {r['status']}",
              flush=True)
        total = sum(r["stage_cpu_seconds"].values()) or 1
        print("  per stage (s, share): " + ", ".join(f"{k} {v:.1f} ({v / total:.0%})" for k, v in r["stage_cpu_seconds"].items()), flush=True)
    (args.out / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
