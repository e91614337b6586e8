"""Scoring of a trained pipeline on a DocBin dev set: strict entity P/R/F1 per label and inference speed."""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import DocBin
from spacy.training import Example


def evaluate(nlp: Language, docbin: Path, labels: set[str] | None = None) -> dict:
    """Run `nlp` on the raw texts of a DocBin and score its entities against the annotation.

    `labels` are the labels the dev corpus annotates: predictions of other labels are left out, so a
    DATE found in PAN-X text (which has no DATE annotation) is not counted as an error.
    """
    references = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    texts = [doc.text for doc in references]
    started = time.perf_counter()
    predicted = list(nlp.pipe(texts))
    seconds = time.perf_counter() - started
    if labels is not None:
        for doc in predicted:
            doc.ents = [ent for ent in doc.ents if ent.label_ in labels]
    words = sum(len(doc) for doc in predicted)
    scores = get_ner_prf([Example(pred, ref) for pred, ref in zip(predicted, references)])
    support = Counter(ent.label_ for doc in references for ent in doc.ents)
    per_label = {
        label: {"p": round(v["p"] * 100, 2), "r": round(v["r"] * 100, 2), "f": round(v["f"] * 100, 2),
                "support": support.get(label, 0)}
        for label, v in sorted((scores.get("ents_per_type") or {}).items())
    }
    return {
        "p": round((scores["ents_p"] or 0) * 100, 2),
        "r": round((scores["ents_r"] or 0) * 100, 2),
        "f": round((scores["ents_f"] or 0) * 100, 2),
        "per_label": per_label,
        "docs": len(references),
        "words": words,
        "words_per_s": round(words / seconds) if seconds else None,
    }
