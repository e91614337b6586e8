"""Per-language training recipes (configs/ner/langs/<lang>.toml) and the corpus table (configs/ner/corpora.toml)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..config import REPO_DIR, corpora_dir
from .tagmap import TagMap

CONFIG_DIR = REPO_DIR / "configs" / "ner"
RECIPE_DIR = CONFIG_DIR / "langs"
CORPORA_TABLE = CONFIG_DIR / "corpora.toml"
SPACY_CONFIG = CONFIG_DIR / "ner.cfg"


@dataclass(frozen=True)
class Corpus:
    name: str
    title: str
    folder: str
    format: str  # conll | slavicner
    file: str  # file name pattern with {lang} and {split}
    licence: str
    quality: str
    tagmap: TagMap

    def path(self, lang: str, split: str, root: Path | None = None) -> Path:
        return (root or corpora_dir()) / self.folder / self.file.format(lang=lang, split=split)


@dataclass(frozen=True)
class Source:
    """One corpus feeding a language's model.

    `dev` is "dev" (the corpus's dev split), "carve" (a deterministic share of train) or "none";
    `select` marks devs that form the model-selection dev set; `train_limit` caps training items
    (sentences or documents) so that large silver corpora do not swamp the gold ones.
    """
    corpus: Corpus
    lang: str  # the corpus's language code (PAN-X file name, SlavicNER "lang" field)
    dev: str = "dev"
    select: bool = True
    train_limit: int = 0
    carve_share: float = 0.1


@dataclass(frozen=True)
class Recipe:
    lang: str  # the project's language code (models/<lang>/)
    spacy_lang: str
    sources: tuple[Source, ...] = ()
    mix_langs: tuple[str, ...] = ()  # a multilingual model samples these languages' built data
    mix_train_words: int = 0
    mix_dev_words: int = 0
    overrides: dict = field(default_factory=dict)  # spaCy config overrides (dotted paths)
    time_budget_s: int = 0  # training stops at the first evaluation after this many seconds (0: none)
    # Extra tokenizer suffix patterns (regex), e.g. a Turkish case suffix after an apostrophe: the
    # suffix becomes its own token, so the name keeps one form and entity spans stop before the suffix.
    tokenizer_suffixes: tuple[str, ...] = ()

    @property
    def is_mix(self) -> bool:
        return bool(self.mix_langs)


def load_corpora(table: Path = CORPORA_TABLE) -> dict[str, Corpus]:
    data = tomllib.loads(table.read_text(encoding="utf-8"))
    corpora = {}
    for name, entry in data.items():
        tagmap = TagMap(name, dict(entry["tags"]), frozenset(entry.get("capitalized", ())))
        corpora[name] = Corpus(name, entry["title"], entry["folder"], entry["format"], entry["file"],
                               entry["licence"], entry["quality"], tagmap)
    return corpora


def available_langs(recipe_dir: Path = RECIPE_DIR) -> list[str]:
    """Languages with a recipe, in the training priority order each recipe states."""
    recipes = [load_recipe(p.stem, recipe_dir) for p in recipe_dir.glob("*.toml")]
    orders = {p.stem: tomllib.loads(p.read_text(encoding="utf-8")).get("priority", 99)
              for p in recipe_dir.glob("*.toml")}
    return [r.lang for r in sorted(recipes, key=lambda r: (orders[r.lang], r.lang))]


def load_recipe(lang: str, recipe_dir: Path = RECIPE_DIR) -> Recipe:
    path = recipe_dir / f"{lang}.toml"
    if not path.exists():
        raise FileNotFoundError(f"no training recipe for {lang!r}: {path}")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    corpora = load_corpora()
    sources = tuple(
        Source(corpora[s["corpus"]], s.get("lang", lang), s.get("dev", "dev"), s.get("select", True),
               s.get("train_limit", 0), s.get("carve_share", 0.1))
        for s in data.get("source", ())
    )
    mix = data.get("mix", {})
    return Recipe(lang, data.get("spacy_lang", lang), sources, tuple(mix.get("langs", ())),
                  mix.get("train_words_per_lang", 0), mix.get("dev_words_per_lang", 0),
                  dict(data.get("overrides", {})), data.get("time_budget_s", 0),
                  tuple(data.get("tokenizer_suffixes", ())))
