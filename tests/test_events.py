"""Event stage: table-driven sentences per language, document-level merging, lists and off-topic pages."""
from __future__ import annotations

import csv
import tomllib
from pathlib import Path

import pytest

from extract.config import RunConfig
from extract.document import Document, Mention
from extract.events import extract_events
from extract.textfold import fold_accents as fold
from extract.registry import build_stage

DATA = Path(__file__).parent / "data"


def _mentions(text: str, specs: list[str]) -> list[Mention]:
    """`LABEL=surface[#n][@TIMEX]` -> the n-th occurrence of the surface not inside an earlier mention."""
    out: list[Mention] = []
    for spec in specs:
        label, _, rest = spec.partition("=")
        rest, _, timex = rest.partition("@")
        surface, _, nth = rest.partition("#")
        start, seen = -1, 0
        while seen < int(nth or 1):
            start = text.index(surface, start + 1)
            if not any(m.start < start + len(surface) and start < m.end for m in out):
                seen += 1
        out.append(Mention(start, start + len(surface), surface, label, value=timex or surface,
                           entity_id=None if label == "DATE" else f"ent:{surface}"))
    out.sort(key=lambda m: m.start)
    for i, m in enumerate(out, 1):
        m.mention_id = f"M{i}"
    return out


def _document(lang: str, text: str, specs: list[str], doc_date: str | None = None,
              paragraph_langs: list[str] | None = None) -> Document:
    """`paragraph_langs`: the language of each paragraph of a mixed page (default: all `lang`)."""
    doc = Document("t", "t.txt", text=text, lang=lang, doc_date=doc_date)
    doc.mentions = _mentions(text, specs)
    config = RunConfig()
    build_stage("segment", config)(doc)
    for i, p in enumerate(doc.paragraphs):
        p.lang = paragraph_langs[i] if paragraph_langs else lang
    build_stage("sentences", config)(doc)
    for s in doc.sentences:
        s.lang = doc.lang_at(s.start)
    return doc


def _tuples(doc: Document) -> set[str]:
    return {f"{e.type}.{a.role}={a.text or a.value}" for e in doc.events for a in e.args}


def _sentence_cases():
    with (DATA / "events_sentences.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
    return [pytest.param(*r, id=f"{r[0]}-{i}") for i, r in enumerate(rows)]


@pytest.mark.parametrize("lang,text,mentions,expected", _sentence_cases())
def test_sentence(lang, text, mentions, expected):
    doc = _document(lang, text, [m for m in mentions.split("|") if m])
    doc.events = extract_events(doc)
    assert _tuples(doc) == {t.strip() for t in expected.split(";") if t.strip()}


def _document_cases():
    cases = tomllib.loads((DATA / "events_documents.toml").read_text(encoding="utf-8"))["case"]
    return [pytest.param(c, id=c["id"]) for c in cases]


@pytest.mark.parametrize("case", _document_cases())
def test_document(case):
    doc = _document(case["lang"], case["text"], case["mentions"], case.get("doc_date"), case.get("paragraph_langs"))
    doc.events = extract_events(doc)
    counts: dict[str, int] = {}
    for e in doc.events:
        counts[e.type] = counts.get(e.type, 0) + 1
    assert counts == {k: v for k, v in case["counts"].items() if v}
    assert set(case["tuples"]) <= _tuples(doc)
    assert not set(case.get("absent", [])) & _tuples(doc)


@pytest.mark.parametrize("case", _document_cases())
def test_offsets_and_ids(case):
    doc = _document(case["lang"], case["text"], case["mentions"], case.get("doc_date"), case.get("paragraph_langs"))
    doc.events = extract_events(doc)
    assert [e.event_id for e in doc.events] == [f"E{i}" for i in range(1, len(doc.events) + 1)]
    ids = {m.mention_id for m in doc.mentions}
    for e in doc.events:
        assert doc.text[e.trigger_start:e.trigger_end] == e.trigger
        for a in e.args:
            assert doc.text[a.start:a.end] == a.text
            assert (a.mention_id is None) == (a.role == "Name" or a.text == "")
            assert a.mention_id is None or a.mention_id in ids


def test_fold_keeps_length():
    for text in ("İSTANBUL’DA", "ΣΥΝΕΔΡΙΟΥ συνέδριο", "Konferansı", "Straße"):
        assert len(fold(text)) == len(text)
    assert fold("ΣΥΝΈΔΡΙΟ") == fold("συνεδριο")


def test_stage_registered():
    stage = build_stage("events", RunConfig())
    doc = _document("bg", "Конференцията за интеграция на мигранти се проведе в Брюксел.", ["LOC=Брюксел"])
    stage(doc)
    assert [e.type for e in doc.events] == ["Meeting"]


def test_exclude_covers_a_trigger_wherever_it_starts():
    """An excluded phrase that starts before the trigger word (`at its council sitting`) still drops it."""
    from extract.events.lexicon import build_lexicon
    lex = build_lexicon("en", {"topic": ["integration", "migrant*"],
                               "Meeting": {"triggers": ["sitting", "conference"],
                                           "exclude": ["council sitting"],
                                           "Place": ["in _"]}})
    text = "At its council sitting in Ghent on migrant integration the city agreed. The conference on integration was held in Lyon."
    doc = _document("en", text, ["LOC=Ghent", "LOC=Lyon"])
    events = extract_events(doc, lexicon_of=lambda lang: lex)
    assert [e.trigger for e in events] == ["conference"]


def test_round_up_heading_meeting_is_the_item_below_it():
    """A round-up's sub-heading that names a meeting (`Nätverksmöte i Luleå`) is the item under it, even where
    the item calls it the next one, and not the item before."""
    text = ("Nyheter om integration i kommunerna\n\nWorkshop om språkstöd\nDen 4 april träffades handläggare från "
            "tolv kommuner för en workshop om integration av nyanlända i Örebro.\n\nNätverksmöte i Luleå\n"
            "Länsstyrelsen bjuder in till nästa nätverksmöte om mottagande den 9 maj.")
    doc = _document("sv", text, ["DATE=Den 4 april@2024-04-04", "LOC=Örebro", "LOC=Luleå", "ORG=Länsstyrelsen",
                                 "DATE=den 9 maj@2024-05-09"])
    events = {tuple(sorted(f"{a.role}={a.text}" for a in e.args)) for e in extract_events(doc)}
    assert events == {("Date=Den 4 april", "Place=Örebro"),
                      ("Date=den 9 maj", "Organizer=Länsstyrelsen", "Place=Luleå")}


def test_calendar_entry_heads_give_each_meeting_its_date_and_place():
    """An events calendar heads each entry with its date and place: each entry is its own meeting with them."""
    text = ("Kalendarium för integration av nyanlända\nSenast uppdaterad: 03.06.2024\n\n"
            "9–10 oktober 2024 | Subtopia, Botkyrka\nNordiskt möte för städerna i nätverket, med Botkyrka kommun som värd.\n\n"
            "22.04.2024 | Online\nWebbinarium om integration. Arrangör: Migrationsverket.\n\n"
            "14–15 mars 2024 | Malmö\nArbetsgruppen för migration höll sitt vårmöte här.")
    doc = _document("sv", text, ["DATE=03.06.2024@2024-06-03", "DATE=9–10 oktober 2024@2024-10-09/2024-10-10",
                                 "LOC=Subtopia", "LOC=Botkyrka", "ORG=Botkyrka kommun",
                                 "DATE=22.04.2024@2024-04-22", "ORG=Migrationsverket",
                                 "DATE=14–15 mars 2024@2024-03-14/2024-03-15", "LOC=Malmö"])
    events = {tuple(sorted(f"{a.role}={a.text}" for a in e.args if a.role in ("Date", "Place")))
              for e in extract_events(doc) if e.type == "Meeting"}
    assert events == {("Date=9–10 oktober 2024", "Place=Botkyrka", "Place=Subtopia"), ("Date=22.04.2024",),
                      ("Date=14–15 mars 2024", "Place=Malmö")}


def test_members_listed_under_a_heading_with_their_own_months():
    """`Nya medlemmar` and short bullets `• Borlänge (mars)`: one Membership per member, each with its month."""
    text = ("Året som gått i nätverket Intercultural Cities för integration av migranter\n\n"
            "Nya medlemmar\n• Borlänge (mars)\n• Växjö kommun (augusti)\nNätverket växer.")
    doc = _document("sv", text, ["ORG=Intercultural Cities", "LOC=Borlänge", "DATE=mars@2023-03",
                                 "ORG=Växjö kommun", "DATE=augusti@2023-08"])
    events = {tuple(sorted(f"{a.role}={a.text}" for a in e.args)) for e in extract_events(doc)}
    assert events == {("Date=mars", "Member=Borlänge", "Network=Intercultural Cities"),
                      ("Date=augusti", "Member=Växjö kommun", "Network=Intercultural Cities")}


def test_we_on_a_body_own_page_is_that_body():
    """`Vi gick med i ...` in an interview: the body of the page's lead is the member (guide: "we")."""
    text = ("Intervju om integration av nyanlända\nAnna Berg är integrationschef på Norrköpings kommun.\n\n"
            "När gick ni med i nätverket?\nVi gick med i Intercultural Cities i november 2017 för att lära av andra.")
    doc = _document("sv", text, ["PER=Anna Berg", "ORG=Norrköpings kommun", "ORG=Intercultural Cities",
                                 "DATE=november 2017@2017-11"])
    events = {tuple(sorted(f"{a.role}={a.text}" for a in e.args)) for e in extract_events(doc)}
    assert ("Date=november 2017", "Member=Norrköpings kommun", "Network=Intercultural Cities") in events


# (line languages, expected): an item line taken for a language without event words says nothing either way.
FIELD_ITEM_CASES = [
    (["da", "sv"], False),  # `Informationsmöte om boendeparkering` read as Danish: the Swedish line decides
    (["da", "da"], True),   # no line in a language with the list: no way to tell, the item is kept
]


@pytest.mark.parametrize("langs,expected", FIELD_ITEM_CASES)
def test_item_field_evidence_skips_lines_of_other_languages(langs, expected):
    from extract.events.drafts import Unit
    from extract.events.lexicon import load_lexicon
    from extract.events.sections import _speaks_of_field
    text = "Informationsmöte om boendeparkering\nDen nya boendeparkeringen i Kopparlunden har väckt många frågor."
    cut = text.index("\n")
    units = [Unit(0, 0, cut, langs[0]), Unit(1, cut + 1, len(text), langs[1])]
    assert _speaks_of_field(fold(text), 0, len(text), units, [], load_lexicon) is expected


@pytest.mark.parametrize("lang,text,name", [
    ("cs", "Lublin je od roku 2008 členem sítě Intercultural Cities Rady Evropy.", "Rady Evropy"),
    ("en", "Lublin joined the Intercultural Cities network of the Council of Europe in 2008.", "Council of Europe"),
])
def test_devscore_gold_mentions_carry_the_lexicon_kind(lang, text, name):
    """With gold entities as input, a body the lexicon knows has its kind, as NER gives it in the pipeline:
    otherwise the Council of Europe after a network is taken for a member or a network."""
    from extract import brat
    from extract.events.devscore import input_from_gold
    start = text.index(name)
    ann = brat.parse_ann(f"# lang: {lang}\nT1\tORG {start} {start + len(name)}\t{name}\n")
    doc = input_from_gold(brat.to_document(ann, text, "case"))
    assert doc.mentions[0].attrs.get("kind") == "international"


@pytest.mark.parametrize("pattern", ["organised _ by _", "im rahmen* _ in _", "hosted by"])
def test_a_bad_cue_names_its_file_and_list(pattern):
    """A cue with no `_` or a second one would never fire; the error says where it stands."""
    from extract.events.lexicon import build_lexicon
    with pytest.raises(ValueError, match=r"lang/xx/events\.toml \[Meeting\] Organizer: .*exactly one '_'"):
        build_lexicon("xx", {"Meeting": {"triggers": ["meeting"], "Organizer": ["_ hosted it", pattern]}})


@pytest.mark.parametrize("heading, joined", [("Närvarande", True), ("Nyheter i korthet", False)])
def test_lines_under_an_attendance_heading_are_one_unit(heading, joined):
    from extract.config import RunConfig
    from extract.document import Document
    from extract.events.extract import units_of
    from extract.registry import build_stage

    text = (f"Protokoll från styrgruppens möte\n\n{heading}\nMattias Lindqvist, Botkyrka kommun (ordförande)\n"
            "Ingrid Solberg, Stavanger kommune\nHanna Virtanen, Åbo stad\n\nMötet öppnades klockan nio.")
    doc = Document("d", "<test>", text=text)
    for name in ("segment", "langid", "sentences"):
        build_stage(name, RunConfig())(doc)
    doc.lang = "sv"
    units = units_of(doc)
    start = text.index(heading)
    unit = next(u for u in units if u.start <= start < u.end)
    assert (unit.end >= text.index("Åbo stad")) == joined



@pytest.mark.parametrize("contained, kept", [(["org:intercultural-cities"], True), (["org:european-union"], False)])
def test_minutes_of_a_body_around_a_network_name_are_no_local_news(contained, kept):
    """Minutes headed by `ICC Nordic` (the model's name around the lexicon's `ICC`) are of the field: their sections
    (`§ 2 ...`) are no items of a town's weekly news, so an earlier meeting they name is kept."""
    text = ("ICC Nordic – protokoll från styrgruppens möte\n\nDatum: 4 mars 2025\nPlats: Botkyrka\n\n"
            "§ 1 Mötets öppnande\nOrdföranden öppnade mötet om integration av nyanlända och flyktingar.\n\n"
            "§ 2 Föregående protokoll\nProtokollet från mötet i Bergen den 12 november 2024 lades till handlingarna.")
    doc = _document("sv", text, ["ORG=ICC Nordic", "DATE=4 mars 2025@2025-03-04", "LOC=Botkyrka", "LOC=Bergen",
                                 "DATE=12 november 2024@2024-11-12"])
    next(m for m in doc.mentions if m.text == "ICC Nordic").attrs["contains_lexicon"] = contained
    doc.events = extract_events(doc)
    assert ("Meeting.Place=Bergen" in _tuples(doc)) == kept


def test_a_date_written_out_wins_over_one_read_from_a_relative_word():
    text = ("Тази година Форумът за интеграция на мигранти на EUROCITIES беше в Утрехт. Форумът се проведе на "
            "5 и 6 март и събра градове от мрежата за интеграция на бежанци.")
    doc = _document("bg", text, ["ORG=EUROCITIES", "DATE=Тази година@2025", "DATE=5 и 6 март@2025-03-05/2025-03-06",
                                 "LOC=Утрехт"])
    next(m for m in doc.mentions if m.text == "Тази година").attrs["date_form"] = "rel"
    doc.events = extract_events(doc)
    meeting = next(e for e in doc.events if e.type == "Meeting")
    assert [a.text for a in meeting.args if a.role == "Date"] == ["5 и 6 март"]
