"""Training of the per-language spaCy NER models: corpus reading, tag mapping, conversion, training, cards."""
