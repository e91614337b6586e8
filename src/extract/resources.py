"""Loads the per-language resource files (`lang/<code>/<name>.toml`), cached, with a shared fallback."""
from __future__ import annotations

import tomllib
from functools import lru_cache

from .config import LANG_DIR


@lru_cache(maxsize=None)
def lang_resource(lang: str | None, name: str) -> dict:
    """The TOML `name` of language `lang`, or {} where the language has no such file."""
    if not lang:
        return {}
    path = LANG_DIR / lang / f"{name}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


def read_toml(path) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)
