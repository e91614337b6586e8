"""Turns a document's ORG/LOC/PER mentions into canonical entities (ids, names, GeoNames data)."""
from __future__ import annotations

from ..document import Document, Entity, Mention
from ..lexicon import lang_rules
from ..lexicon.normalise import slug
from .cluster import cluster, display_name
from .resolve import Link, link_mention, settle_places

ENTITY_LABELS = ("ORG", "LOC", "PER")
_PREFIX = {"ORG": "org", "LOC": "loc", "PER": "per"}


def _stem_slug(text: str, lang: str | None) -> str:
    """Inflection-insensitive slug: `Zeytinburnu Belediyesinin` and `Zeytinburnu Belediyesi` agree."""
    return slug(lang_rules(lang).stem_key(text)) or slug(text) or "unnamed"


def link_document(doc: Document) -> None:
    """Set entity_id and value on each ORG/LOC/PER mention and fill doc.entities."""
    mentions = [m for m in doc.mentions if m.label in ENTITY_LABELS]
    if not mentions:
        return
    langs = [doc.lang_at(m.start) or doc.lang for m in mentions]
    links = [link_mention(m, doc.text, lang) for m, lang in zip(mentions, langs)]
    settle_places(links, langs)
    groups = cluster(doc.text, mentions, links, [lang_rules(lg) for lg in langs])

    members: dict[int, list[int]] = {}
    for i, root in enumerate(groups):
        members.setdefault(root, []).append(i)
    for idx in members.values():
        _emit(doc, [mentions[i] for i in idx], [links[i] for i in idx], [langs[i] for i in idx])


def _emit(doc: Document, mentions: list[Mention], links: list[Link], langs: list[str | None]) -> None:
    known = next((l for l in links if l.entity_id), None)
    surfaces = [m.text for m in mentions]
    label = mentions[0].label
    if known:
        entity_id, name = known.entity_id, known.name or display_name(surfaces)
    else:
        name = display_name(surfaces)
        lang = langs[surfaces.index(name)]
        entity_id = f"{_PREFIX[label]}:{_stem_slug(name, lang)}"
    for m in mentions:
        m.entity_id, m.value = entity_id, name
        if known and known.city_entity_id:
            m.attrs["city_entity_id"] = known.city_entity_id
    entity = doc.entities.get(entity_id)
    if entity is None:
        place = known.place if known and not known.city_entity_id else None
        entity = Entity(entity_id=entity_id, label=label, name=name,
                        country=known.country if known else None,
                        geonames_id=place.geonames_id if place else None,
                        lat=place.lat if place else None, lon=place.lon if place else None,
                        city_id=known.city_entity_id if known else None)
        doc.entities[entity_id] = entity
    entity.aliases.update(surfaces)
    entity.langs.update(lg for lg in langs if lg)
    entity.doc_ids.add(doc.doc_id)
    entity.n_mentions += len(mentions)
