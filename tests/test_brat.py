"""Tests of brat standoff reading and writing (line cases in tests/data/brat_lines.tsv, roles.tsv)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extract import brat
from extract.document import Document, Entity, Event, EventArgument, Mention

DATA = Path(__file__).parent / "data"
GOLD = Path(__file__).parent.parent / "gold"


def _rows(name: str) -> list[list[str]]:
    """Rows of a TSV table; its first line is the header (data rows may start with '#')."""
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return [r for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if r][1:]


LINES = _rows("brat_lines.tsv")


@pytest.mark.parametrize("line,kind,expected", LINES, ids=[f"{r[1]}:{r[0][:30]}" for r in LINES])
def test_parse_line(line, kind, expected):
    content = line.replace("<TAB>", "\t")
    if kind == "error":
        with pytest.raises(brat.BratError, match=None) as info:
            brat.parse_ann(content)
        assert expected in str(info.value)
        return
    ann = brat.parse_ann(content)
    fields = expected.split("|")
    if kind == "T":
        tb = ann.textbounds[fields[0]]
        assert [tb.id, tb.type, str(tb.start), str(tb.end), tb.text] == fields
    elif kind == "N":
        n = ann.normalizations[0]
        assert [n.id, n.target, n.db, n.key] == fields
    elif kind == "E":
        ev = ann.events[fields[0]]
        assert [ev.id, ev.type, ev.trigger] == fields[:3]
        assert " ".join(f"{r}:{t}" for r, t in ev.args) == fields[3]
    elif kind == "*":
        assert ann.equivs[0][0] == expected.split()
    elif kind == "#":
        assert ann.comments[fields[0]] == fields[1]


@pytest.mark.parametrize("written,base", _rows("roles.tsv"))
def test_base_role(written, base):
    assert brat.base_role(written) == base


def test_equiv_is_transitive_and_named_by_smallest_id():
    ann = brat.parse_ann("T1\tLOC 0 1\ta\nT2\tLOC 2 3\tb\nT3\tLOC 4 5\tc\nT4\tLOC 6 7\td\n"
                         "*\tEquiv T3 T2\n*\tEquiv T2 T1\n")
    assert brat.clusters_of(ann) == {"T1": "T1", "T2": "T1", "T3": "T1", "T4": "T4"}


def test_gold_document_has_values_clusters_and_geonames():
    text = "Brüksel'de 2009 yılında; Brüksel."
    ann = brat.parse_ann("# lang: tr\nT1\tLOC 0 7\tBrüksel\nT2\tDATE 11 23\t2009 yılında\nT3\tLOC 25 32\tBrüksel\n"
                         "N1\tReference T2 TIMEX:2009\t2009\nN2\tReference T3 GeoNames:2800866\tBrussels\n"
                         "*\tEquiv T1 T3\nT4\tMeeting 0 1\tB\nE1\tMeeting:T4 Place:T1 Date:T2\n")
    doc = brat.to_document(ann, text, "d")
    assert doc.lang == "tr"
    loc1, date, loc2 = doc.mentions
    assert date.value == "2009" and loc1.entity_id == loc2.entity_id == "T1"
    assert doc.entities["T1"].geonames_id == 2800866
    assert [(a.role, a.value, a.entity_id) for a in doc.events[0].args] == [("Place", "Brüksel", "T1"),
                                                                            ("Date", "2009", None)]


def _predicted_document() -> Document:
    text = "Stuttgart and Zeytinburnu held the 11. CLIP conference on 31 Ekim 2011 in Stuttgart."
    def m(s, label, n=1, **kw):
        start = -1
        for _ in range(n):
            start = text.index(s, start + 1)
        return Mention(start, start + len(s), s, label, **kw)
    mentions = [m("Stuttgart", "LOC", entity_id="e1"), m("Zeytinburnu", "LOC", entity_id="e2"),
                m("CLIP", "ORG", entity_id="e3"), m("31 Ekim 2011", "DATE", value="2011-10-31"),
                m("Stuttgart", "LOC", 2, entity_id="e1")]
    for i, x in enumerate(mentions, 1):
        x.mention_id = f"M{i}"
    name_start = text.index("11. CLIP conference")
    trig = text.index("conference")
    args = [EventArgument("Name", name_start, name_start + 19, "11. CLIP conference"),
            EventArgument("Organizer", 0, 9, "Stuttgart", mention_id="M1", entity_id="e1"),
            EventArgument("Organizer", mentions[1].start, mentions[1].end, "Zeytinburnu", mention_id="M2", entity_id="e2"),
            EventArgument("Date", mentions[3].start, mentions[3].end, "31 Ekim 2011", value="2011-10-31", mention_id="M4")]
    doc = Document("pred", "", text=text, lang="tr", mentions=mentions,
                   events=[Event("Meeting", trig, trig + 10, "conference", args=args)])
    doc.entities = {"e1": Entity("e1", "LOC", "Stuttgart", geonames_id=2825297),
                    "e2": Entity("e2", "LOC", "Zeytinburnu"), "e3": Entity("e3", "ORG", "CLIP")}
    return doc


def test_writer_round_trip(tmp_path):
    doc = _predicted_document()
    ann_path = brat.write_document(doc, tmp_path / "brat")
    assert (tmp_path / "brat" / "pred.txt").read_text(encoding="utf-8") == doc.text
    back = brat.read_document(tmp_path / "brat" / "pred.txt")
    assert [(m.start, m.end, m.label, m.value) for m in back.mentions] == \
           [(m.start, m.end, m.label, m.value) for m in doc.mentions]
    stuttgart = [m.entity_id for m in back.mentions if m.text == "Stuttgart"]
    assert len(set(stuttgart)) == 1 and back.entities[stuttgart[0]].geonames_id == 2825297
    content = ann_path.read_text(encoding="utf-8")
    assert "Organizer2:" in content and "\tName " in content
    assert [(a.role, a.start, a.end) for a in back.events[0].args] == \
           [(a.role, a.start, a.end) for a in doc.events[0].args]


@pytest.mark.parametrize("txt", sorted(GOLD.glob("[0-9]*.txt")), ids=lambda p: p.stem)
def test_gold_seed_round_trip(txt, tmp_path):
    gold = brat.read_document(txt)
    gold.doc_id = txt.stem
    brat.write_document(gold, tmp_path)
    back = brat.read_document(tmp_path / txt.name)
    assert [(m.start, m.end, m.label, m.value) for m in back.mentions] == \
           [(m.start, m.end, m.label, m.value) for m in gold.mentions]
    assert [(e.type, [(a.role, a.start, a.end) for a in e.args]) for e in back.events] == \
           [(e.type, [(a.role, a.start, a.end) for a in e.args]) for e in gold.events]
