"""Stage registry: stages register by name and the pipeline builds them from the configuration."""
from __future__ import annotations

from typing import Callable, Protocol

from .config import RunConfig
from .document import Document


class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> None: ...


_STAGES: dict[str, Callable[[RunConfig], Stage]] = {}


def register_stage(name: str):
    """Class decorator: `@register_stage("dates")` makes the stage buildable by name."""
    def wrap(factory):
        factory.name = name
        _STAGES[name] = factory
        return factory
    return wrap


def build_stage(name: str, config: RunConfig) -> Stage:
    if name not in _STAGES:
        from . import stages  # noqa: F401  (importing registers the built-in stages)
    try:
        factory = _STAGES[name]
    except KeyError:
        raise KeyError(f"unknown stage {name!r}; known: {sorted(_STAGES)}") from None
    return factory(config)


def stage_names() -> list[str]:
    from . import stages  # noqa: F401
    return sorted(_STAGES)
