"""Parallel sweep of NER training configs: each run is a language's recipe with extra spaCy overrides
(configs/ner/sweep.toml), trained on one CPU thread, all runs at once, for a fixed time budget.

    python -m extract.training.sweep [--budget 470] [--only T01_base,S03_drop3] [--out .cache/sweep]

Writes OUT/sweep.json (each run's dev F1 curve and best score) and keeps each run's spaCy output in
OUT/<run>/; a run worth installing goes through `python -m extract.training.train --langs X --trained
OUT/<run>` (which scores it, writes its card and installs it only when it beats the installed model).
Meant for a machine with a core per run (the GPU machine's 16 cores); on 2 cores use --only.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..config import REPO_DIR
from .build import DEFAULT_CACHE, build_language
from .recipes import CONFIG_DIR, Recipe, load_recipe
from .train import recipe_overrides, run_spacy_train

SWEEP_TABLE = CONFIG_DIR / "sweep.toml"
UNLIMITED = {"training.max_steps": 100000, "training.patience": 100000}


def variant_recipe(lang: str, panx_limit: int | None) -> Recipe:
    recipe = load_recipe(lang)
    if panx_limit is None:
        return recipe
    sources = tuple(s if s.corpus.name != "panx" else dataclasses.replace(s, train_limit=panx_limit)
                    for s in recipe.sources if s.corpus.name != "panx" or panx_limit)
    return dataclasses.replace(recipe, lang=f"{lang}_panx{panx_limit}", sources=sources)


def run_overrides(recipe: Recipe, extra: dict) -> dict:
    """The recipe's overrides with the run's on top; runs stop by time, not steps."""
    return recipe_overrides(recipe, {**UNLIMITED, **extra})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=470.0, help="seconds per run (all runs in parallel)")
    parser.add_argument("--only", help="comma-separated run names (default: every run in the table)")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--out", type=Path, default=REPO_DIR / ".cache" / "sweep")
    args = parser.parse_args(argv)
    table = tomllib.loads(SWEEP_TABLE.read_text(encoding="utf-8"))
    names = args.only.split(",") if args.only else list(table)
    runs = {}
    for name in names:
        entry = table[name]
        recipe = variant_recipe(entry["lang"], entry.get("panx_limit"))
        if not (args.cache_dir / recipe.lang / "stats.json").exists():
            build_language(recipe, args.cache_dir)
        runs[name] = (recipe, run_overrides(recipe, entry.get("overrides", {})))

    def one(name: str) -> tuple[str, dict]:
        recipe, overrides = runs[name]
        try:
            result = run_spacy_train(recipe, args.cache_dir / recipe.lang, args.out / name, overrides, args.budget)
        except RuntimeError as error:
            result = {"error": str(error), "log": []}
        result["best_f"] = max((f for _, f in result["log"]), default=0.0)
        print(f"{name}: best dev F1 {result['best_f']} at step {result.get('best_step')}", flush=True)
        return name, result

    with ThreadPoolExecutor(len(runs)) as pool:
        results = dict(pool.map(one, runs))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "sweep.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    for name, result in sorted(results.items(), key=lambda item: -item[1]["best_f"]):
        print(f"{name:16} {result['best_f']:6.2f}")


if __name__ == "__main__":
    main()
