"""Place linking accuracy: the share of gold LOC mentions with a GeoNames id whose overlapping predicted
mention links to an entity with the same GeoNames id (a missed mention counts as wrong); and the same
share among the gold places the pipeline found, which measures the linking step alone."""
from __future__ import annotations

from ..document import Document, Mention
from .ner import match_mentions


def predicted_geonames(doc: Document, m: Mention) -> int | None:
    entity = doc.entities.get(m.entity_id) if m.entity_id else None
    gid = entity.geonames_id if entity else None
    if gid is None:
        gid = m.attrs.get("geonames_id")  # a stage may leave a candidate on the mention only
    return int(gid) if gid is not None else None


def score_linking(pairs: list[tuple[Document, Document]]) -> dict:
    n = correct = found = found_correct = 0
    errors = []
    for gold, pred in pairs:
        g = [m for m in gold.mentions if m.label == "LOC" and m.entity_id in gold.entities
             and gold.entities[m.entity_id].geonames_id]
        matched = dict((id(gm), pm) for gm, pm in match_mentions(g, pred.mentions, "overlap", same_label=False))
        for gm in g:
            n += 1
            want = gold.entities[gm.entity_id].geonames_id
            got = predicted_geonames(pred, matched[id(gm)]) if id(gm) in matched else None
            if id(gm) in matched:
                found += 1
                found_correct += got == want
            if got == want:
                correct += 1
            else:
                errors.append({"doc": gold.doc_id, "text": gm.text, "gold": want, "pred": got})
    return {"accuracy": round(correct / n, 4) if n else None, "n": n, "correct": correct,
            # Linking alone, NER recall aside: of the gold places the pipeline found, the share linked right.
            "accuracy_found": round(found_correct / found, 4) if found else None, "found": found,
            "errors": errors}
