"""Run configuration shared by every stage (what the CLI and tests set)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent.parent
LANG_DIR = PACKAGE_DIR / "lang"

# Languages the project has models or resources for; language detection is restricted to these.
# The EU's languages that langdetect knows (all but Irish and Maltese) and Turkish. Languages without a
# model of their own in models/ use the multilingual model (models/xx).
DEFAULT_LANGS = ("tr", "bg", "el", "sv", "de", "fr", "it", "es", "nl", "pl", "pt", "en", "cs",
                 "da", "et", "fi", "hr", "hu", "lt", "lv", "ro", "sk", "sl")

DEFAULT_STAGES = ("segment", "langid", "sentences", "ner", "dates", "mention_ids", "entities", "events")


def default_models_dir() -> Path:
    return Path(os.environ.get("EXTRACT_MODELS_DIR", REPO_DIR / "models"))


def corpora_dir() -> Path:
    return Path(os.environ.get("CORPORA_DIR", REPO_DIR.parent / "shared" / "corpora"))


@dataclass
class RunConfig:
    langs: tuple[str, ...] = DEFAULT_LANGS
    stages: tuple[str, ...] = DEFAULT_STAGES
    doc_date: str | None = None  # YYYY-MM-DD given on the command line
    models_dir: Path = field(default_factory=default_models_dir)
    langid_backend: str = "langdetect"  # langdetect | lingua | combo (figures and the choice: README)
    ner_backend: str = "spacy"  # spacy | stanza
    stanza_dir: Path | None = None
    max_bytes: int = 20_000_000  # larger inputs are skipped with a clear error
    workers: int = 1
    formats: tuple[str, ...] = ("csv", "parquet")

    def to_json(self) -> dict:
        return {
            "langs": list(self.langs),
            "stages": list(self.stages),
            "doc_date": self.doc_date,
            "models_dir": str(self.models_dir),
            "langid_backend": self.langid_backend,
            "ner_backend": self.ner_backend,
            "max_bytes": self.max_bytes,
            "workers": self.workers,
            "formats": list(self.formats),
        }
