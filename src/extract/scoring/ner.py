"""Entity scores: strict (same span and type) and overlap (spans overlap, same type) P/R/F1,
overall, per label and per language (the gold document's language)."""
from __future__ import annotations

from ..document import LABELS, Document, Mention
from .prf import PRF, max_matching, overlaps


def match_mentions(gold: list[Mention], pred: list[Mention], mode: str, same_label: bool = True):
    """One-to-one (gold, pred) pairs; mode "strict" needs equal spans, "overlap" any shared character."""
    def compatible(g: Mention, p: Mention) -> bool:
        if same_label and g.label != p.label:
            return False
        if mode == "strict":
            return (g.start, g.end) == (p.start, p.end)
        return overlaps(g.start, g.end, p.start, p.end)
    return [(gold[i], pred[j]) for i, j in max_matching(gold, pred, compatible)]


def entity_mentions(doc: Document) -> list[Mention]:
    return [m for m in doc.mentions if m.label in LABELS]


def score_ner(pairs: list[tuple[Document, Document]]) -> dict:
    """{"strict"|"overlap": {"overall", "by_label", "by_lang"}} plus the strict misses per document."""
    result: dict = {}
    errors: list[dict] = []
    for mode in ("strict", "overlap"):
        overall, by_label, by_lang = PRF(), {l: PRF() for l in LABELS}, {}
        for gold, pred in pairs:
            g_all, p_all = entity_mentions(gold), entity_mentions(pred)
            lang = gold.lang or "?"
            for label in LABELS:
                g = [m for m in g_all if m.label == label]
                p = [m for m in p_all if m.label == label]
                matched = match_mentions(g, p, mode)
                counts = dict(tp=len(matched), fp=len(p) - len(matched), fn=len(g) - len(matched))
                overall.add(**counts)
                by_label[label].add(**counts)
                by_lang.setdefault(lang, PRF()).add(**counts)
                if mode == "strict":
                    hit_g = {id(a) for a, _ in matched}
                    hit_p = {id(b) for _, b in matched}
                    errors += [{"doc": gold.doc_id, "kind": "missed", "label": label, "text": m.text, "start": m.start}
                               for m in g if id(m) not in hit_g]
                    errors += [{"doc": gold.doc_id, "kind": "spurious", "label": label, "text": m.text, "start": m.start}
                               for m in p if id(m) not in hit_p]
        result[mode] = {"overall": overall.to_dict(),
                        "by_label": {k: v.to_dict() for k, v in by_label.items()},
                        "by_lang": {k: v.to_dict() for k, v in sorted(by_lang.items())}}
    result["errors"] = errors
    return result
