"""Input stage: discovery, decoding and a clear status for every kind of bad input."""
from __future__ import annotations

import os

import pytest

from conftest import read_tsv
from extract.reader import InputFile, declared_language, decode_bytes, discover, read_document

RUSSIAN = ("Конференция прошла в Москве, где представители городов обсуждали вопросы интеграции мигрантов "
           "и обменивались опытом работы с местными властями и общественными организациями.")


def make(kind: str, folder):
    path = folder / f"{kind}.txt"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "blank":
        path.write_text("  \n\n\t\n", encoding="utf-8")
    elif kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    elif kind == "undecodable":
        path.write_bytes(bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x98]) * 200)
    elif kind == "huge":
        with path.open("wb") as fh:  # 50 MB, sparse: the size check must come before reading
            fh.truncate(50_000_000)
    elif kind == "pdf":
        path = folder / "report.pdf"
        path.write_bytes(b"%PDF-1.7\n")
    elif kind == "dangling":
        os.symlink(folder / "missing.txt", path)
    elif kind == "folder_named_txt":
        path.mkdir()
    elif kind == "russian":
        path.write_text(RUSSIAN, encoding="utf-8")
    elif kind == "html_empty":
        path = folder / "page.html"
        path.write_text("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")
    return path


@pytest.mark.parametrize("case", read_tsv("reader_cases.tsv"), ids=lambda c: c["name"])
def test_bad_input_gets_status_and_clear_error(case, tmp_path, pipeline):
    path = make(case["maker"], tmp_path)
    doc = pipeline.process_item(InputFile(path, path.stem))
    assert doc.status == case["status"], doc.error
    assert case["error"] in (doc.error or "")
    if doc.status != "ok":
        assert doc.error


@pytest.mark.parametrize("case", read_tsv("encoding_cases.tsv"), ids=lambda c: c["encoding"])
def test_encodings_decode_to_the_same_text(case):
    data = case["text"].encode(case["encoding"])
    text, _ = decode_bytes(data)
    assert text == case["text"]


def test_bom_is_removed_and_offsets_refer_to_decoded_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfAthens")
    doc = read_document(InputFile(path, "a"), 10_000)
    assert doc.text == "Athens" and doc.encoding == "utf-8"


def test_html_main_text_and_metadata_date(tmp_path):
    path = tmp_path / "news.html"
    body = " ".join(["The Intercultural Cities network met in Lisbon to discuss integration policies."] * 5)
    path.write_text(f"<html><head><meta property='article:published_time' content='2021-03-04'></head>"
                    f"<body><nav>Home | About</nav><article><h1>Lisbon meeting</h1><p>{body}</p></article>"
                    f"<footer>Cookies</footer></body></html>", encoding="utf-8")
    doc = read_document(InputFile(path, "news"), 10_000_000)
    assert doc.ok and doc.source_format == "html"
    assert "Intercultural Cities network met in Lisbon" in doc.text
    assert "Cookies" not in doc.text
    assert doc.doc_date == "2021-03-04" and doc.doc_date_source == "metadata"


def test_discover_recursive_unique_ids_and_symlink_loop(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("x")
    (tmp_path / "a" / "b" / "x.html").write_text("<p>x</p>")
    (tmp_path / "a" / "y.md").write_text("y")
    (tmp_path / "a" / "y.ann").write_text("T1\tLOC 0 1\ty")
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "loop")  # a folder loop
    items = discover([tmp_path])
    ids = [i.doc_id for i in items]
    assert len(ids) == len(set(ids))
    assert "a/b/x" in ids and "a/b/x.txt" in ids or "a/b/x.html" in ids
    assert "a/y" in ids
    assert not any(i.path.suffix == ".ann" for i in items)
    assert len(items) == 3


def test_symlink_file_loop_is_an_error_row(tmp_path, pipeline):
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    items = discover([tmp_path])
    docs = [pipeline.process_item(i) for i in items]
    assert [d.status for d in docs] == ["error", "error"]
    assert all("cannot read" in d.error for d in docs)


@pytest.mark.parametrize("head,lang", [
    ('<html lang="sv-SE"><head>', "sv"),
    ("<html class='no-js' LANG='el'>", "el"),
    ('<html><head><meta http-equiv="Content-Language" content="bg"></head>', "bg"),
    ("<html><head><title>lang=de</title></head>", None),
])
def test_declared_language_of_a_page(head, lang):
    assert declared_language(head + "<body><p>x</p></body></html>") == lang
