"""Training driver: build the data, run `spacy train`, score on dev, write the model card, install the model.

    python -m extract.training.train [--langs tr,el] [--force] [--no-build]

For each language (default: every recipe in configs/ner/langs, in priority order) it trains from
configs/ner/ner.cfg with the recipe's overrides into .cache/train/<lang>/, scores model-best on the dev
sets, and copies model-best with MODEL_CARD.md and card.json into models/<lang>/ only when its dev F1
beats the committed card's (or with --force). Training uses one CPU thread.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import spacy

from ..config import REPO_DIR, corpora_dir, default_models_dir
from .build import DEFAULT_CACHE, build_language, parse_langs
from .card import dir_size, read_card, write_card
from .convert import training_nlp
from .evaluate import evaluate
from .recipes import SPACY_CONFIG, Recipe, load_recipe

DEFAULT_WORK = REPO_DIR / ".cache" / "train"
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "BLIS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
# A row of spaCy's console training table: epoch, step, tok2vec loss, ner loss, F, P, R, score.
LOG_ROW = re.compile(r"^\s*(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$")
POLL_S = 2.0


def log_rows(log_path: Path) -> list[dict]:
    if not log_path.exists():
        return []
    rows = []
    for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = LOG_ROW.match(line)
        if match:
            rows.append({"epoch": int(match[1]), "step": int(match[2]), "f": float(match[5]), "score": float(match[8])})
    return rows


def run_spacy_train(recipe: Recipe, data_dir: Path, out_dir: Path, overrides: dict, time_budget_s: float) -> dict:
    """Run `spacy train` in a subprocess; past the time budget it is interrupted right after its next
    evaluation, when model-best has just been written, so no checkpoint is cut in half."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    log_path = out_dir / "spacy.log"
    command = [sys.executable, "-m", "spacy", "train", str(SPACY_CONFIG), "--output", str(out_dir),
               "--paths.train", str(data_dir / "train.spacy"), "--paths.dev", str(data_dir / "dev.spacy"),
               "--nlp.lang", recipe.spacy_lang]
    for key, value in overrides.items():
        command += [f"--{key}", str(value)]
    started = time.monotonic()
    stopped_by = "max_steps or patience"
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **ONE_THREAD})
        rows_at_budget = None
        while process.poll() is None:
            time.sleep(POLL_S)
            if not time_budget_s or time.monotonic() - started < time_budget_s:
                continue
            rows = len(log_rows(log_path))
            if rows_at_budget is None:
                rows_at_budget = rows
            elif rows > rows_at_budget:
                process.send_signal(signal.SIGINT)
                stopped_by = f"time budget ({time_budget_s:.0f} s)"
                process.wait()
    seconds = time.monotonic() - started
    rows = log_rows(log_path)
    if not (out_dir / "model-best").exists():
        raise RuntimeError(f"{recipe.lang}: spacy train produced no model-best; see {log_path}")
    if process.returncode not in (0, None) and not stopped_by.startswith("time"):
        raise RuntimeError(f"{recipe.lang}: spacy train failed ({process.returncode}); see {log_path}")
    best = max(rows, key=lambda r: r["score"]) if rows else {"step": 0}
    return {"steps": rows[-1]["step"] if rows else 0, "best_step": best["step"], "seconds": round(seconds, 1),
            "stopped_by": stopped_by, "overrides": overrides, "log": [(r["step"], r["f"]) for r in rows]}


def recipe_overrides(recipe: Recipe, extra: dict | None = None) -> dict:
    """The spaCy config overrides a recipe trains with (plus `extra` on top)."""
    overrides = {**recipe.overrides, **(extra or {})}
    if recipe.tokenizer_suffixes:
        # The DocBins hold the custom tokenization; spaCy must train on it rather than re-tokenize.
        overrides.update({"corpora.train.gold_preproc": "true", "corpora.dev.gold_preproc": "true"})
    return overrides


def slim_model(model_dir: Path) -> None:
    """Keep only what spacy.load needs.

    The vocabulary's string table holds every string seen in training (4-5 MB), but the hash
    embeddings work from hashes and the tokenizer adds the strings it meets; only the entity labels
    must be known in advance. Predictions are unchanged (checked on the el dev set).
    """
    nlp = spacy.load(model_dir)
    labels = sorted(nlp.get_pipe("ner").labels)
    (model_dir / "vocab" / "strings.json").write_text(json.dumps(labels), encoding="utf-8")


def annotated_labels(sources: list[dict]) -> set[str] | None:
    """Labels the given sources annotate (None when unknown, e.g. a mixed multilingual set)."""
    labels = set()
    for source in sources:
        values = source["tag_map"].values()
        if any(isinstance(v, dict) for v in values):
            return None
        labels |= {v for v in values if v}
    return labels


def score_dev_sets(nlp, data_dir: Path, stats: dict) -> tuple[dict, dict]:
    """Scores on the model-selection dev and on each source's own dev."""
    sources = {s["corpus"]: s for s in stats["sources"]}
    dev = evaluate(nlp, data_dir / "dev.spacy", annotated_labels([s for s in stats["sources"] if s.get("select")]))
    by_corpus = {name: evaluate(nlp, data_dir / f"dev-{name}.spacy", annotated_labels([sources[name]]))
                 for name in stats["dev_sets"]}
    return dev, by_corpus


def rescore_installed(lang: str, cache_dir: Path, models_dir: Path) -> None:
    """Re-score an installed model on the cached dev sets and rewrite its card (training facts kept)."""
    target = models_dir / lang
    card = read_card(target)
    stats = json.loads((cache_dir / lang / "stats.json").read_text(encoding="utf-8"))
    if card is None or card.get("tokenizer_suffixes", []) != stats.get("tokenizer_suffixes", []):
        print(f"[{lang}] not rescored: no card, or the cached data was cut by another tokenizer", flush=True)
        return
    slim_model(target)
    nlp = spacy.load(target)
    card["dev"], card["dev_by_corpus"] = score_dev_sets(nlp, cache_dir / lang, stats)
    card["size_bytes"] = dir_size(target) - sum((target / n).stat().st_size for n in ("card.json", "MODEL_CARD.md")
                                                if (target / n).exists())
    write_card(target, card)
    print(f"[{lang}] rescored: dev F {card['dev']['f']}", flush=True)


def beats_installed(dev_f: float, target: Path) -> bool:
    """A new model replaces the installed one only with a strictly better dev F1 (or when none is installed)."""
    previous = read_card(target)
    if previous is None or not (target / "config.cfg").exists():
        return True
    return dev_f > previous["dev"]["f"]


def train_language(lang: str, cache_dir: Path, work_dir: Path, models_dir: Path, *, build: bool = True,
                   force: bool = False, max_steps: int | None = None, time_budget_s: float | None = None,
                   trained_dir: Path | None = None) -> dict:
    """Train one language's model and install it when it beats the installed one on dev.

    With `trained_dir` (a `spacy train` output holding model-best and a training.json of its training
    facts, e.g. from a parallel sweep on another machine) the training step is skipped and that model
    goes through the same scoring, card and install steps.
    """
    recipe = load_recipe(lang)
    data_dir = cache_dir / lang
    if build or not (data_dir / "stats.json").exists():
        stats = build_language(recipe, cache_dir)
    else:
        stats = json.loads((data_dir / "stats.json").read_text(encoding="utf-8"))
    overrides = recipe_overrides(recipe)
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    budget = recipe.time_budget_s if time_budget_s is None else time_budget_s
    best_dir = work_dir / lang / "model-best"
    if trained_dir is not None:
        training = json.loads((trained_dir / "training.json").read_text(encoding="utf-8"))
        if best_dir.parent.exists():
            shutil.rmtree(best_dir.parent)
        shutil.copytree(trained_dir / "model-best", best_dir)
        print(f"[{lang}] finishing the model trained in {trained_dir}", flush=True)
    else:
        print(f"[{lang}] training: {stats['train']['words']} words, overrides {overrides}, budget {budget} s",
              flush=True)
        training = run_spacy_train(recipe, data_dir, work_dir / lang, overrides, budget)
    if recipe.tokenizer_suffixes:
        # Saved with the tokenizer, so spacy.load gives the same tokenization without any extra code.
        patched = spacy.load(best_dir)
        patched.tokenizer.suffix_search = training_nlp(recipe.spacy_lang, recipe.tokenizer_suffixes).tokenizer.suffix_search
        patched.to_disk(best_dir)
    slim_model(best_dir)
    nlp = spacy.load(best_dir)
    dev, dev_by_corpus = score_dev_sets(nlp, data_dir, stats)
    card = {
        "lang": lang, "spacy_lang": recipe.spacy_lang, "labels": sorted(nlp.get_pipe("ner").labels),
        "pipeline": nlp.pipe_names, "spacy_version": spacy.__version__,
        "created": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "corpora": [{**s, "dev": s["dev"]} for s in stats["sources"]],
        "train_stats": stats["train"], "dev": dev, "dev_by_corpus": dev_by_corpus, "training": training,
        "size_bytes": dir_size(best_dir), "tokenizer_suffixes": list(recipe.tokenizer_suffixes),
    }
    write_card(best_dir, card)
    target = models_dir / lang
    better = beats_installed(dev["f"], target)
    print(f"[{lang}] dev P/R/F {dev['p']}/{dev['r']}/{dev['f']} "
          f"({'installing' if better or force else 'keeping the installed model, whose dev F1 is not lower'}); "
          f"{card['size_bytes'] / 1e6:.1f} MB, {dev['words_per_s']} words/s, {training['steps']} steps, "
          f"{training['seconds']:.0f} s", flush=True)
    if better or force:
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(best_dir, target)
    card["installed"] = bool(better or force)
    return card


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", help="comma-separated language codes (default: every recipe, in priority order)")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE, help="converted corpora (DocBins)")
    parser.add_argument("--work-dir", type=Path, default=DEFAULT_WORK, help="spacy train output folders")
    parser.add_argument("--models-dir", type=Path, default=default_models_dir())
    parser.add_argument("--no-build", action="store_true", help="reuse the DocBins already in the cache")
    parser.add_argument("--force", action="store_true", help="install even when dev F1 is not better")
    parser.add_argument("--max-steps", type=int, help="override every recipe's training.max_steps")
    parser.add_argument("--time-budget", type=float, help="override every recipe's time_budget_s (seconds)")
    parser.add_argument("--trained", type=Path,
                        help="skip training: finish this spacy train output (model-best + training.json); one language")
    parser.add_argument("--rescore", action="store_true",
                        help="only re-score the installed models on the cached dev sets and rewrite their cards")
    args = parser.parse_args(argv)
    if args.rescore:
        for lang in parse_langs(args.langs):
            rescore_installed(lang, args.cache_dir, args.models_dir)
        return
    if not corpora_dir().exists():
        parser.error(f"corpora not found at {corpora_dir()} (set CORPORA_DIR)")
    langs = parse_langs(args.langs)
    if args.trained and len(langs) != 1:
        parser.error("--trained finishes one language's model: give exactly one in --langs")
    failures = []
    for lang in langs:
        try:
            train_language(lang, args.cache_dir, args.work_dir, args.models_dir, build=not args.no_build,
                           force=args.force, max_steps=args.max_steps, time_budget_s=args.time_budget,
                           trained_dir=args.trained)
        except Exception as error:  # one language failing must not cost the others their training time
            print(f"[{lang}] FAILED: {error!r}", flush=True)
            failures.append(lang)
    if failures:
        sys.exit(f"training failed for: {', '.join(failures)}")


if __name__ == "__main__":
    main()
