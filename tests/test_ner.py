"""NER stage: span trimming per the guide, overlap resolution between model and lexicon, the Stanza option."""
from __future__ import annotations

import pytest

from conftest import read_tsv
from extract.document import Mention
from extract.stages.ner import StanzaModels, model_span, resolve_overlaps


@pytest.mark.parametrize("case", read_tsv("trim_cases.tsv"), ids=lambda c: c["found"])
def test_trim_span(case):
    start = case["text"].index(case["found"])
    s, e = model_span(case["text"], start, start + len(case["found"]), case["lang"])
    assert case["text"][s:e] == case["expected"]


def _m(start, end, label, source):
    return Mention(start, end, "X" * (end - start), label, source=source)


def test_lexicon_beats_overlapping_model_span():
    kept = resolve_overlaps([_m(0, 10, "LOC", "model"), _m(0, 8, "ORG", "lexicon")])
    assert [(m.start, m.end, m.label, m.source) for m in kept] == [(0, 8, "ORG", "lexicon")]


def test_longer_model_name_of_same_type_keeps_the_whole_name():
    kept = resolve_overlaps([_m(0, 30, "ORG", "model"), _m(0, 14, "ORG", "lexicon")])
    assert [(m.start, m.end, m.source) for m in kept] == [(0, 30, "model")]


def test_longer_model_span_wins_among_model_spans_and_disjoint_spans_stay():
    kept = resolve_overlaps([_m(0, 5, "LOC", "model"), _m(0, 9, "ORG", "model"), _m(12, 15, "PER", "model")])
    assert [(m.start, m.end) for m in kept] == [(0, 9), (12, 15)]


@pytest.mark.parametrize("case", read_tsv("model_around_lexicon_cases.tsv"), ids=lambda c: c["model"])
def test_model_span_around_lexicon_names(case):
    text = case["text"]

    def span(surface, source):
        start = text.index(surface)
        return Mention(start, start + len(surface), surface, "ORG", source=source, attrs={"lang": case["lang"]})
    found = [span(case["model"], "model")]
    for name in case["lexicon"].split("|"):  # `unit:` marks a unit's span (a department's name)
        found.append(span(name.removeprefix("unit:"), "lexicon"))
        if name.startswith("unit:"):
            found[-1].attrs["kind"] = "unit"
    assert [m.text for m in resolve_overlaps(found)] == case["kept"].split("|")


@pytest.mark.parametrize("case", read_tsv("model_mention_cases.tsv"), ids=lambda c: c["span"])
def test_model_span_to_mention(case):
    from extract.stages.ner import NerStage

    text = case["text"].replace("\\n", "\n")  # a line break written `\n` in the table
    start = text.index(case["span"])
    found = NerStage._mention(text, start, start + len(case["span"]), case["label"], case["lang"], 1.0)
    # `kept` lists the mentions made, joined by `+`; one without a label keeps the model's
    expected = [k if "/" in k else f"{k}/{case['label']}" for k in case["kept"].split("+") if k]
    assert [f"{m.text}/{m.label}" for m in found] == expected


def test_stanza_backend_without_models_says_how_to_install(tmp_path):
    with pytest.raises(SystemExit) as exc:
        StanzaModels(tmp_path)
    message = str(exc.value)
    assert "stanza" in message and ("pip install" in message or "resources.json" in message)


def _ner_with_fake_model(monkeypatch, lang: str, patterns: list[dict], text: str):
    """The NER stage over `text` with an entity ruler standing in for the trained model."""
    import spacy

    from extract.config import RunConfig
    from extract.document import Document
    from extract.registry import build_stage

    nlp = spacy.blank(lang)
    nlp.add_pipe("entity_ruler").add_patterns(patterns)
    doc = Document("d", "<test>", text=text)
    for name in ("segment", "langid", "sentences"):
        build_stage(name, RunConfig())(doc)
    stage = build_stage("ner", RunConfig())
    monkeypatch.setattr(stage.models, "get", lambda _: nlp)
    stage(doc)
    return doc


def test_model_span_stops_at_the_sentence_end(monkeypatch):
    doc = _ner_with_fake_model(monkeypatch, "en", [{"label": "ORG", "pattern": "Ministry of the Interior. The"}],
                               "She thanked the Ministry of the Interior. The city agreed to host the forum.")
    assert [m.text for m in doc.mentions if m.source == "model"] == ["Ministry of the Interior"]


def test_a_line_in_capitals_gets_no_model_spans(monkeypatch):
    doc = _ner_with_fake_model(monkeypatch, "bg", [{"label": "ORG", "pattern": "РЕГИОНИ"}, {"label": "ORG", "pattern": "Бургас"}],
                               "РЕГИОНИ И ГРАДОВЕ В ПОДКРЕПА НА ИНТЕГРАЦИЯТА\nБургас и градове обсъдиха интеграцията.")
    assert [m.start for m in doc.mentions if m.source == "model"] == [doc.text.index("Бургас")]


@pytest.mark.parametrize("text, word, kept", [
    ("Kongre sona erdi.\nKatılımcılar yeni üyeleri tebrik etti.", "Katılımcılar", False),  # a common word opens a line
    ("Açılışı Selin Arıkan yaptı. Arıkan, kentte yaşayan göçmenleri anlattı.", "Arıkan", True),  # a surname named before
    # a sentence of running prose may open with a surname the page introduced earlier, or a headline with its speaker
    ("Toplantı sona erdi.\nGramsci, orta okulu Cagliari kentinde bitirdi ve üniversite için Torino'ya gitti.", "Gramsci", True),
    ("Kongre sona erdi.\nAksoy: Göç ve uyum konusunda yeni bir dönem başlıyor", "Aksoy", True),
    # a word opening a field of a calendar, programme or breadcrumb line
    ("Genel Kurul toplandı\n\n19.12.2024 | Haberler\n\nMarmara Belediyeler Birliği", "Haberler", False),
    ("Program\n11:30 – 12:00 Kahve arası\n12:00 Panel", "Kahve", False),
    ("Açılışı Selin Arıkan yaptı.\n14:00 – Arıkan ile söyleşi", "Arıkan", True),
    # a field's one-word label before the word (`Statü:`)
    ("Malatya Büyükşehir Belediyesi\nKatılım: 2022 · Statü: Asil üye", "Asil", False),
])
def test_a_lone_word_person_opening_a_sentence(monkeypatch, text, word, kept):
    patterns = [{"label": "PER", "pattern": word}, {"label": "PER", "pattern": "Selin Arıkan"}]
    doc = _ner_with_fake_model(monkeypatch, "tr", patterns, text)
    start = text.rindex(word)
    assert any(m.start == start and m.label == "PER" for m in doc.mentions) == kept


@pytest.mark.parametrize("case", read_tsv("venue_cases.tsv"), ids=lambda c: c["name"])
def test_venue_names(case):
    from extract.entities.venues import is_venue

    assert is_venue(case["name"], case["lang"]) == (case["venue"] == "1")


@pytest.mark.parametrize("case", read_tsv("meeting_name_cases.tsv"), ids=lambda c: c["name"])
def test_meeting_names_are_not_organisations(case):
    from extract.stages.ner import is_meeting_name

    assert is_meeting_name(case["name"], case["lang"]) == (case["meeting"] == "1")


@pytest.mark.parametrize("case", read_tsv("bare_place_cases.tsv"), ids=lambda c: c["span"])
def test_bare_place_names(case):
    from extract.stages.ner import _bare_place

    start = case["text"].index(case["span"])
    assert _bare_place(case["text"], start, start + len(case["span"]), case["lang"]) == (case["place"] == "1")


@pytest.mark.parametrize("text,found,expected", [
    # a sentence-initial city the model left out, found mid-sentence elsewhere
    ("Gent was host. Cities met in Gent.", [("Gent", "LOC", 29)], ["Gent@0", "Gent@29"]),
    # a one-word name that is no known place is not repeated
    ("Europese steden. De Europese Commissie.", [("Europese", "LOC", 0)], ["Europese@0"]),
    # a multiword name is repeated; never inside another mention
    ("Stad Gent organiseerde. Stad Gent en Gent.", [("Stad Gent", "ORG", 0), ("Gent", "LOC", 38)],
     ["Stad Gent@0", "Stad Gent@24", "Gent@38"]),
])
def test_repeated_names(text, found, expected):
    from extract.document import Paragraph
    from extract.stages.ner import repeated_names

    mentions = [Mention(s, s + len(t), t, label, attrs={"lang": "nl"}) for t, label, s in found]
    added = repeated_names(text, mentions, [Paragraph(0, len(text))])
    assert sorted(f"{m.text}@{m.start}" for m in mentions + added) == sorted(expected)


@pytest.mark.parametrize("text,start,word,dropped", [
    ("Üyeler toplandı. Yeni üyeler katıldı.", 0, "Üyeler", True),
    ("Gent was host. The city of Gent.", 0, "Gent", False),  # no lower-case `gent` in the text
    ("The forum met. Forum members came.", 15, "Forum", True),
    ("Lyon met. Later, Lyon came.", 17, "Lyon", False),  # not at a sentence start
    ("Ziyaretin sonunda konuştu. Bu çalışma ziyareti verimliydi.", 0, "Ziyaretin", True),  # stem in lower case
    ("Mersin ağırladı. Konferans Mersin'de yapıldı.", 0, "Mersin", False),  # no lower-case stem
])
def test_common_word_opening_a_sentence(text, start, word, dropped):
    from extract.stages.ner import _common_word_opening

    m = Mention(start, start + len(word), word, "ORG", source="model")
    assert _common_word_opening(text, m, {0, text.index(".") + 2}) == dropped


@pytest.mark.parametrize("text,found,expected", [
    # defined after a name the model cut short, then used alone twice
    ("Svenska nätverket för interkulturella städer (SNIS) bildades. SNIS:s möte. SNIS växer.",
     [("Svenska nätverket", "ORG", 0)], ["SNIS/ORG@46", "SNIS/ORG@62", "SNIS/ORG@75"]),
    # the type of the name right before the bracket
    ("Национален дворец на културата (НДК) в София.", [("Национален дворец на културата", "LOC", 0)], ["НДК/LOC@32"]),
    # no name before it: an organisation; hyphenated acronyms are one name
    ("Dernek (SGDD-ASAM) ile birlikte.", [], ["SGDD-ASAM/ORG@8"]),
    # years, mixed case and words with digits are no acronyms
    ("Der Bericht (2019) der Stadt (Wien) über (COVID-19).", [], []),
])
def test_defined_acronyms(text, found, expected):
    from extract.document import Paragraph
    from extract.stages.ner import defined_acronyms

    mentions = [Mention(s, s + len(t), t, label) for t, label, s in found]
    added = defined_acronyms(text, mentions, [Paragraph(0, len(text))])
    assert sorted(f"{m.text}/{m.label}@{m.start}" for m in added) == sorted(expected)
    assert all(text[m.start:m.end] == m.text for m in added)


@pytest.mark.parametrize("case", read_tsv("venue_span_cases.tsv"), ids=lambda c: c["text"][:40])
def test_venue_spans(case):
    from extract.entities.venues import find_venues

    text = case["text"]
    found = [text[a:b] for a, b in find_venues(text, 0, len(text), case["lang"])]
    assert found == [s for s in case["spans"].split("|") if s]


@pytest.mark.parametrize("text,word,dropped", [
    ("12–13 юни 2024 | Варна – ОТЛОЖЕНО\nСрещата се отлага.", "ОТЛОЖЕНО", True),  # a status in a line of fields
    ("ΕΠΕΡΧΟΜΕΝΕΣ\n\n06.06.2024 | online", "ΕΠΕΡΧΟΜΕΝΕΣ", True),  # a section word alone on its line
    ("Η EUROBANK ανακοίνωσε νέα αποτελέσματα.", "EUROBANK", False),  # capitals in running text may be a name
    ("12–13 юни 2024 | Варна, НСОРБ\nСрещата се отлага.", "НСОРБ", False),  # short: an acronym
])
def test_shouted_words_in_calendar_lines(text, word, dropped):
    from extract.stages.ner import _shouted_words

    start = text.index(word)
    assert _shouted_words(text, Mention(start, start + len(word), word, "ORG", source="model")) == dropped


@pytest.mark.parametrize("case", read_tsv("venue_name_cases.tsv"), ids=lambda c: c["text"][:40])
def test_venue_names_told_by_the_words_around_them(case):
    from extract.entities.venues import names_after_venue_words, names_before_venue_nouns

    text = case["text"]
    after = [text[a:b] for a, b in names_after_venue_words(text, 0, len(text), case["lang"])]
    before = [text[a:b] for a, b in names_before_venue_nouns(text, 0, len(text), case["lang"])]
    assert after == [s for s in case["after_word"].split("|") if s]
    assert before == [s for s in case["before_noun"].split("|") if s]


def test_a_venue_owned_by_a_body_is_one_place_but_one_named_for_a_body_is_not():
    from extract.stages.ner import with_venues
    from extract.document import Paragraph

    text = "14.03.2024 | Ιωάννινα, Πνευματικό Κέντρο Δήμου Ιωαννιτών\nΗμερίδα στο Ωδείο."
    body = text.index("Δήμου")
    kept = [Mention(body, body + len("Δήμου Ιωαννιτών"), "Δήμου Ιωαννιτών", "ORG", source="lexicon")]
    found = with_venues(text, [Paragraph(0, len(text), "el")], "el", kept)
    assert [(m.text, m.label) for m in found] == [("Πνευματικό Κέντρο Δήμου Ιωαννιτών", "LOC")]
    text = "Çalıştay, Kayseri Büyükşehir Belediyesi Kültür Merkezinde yapıldı."
    body = text.index("Kayseri")
    kept = [Mention(body, body + len("Kayseri Büyükşehir Belediyesi"), "Kayseri Büyükşehir Belediyesi", "ORG",
                    source="lexicon")]
    found = with_venues(text, [Paragraph(0, len(text), "tr")], "tr", kept)
    assert [(m.text, m.label) for m in found] == [("Kayseri Büyükşehir Belediyesi", "ORG")]


@pytest.mark.parametrize("text, person", [
    ("Toplantıya Limasol Belediyesinden Eleni Georgiou katıldı.", "Eleni Georgiou"),
    ("Heyet Ankara Büyükşehir Belediyesinden İzmir Büyükşehir Belediyesine gitti.", None),  # a body, then another
])
def test_a_person_named_after_the_body_they_come_from(monkeypatch, text, person):
    doc = _ner_with_fake_model(monkeypatch, "tr", [{"label": "ORG", "pattern": "UNSEEN"}], text)  # the lexicon finds the body
    assert [m.text for m in doc.mentions if m.label == "PER"] == ([person] if person else [])


_GIVEN = frozenset(["Hüseyin", "Anouk", "Karin", "Деница", "Άννα", "Halil", "Mehmet", "Ali", "Eva", "Alan", "Tine", "Kasper"])


@pytest.mark.parametrize("case", read_tsv("given_name_cases.tsv"), ids=lambda c: c["span"])
def test_model_spans_mended_by_given_names(case):
    from extract.document import Mention
    from extract.stages.ner import people_by_given_names

    text, start = case["text"], case["text"].index(case["span"])
    m = Mention(start, start + len(case["span"]), case["span"], case["label"], source="model", attrs={"lang": case["lang"]})
    assert [f"{k.text}/{k.label}" for k in people_by_given_names(text, m, _GIVEN)] == case["kept"].split("+")


@pytest.mark.parametrize("case", read_tsv("unit_person_cases.tsv"), ids=lambda c: c["kept"])
def test_unit_running_on_into_a_person(case):
    from extract.lexicon import LexiconMatcher
    from extract.stages.ner import people_by_given_names

    text = case["text"]
    units = [m for m in LexiconMatcher.for_lang(case["lang"]).find(text) if m.attrs.get("kind") == "unit"]
    assert len(units) == 1
    assert [f"{k.text}/{k.label}" for k in people_by_given_names(text, units[0], _GIVEN)] == case["kept"].split("+")


@pytest.mark.parametrize("text, found, spotted", [
    ("Dagur Einarsson, Reykjavíks stad\nKasper Holm, Köpenhamns kommun", [], ["Kasper Holm"]),
    ("Rotterdam'dan gelen Eva de Vries'in sunumu ise", [], ["Eva de Vries"]),
    ("Kasper bodde i Köpenhamn.", [], []),  # a given name alone is no full name
    ("Kasper Holm, Köpenhamns kommun", [(0, 11)], []),  # never over what was found
])
def test_full_names_the_model_left_out(text, found, spotted):
    from extract.document import Mention, Paragraph
    from extract.stages.person_names import spotted_people

    kept = [Mention(a, b, text[a:b], "PER", source="model") for a, b in found]
    assert [m.text for m in spotted_people(text, [Paragraph(0, len(text))], kept, _GIVEN)] == spotted


@pytest.mark.parametrize("text, name, label", [
    # `Karin` is also an alternate name of Erzurum in the gazetteer; opening a full name it is a person's
    ("Nästa träff hålls i Gävle.\nKontakt: Karin Falk, sektionschef, SKR", "Karin Falk", "PER"),
    ("Nästa träff hålls i Sofia, Bulgarien.", "Sofia", "LOC"),  # a place alone stays a place
])
def test_a_gazetteer_word_opening_a_full_name_is_a_person(monkeypatch, text, name, label):
    doc = _ner_with_fake_model(monkeypatch, "sv", [], text)
    start = text.index(name)
    assert [(m.text, m.label) for m in doc.mentions if m.start <= start < m.end] == [(name, label)]


@pytest.mark.parametrize("text, word, dropped", [
    ("Toplantı bitti. Rapor, 42 belediyenin verilerini içeriyor.", "Rapor", True),  # opens a sentence
    ("Program\n14:00 Rapor sunumu", "Rapor", True),  # opens a field of a programme line
    ("Toplantıda Rapor Dergisi tanıtıldı.", "Rapor", False),  # inside a sentence a capital says more
    ("Ali Kaplan konuştu. Kaplan, kentte yaşayan göçmenleri anlattı.", "Kaplan", False),  # a surname of the text
])
def test_a_word_the_corpora_write_in_lower_case_opening_a_sentence(text, word, dropped):
    from extract.document import Mention
    from extract.stages.ner import _corpus_common_word

    common = {"tr": frozenset(["rapor", "kaplan"])}
    start = text.rindex(word)
    m = Mention(start, start + len(word), word, "ORG", source="model", attrs={"lang": "tr"})
    starts = {0} | {i + 2 for i in range(len(text)) if text[i] == "."}
    assert _corpus_common_word(text, m, starts, common, {"Kaplan"}) == dropped


@pytest.mark.parametrize("text, lang, model, label, kept", [
    # the model's body or place guessed inside a venue the words around tell is replaced by the venue
    ("Mötet hölls på Arbetets museum i Norrköping.", "sv", "Arbetets", "ORG", "Arbetets museum/LOC"),
    ("Срещата се състоя в конгресния център „Евскалдуна“.", "bg", "Евскалдуна", "ORG", "Евскалдуна/LOC"),
    ("Mötet hölls på Arbetets museum i Norrköping.", "sv", "Arbetets", "PER", "Arbetets museum/LOC"),
])
def test_a_model_guess_inside_a_venue_named_by_the_words_around_it(text, lang, model, label, kept):
    from extract.document import Paragraph
    from extract.stages.ner import with_venues

    start = text.index(model)
    found = with_venues(text, [Paragraph(0, len(text), lang)], lang,
                        [Mention(start, start + len(model), model, label, source="model")])
    assert [f"{m.text}/{m.label}" for m in found] == [kept]


_COMMON = {"tr": frozenset(["rapor"])}


@pytest.mark.parametrize("case", read_tsv("town_of_body_cases.tsv"), ids=lambda c: c["text"][:30])
def test_towns_named_by_bodies(case):
    from extract.document import Paragraph
    from extract.lexicon import LexiconMatcher
    from extract.stages.ner import towns_named_by_bodies

    text = case["text"]
    found = LexiconMatcher.for_lang(case["lang"]).find(text)
    for m in found:
        m.attrs["lang"] = case["lang"]
    if case["model"]:
        label, surface = case["model"].split(":", 1)
        start = text.rindex(surface)
        found.append(Mention(start, start + len(surface), surface, label, source="model", attrs={"lang": case["lang"]}))
    kept = towns_named_by_bodies(text, found, [Paragraph(0, len(text))], _COMMON)
    assert all(text[m.start:m.end] == m.text for m in kept)
    assert [m.text for m in kept if m.label == "LOC"] == [t for t in case["towns"].split("|") if t]
