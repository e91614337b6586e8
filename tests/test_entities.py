"""Entity stage: canonical ids and names across languages, GeoNames links, within-document clustering."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from extract.config import RunConfig
from extract.document import Document, Mention
from extract.registry import build_stage

DATA = Path(__file__).parent / "data"
_MARK = re.compile(r"\[\[(.+?)\|(ORG|LOC|PER)\]\]")


def _rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def stage():
    return build_stage("entities", RunConfig())


def _doc(text: str, lang: str, spans: list[tuple[int, int, str]]) -> Document:
    doc = Document(doc_id="d1", path="d1.txt", text=text, lang=lang)
    doc.mentions = [Mention(s, e, text[s:e], label, mention_id=f"M{i + 1}") for i, (s, e, label) in enumerate(spans)]
    return doc


@pytest.mark.parametrize("row", _rows("entities_link.tsv"), ids=lambda r: f"{r['lang']}:{r['surface']}")
def test_link(stage, row):
    doc = _doc(row["surface"], row["lang"], [(0, len(row["surface"]), row["label"])])
    stage(doc)
    m = doc.mentions[0]
    assert (m.entity_id, m.value) == (row["entity_id"], row["name"])
    entity = doc.entities[m.entity_id]
    assert entity.country == (row["country"] or None)
    assert entity.n_mentions == 1 and entity.doc_ids == {"d1"} and row["surface"] in entity.aliases
    if m.entity_id.startswith("geonames:"):
        assert entity.geonames_id == int(m.entity_id.split(":")[1]) and entity.lat is not None


def _marked(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    text, spans, pos = "", [], 0
    for match in _MARK.finditer(marked):
        text += marked[pos:match.start()]
        spans.append((len(text), len(text) + len(match.group(1)), match.group(2)))
        text += match.group(1)
        pos = match.end()
    return text + marked[pos:], spans


@pytest.mark.parametrize("row", _rows("entities_cluster.tsv"), ids=lambda r: r["marked_text"][:40])
def test_cluster(stage, row):
    text, spans = _marked(row["marked_text"])
    doc = _doc(text, row["lang"], spans)
    stage(doc)
    groups = row["groups"].split()
    ids = [m.entity_id for m in doc.mentions]
    assert all(ids)
    for i in range(len(ids)):
        for j in range(len(ids)):
            assert (ids[i] == ids[j]) == (groups[i] == groups[j]), (doc.mentions[i].text, doc.mentions[j].text, ids)
    assert sum(e.n_mentions for e in doc.entities.values()) == len(ids)


def test_municipality_links_to_its_city(stage):
    text = "Zeytinburnu Belediyesi"
    doc = _doc(text, "tr", [(0, len(text), "ORG")])
    stage(doc)
    assert doc.mentions[0].attrs["city_entity_id"] == "geonames:737071"


def test_ids_are_stable_across_documents(stage):
    first = _doc("Асоциация за развитие на София", "bg", [(0, 30, "ORG")])
    second = _doc("АСОЦИАЦИЯ ЗА РАЗВИТИЕ НА СОФИЯ", "bg", [(0, 30, "ORG")])
    stage(first), stage(second)
    assert first.mentions[0].entity_id == second.mentions[0].entity_id


def test_dates_are_left_alone(stage):
    doc = _doc("3 декември 2019 г.", "bg", [(0, 18, "DATE")])
    doc.mentions[0].value = "2019-12-03"
    stage(doc)
    assert doc.mentions[0].entity_id is None and doc.mentions[0].value == "2019-12-03" and not doc.entities
