"""Built-in stages; importing this package registers them."""
from importlib import import_module

for _name in ("segment", "langid", "sentences", "ner", "dates", "mention_ids", "entities", "events"):
    try:
        import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as exc:  # a stage module not written yet
        if exc.name != f"{__name__}.{_name}":
            raise
