"""Built-in stages; importing this package registers them."""
from . import dates, entities, events, langid, mention_ids, ner, segment, sentences  # noqa: F401
