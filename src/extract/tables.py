"""The output tables: typed pyarrow schemas and the conversion of processed Documents into them."""
from __future__ import annotations

import pyarrow as pa

from .document import Document, Entity

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", pa.string()), ("path", pa.string()), ("sha256", pa.string()), ("lang", pa.string()),
        ("lang_score", pa.float64()), ("lang_source", pa.string()), ("langs", pa.string()), ("n_chars", pa.int64()),
        ("n_paragraphs", pa.int64()), ("status", pa.string()), ("error", pa.string()),
        ("source_format", pa.string()), ("encoding", pa.string()), ("doc_date", pa.string()),
        ("doc_date_source", pa.string()), ("n_mentions", pa.int64()), ("n_events", pa.int64()),
    ]),
    "mentions": pa.schema([
        ("doc_id", pa.string()), ("mention_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("text", pa.string()), ("label", pa.string()), ("value", pa.string()), ("entity_id", pa.string()),
        ("source", pa.string()), ("score", pa.float64()), ("lang", pa.string()),
    ]),
    "entities": pa.schema([
        ("entity_id", pa.string()), ("label", pa.string()), ("name", pa.string()), ("aliases", pa.string()),
        ("langs", pa.string()), ("country", pa.string()), ("geonames_id", pa.int64()), ("lat", pa.float64()),
        ("lon", pa.float64()), ("n_docs", pa.int64()), ("n_mentions", pa.int64()), ("city_id", pa.string()),
    ]),
    "events": pa.schema([
        ("doc_id", pa.string()), ("event_id", pa.string()), ("type", pa.string()),
        ("trigger_start", pa.int64()), ("trigger_end", pa.int64()), ("trigger", pa.string()),
        ("name", pa.string()), ("date", pa.string()), ("place", pa.string()),
        ("sentence_start", pa.int64()), ("sentence_end", pa.int64()), ("score", pa.float64()),
    ]),
    "event_args": pa.schema([
        ("doc_id", pa.string()), ("event_id", pa.string()), ("role", pa.string()), ("start", pa.int64()),
        ("end", pa.int64()), ("text", pa.string()), ("value", pa.string()), ("mention_id", pa.string()),
        ("entity_id", pa.string()),
    ]),
}

LIST_SEP = "|"  # multi-valued cells (langs, aliases) are joined with this in both CSV and Parquet


def document_row(doc: Document) -> dict:
    return {
        "doc_id": doc.doc_id, "path": doc.path, "sha256": doc.sha256 or None, "lang": doc.lang,
        "lang_score": round(doc.lang_score, 4) if doc.lang else None, "lang_source": doc.lang_source,
        "langs": LIST_SEP.join(doc.langs) or None,
        "n_chars": len(doc.text), "n_paragraphs": len(doc.paragraphs), "status": doc.status, "error": doc.error,
        "source_format": doc.source_format, "encoding": doc.encoding, "doc_date": doc.doc_date,
        "doc_date_source": doc.doc_date_source, "n_mentions": len(doc.mentions), "n_events": len(doc.events),
    }


def mention_rows(doc: Document):
    for m in doc.mentions:
        yield {
            "doc_id": doc.doc_id, "mention_id": m.mention_id, "start": m.start, "end": m.end, "text": m.text,
            "label": m.label, "value": m.value, "entity_id": m.entity_id, "source": m.source,
            "score": round(float(m.score), 4), "lang": m.attrs.get("lang") or doc.lang_at(m.start),
        }


def event_rows(doc: Document):
    for e in doc.events:
        name, date, place = e.first("Name"), e.first("Date"), e.first("Place")
        yield {
            "doc_id": doc.doc_id, "event_id": e.event_id, "type": e.type, "trigger_start": e.trigger_start,
            "trigger_end": e.trigger_end, "trigger": e.trigger, "name": name.text if name else None,
            "date": date.value if date else None, "place": (place.value or place.text) if place else None,
            "sentence_start": e.sentence_start, "sentence_end": e.sentence_end, "score": round(float(e.score), 4),
        }


def event_arg_rows(doc: Document):
    for e in doc.events:
        for a in e.args:
            yield {
                "doc_id": doc.doc_id, "event_id": e.event_id, "role": a.role, "start": a.start, "end": a.end,
                "text": a.text, "value": a.value, "mention_id": a.mention_id, "entity_id": a.entity_id,
            }


def merge_entity(merged: dict[str, Entity], ent: Entity, doc_id: str) -> None:
    """Add one document's entity to the batch's: aliases, languages and counts added up."""
    into = merged.get(ent.entity_id)
    if into is None:
        merged[ent.entity_id] = into = Entity(ent.entity_id, ent.label, ent.name, country=ent.country,
                                              geonames_id=ent.geonames_id, lat=ent.lat, lon=ent.lon,
                                              city_id=ent.city_id)
    into.aliases |= ent.aliases
    into.langs |= ent.langs
    into.doc_ids |= ent.doc_ids or {doc_id}
    into.n_mentions += ent.n_mentions


def entity_row(ent: Entity) -> dict:
    return {
        "entity_id": ent.entity_id, "label": ent.label, "name": ent.name,
        "aliases": LIST_SEP.join(sorted(ent.aliases)) or None, "langs": LIST_SEP.join(sorted(ent.langs)) or None,
        "country": ent.country, "geonames_id": ent.geonames_id, "lat": ent.lat, "lon": ent.lon,
        "n_docs": len(ent.doc_ids), "n_mentions": ent.n_mentions, "city_id": ent.city_id,
    }


class TableRows:
    """The rows of a batch, collected one document at a time so that no Document outlives its turn;
    `tables()` sorts them by document so the same batch always gives the same bytes."""

    def __init__(self) -> None:
        self.by_doc: dict[str, dict[str, list[dict]]] = {}
        self.entities: dict[str, Entity] = {}

    def add(self, doc: Document) -> None:
        self.by_doc[doc.doc_id] = {
            "documents": [document_row(doc)],
            "mentions": list(mention_rows(doc)),
            "events": list(event_rows(doc)),
            "event_args": list(event_arg_rows(doc)),
        }
        for ent in doc.entities.values():
            merge_entity(self.entities, ent, doc.doc_id)

    def tables(self) -> dict[str, pa.Table]:
        order = sorted(self.by_doc)
        rows = {name: [r for d in order for r in self.by_doc[d][name]]
                for name in ("documents", "mentions", "events", "event_args")}
        rows["entities"] = [entity_row(self.entities[k]) for k in sorted(self.entities)]
        return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in SCHEMAS}
