"""Tests of the NER training package: tag mapping, readers, conversion, and a tiny end-to-end training run."""
from __future__ import annotations

import gzip
from collections import Counter
import json
import shutil
import tomllib
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from extract.config import corpora_dir
from extract.document import LABELS
from extract.training.card import read_card, write_card
from extract.training.convert import (chardoc_to_doc, in_carved_share, retokenized_sentence_doc, sentence_to_doc,
                                      training_nlp)
from extract.training.readers import CharDocument, CharEntity, TaggedSentence, read_conll
from extract.training.recipes import Recipe, available_langs, load_corpora, load_recipe
from extract.training.train import beats_installed, run_spacy_train

DATA = Path(__file__).parent / "data" / "training"
TAGMAP_CASES = tomllib.loads((DATA / "tagmap_cases.toml").read_text(encoding="utf-8"))["case"]
SLAVIC_CASES = tomllib.loads((DATA / "slavicner_cases.toml").read_text(encoding="utf-8"))["case"]
CONLL_EXPECTED = tomllib.loads((DATA / "conll_expected.toml").read_text(encoding="utf-8"))["sentence"]
CORPORA = load_corpora()


@pytest.mark.parametrize("case", TAGMAP_CASES, ids=[c["name"] for c in TAGMAP_CASES])
def test_tag_mapping(case):
    tagmap = CORPORA[case["corpus"]].tagmap
    if case.get("error"):
        with pytest.raises(KeyError):
            tagmap.map_iob(case["words"], case["tags"])
    else:
        assert tagmap.map_iob(case["words"], case["tags"]) == case["expected"]


def test_every_corpus_maps_only_to_project_labels():
    for corpus in CORPORA.values():
        assert set(corpus.tagmap.tags.values()) <= set(LABELS) | {""}, corpus.name


@pytest.mark.parametrize("gzipped", [False, True])
def test_read_conll(tmp_path, gzipped):
    path = DATA / "sample.conll"
    if gzipped:
        path = tmp_path / "sample.conll.gz"
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write((DATA / "sample.conll").read_text(encoding="utf-8"))
    sentences = list(read_conll(path))
    assert [(s.words, s.tags) for s in sentences] == [(e["words"], e["tags"]) for e in CONLL_EXPECTED]


def test_sentence_doc_keeps_tokens_with_spaces():
    nlp = spacy.blank("de")
    sentence = TaggedSentence(CONLL_EXPECTED[0]["words"], CONLL_EXPECTED[0]["tags"])
    doc = sentence_to_doc(nlp.vocab, sentence, CORPORA["panx"].tagmap)
    assert doc.text == " ".join(sentence.words)
    assert [(e.text, e.label_) for e in doc.ents] == [("Stadt Wien", "ORG")]


@pytest.mark.parametrize("case", SLAVIC_CASES, ids=[c["name"] for c in SLAVIC_CASES])
def test_slavicner_char_offsets(case):
    nlp = spacy.blank(case["lang"])
    document = CharDocument("test", case["lang"], case["text"],
                            [CharEntity(s, e, label) for s, e, label in case["entities"]])
    doc, missing = chardoc_to_doc(nlp, document, CORPORA["slavicner"].tagmap)
    assert [[e.text, e.label_] for e in doc.ents] == case["expected"]
    assert missing == case["missing"]
    for ent in doc.ents:
        assert case["text"][ent.start_char:ent.end_char] == ent.text


def test_carved_share_is_deterministic_and_close_to_the_share():
    keys = [f"doc-{i}" for i in range(4000)]
    first = [in_carved_share(k, 0.1) for k in keys]
    assert first == [in_carved_share(k, 0.1) for k in keys]
    assert 0.08 < sum(first) / len(keys) < 0.12


def test_recipes_load_and_name_known_corpora():
    langs = available_langs()
    assert langs[:4] == ["tr", "el", "bg", "sv"]
    for lang in langs:
        recipe = load_recipe(lang)
        assert recipe.sources or recipe.mix_langs
        assert all(mix in langs for mix in recipe.mix_langs)


def test_model_replaced_only_when_dev_f1_improves(tmp_path):
    target = tmp_path / "tr"
    assert beats_installed(10.0, target)  # nothing installed yet
    target.mkdir()
    (target / "config.cfg").write_text("")
    card = json.loads((DATA / "card_min.json").read_text(encoding="utf-8"))
    (target / "card.json").write_text(json.dumps(card), encoding="utf-8")
    assert read_card(target)["dev"]["f"] == card["dev"]["f"]
    assert not beats_installed(card["dev"]["f"], target)
    assert beats_installed(card["dev"]["f"] + 0.1, target)


def test_card_markdown_has_scores_and_licences(tmp_path):
    card = json.loads((DATA / "card_min.json").read_text(encoding="utf-8"))
    write_card(tmp_path, card)
    text = (tmp_path / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert card["corpora"][0]["licence"] in text
    assert f"{card['dev']['f']:.1f}" in text


@pytest.mark.skipif(not (corpora_dir() / "ner" / "tr_turkish-wiki-ner").exists(),
                    reason=f"NER corpora not found under CORPORA_DIR={corpora_dir()}")
def test_smoke_train_tiny_model(tmp_path):
    """Convert 50 sentences, train a few steps with the committed config, load and predict."""
    corpus = CORPORA["turkish_wiki_ner"]
    nlp = spacy.blank("tr")
    sentences = []
    for sentence in read_conll(corpus.path("tr", "train")):
        if any(tag != "O" for tag in sentence.tags):
            sentences.append(sentence)
        if len(sentences) == 50:
            break
    docs = [sentence_to_doc(nlp.vocab, s, corpus.tagmap) for s in sentences]
    data = tmp_path / "data"
    data.mkdir()
    DocBin(docs=docs).to_disk(data / "train.spacy")
    DocBin(docs=docs[:10]).to_disk(data / "dev.spacy")
    overrides = {"training.max_steps": 120, "training.eval_frequency": 40,
                 "components.tok2vec.model.embed.rows": "[500,100,200,50]"}
    info = run_spacy_train(Recipe("tr", "tr"), data, tmp_path / "out", overrides, time_budget_s=0)
    assert info["steps"] == 120
    model = spacy.load(tmp_path / "out" / "model-best")
    assert set(model.get_pipe("ner").labels) <= set(LABELS)
    predicted = [ent for doc in model.pipe(d.text for d in docs) for ent in doc.ents]
    assert predicted, "a model trained on these sentences should find some of their entities"
    assert {ent.label_ for ent in predicted} <= set(LABELS)
    shutil.rmtree(tmp_path / "out")


RETOKENIZE_CASES = tomllib.loads((DATA / "retokenize_cases.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", RETOKENIZE_CASES, ids=[c["name"] for c in RETOKENIZE_CASES])
def test_retokenized_sentence_trims_split_suffixes(case):
    suffixes = tuple(case["suffixes"])
    nlp = training_nlp(case["lang"], suffixes)
    doc = retokenized_sentence_doc(nlp, TaggedSentence(case["words"], case["tags"]),
                                   CORPORA[case["corpus"]].tagmap, suffixes)
    assert [[e.text, e.label_] for e in doc.ents] == case["expected"]
    assert doc.text == " ".join(case["words"])


def test_sweep_variant_changes_only_the_panx_share():
    from extract.training.recipes import load_recipe
    from extract.training.sweep import run_overrides, variant_recipe

    none = variant_recipe("tr", 0)
    assert [s.corpus.name for s in none.sources] == ["turkish_wiki_ner"]
    more = variant_recipe("tr", 20000)
    assert {s.corpus.name: s.train_limit for s in more.sources} == {"turkish_wiki_ner": 0, "panx": 20000}
    assert variant_recipe("tr", None) == load_recipe("tr")
    overrides = run_overrides(none, {"training.dropout": 0.3})
    assert overrides["training.dropout"] == 0.3
    assert overrides["corpora.train.gold_preproc"] == "true"  # Turkish trains on its own tokenization


def test_given_names_open_full_names_and_stand_mostly_inside_them():
    import spacy
    from spacy.tokens import Span

    from extract.training.given_names import count_names, given_names

    nlp = spacy.blank("en")
    docs = []
    for words, person in [("Karin Falk spoke", (0, 2)), ("Karin Ek spoke", (0, 2)), ("Paris Hilton spoke", (0, 2)),
                          ("Paris Berg spoke", (0, 2)), ("In Paris today", None), ("Off to Paris now", None),
                          ("Karin spoke", (0, 1)), ("Lund Berg spoke", (0, 2))]:
        doc = nlp(words)
        doc.ents = [Span(doc, *person, label="PER")] if person else []
        docs.append(doc)
    counts = Counter(), Counter(), Counter()
    count_names(docs, *counts)
    # Karin opens two full names and stands in names 3 times of 3; Paris opens two but stands in names 2 of 4;
    # Lund opens only one
    assert set(given_names(*counts)) == {"Karin"}


def test_common_words_are_written_in_lower_case_and_rarely_in_names():
    import spacy
    from spacy.tokens import Span

    from extract.training.common_words import common_words, count_words

    nlp = spacy.blank("tr")
    docs = []
    for words, name in [("Rapor yayımlandı", None), ("Yeni rapor hazır", None), ("Bu rapor güzel", None),
                        ("Kaplan konuştu", (0, 1)), ("Ali Kaplan geldi", (0, 2)), ("Bir kaplan gördük", None),
                        ("Orada kaplan var", None), ("Üyeler geldi", None), ("Yeni üyeler var", None)]:
        doc = nlp(words)
        doc.ents = [Span(doc, *name, label="PER")] if name else []
        docs.append(doc)
    counts = Counter(), Counter(), Counter()
    count_words(docs, *counts)
    # `rapor` twice in lower case and never in a name; `kaplan` twice in lower case but inside a name each
    # time it has a capital; `üyeler` once in lower case only (compared without accents: `uyeler`)
    found = common_words(*counts)
    assert "rapor" in found and "kaplan" not in found and "uyeler" not in found
