"""The Anki deck of the whole bank, opened as Anki opens it (a zip of an SQLite collection
and numbered media files): one card per question, the question on the front with its
figures as PNGs, the key and the explanation on the back, maths in MathJax delimiters."""

from __future__ import annotations

import html
import io
import json
import re
import sqlite3
import warnings
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from plots import figure_png as png_module
from plots.quiz_figures import make_question_figure
from quiz.anki import build_apkg, to_html
from quiz.answer_words import reading_order
from quiz.loader import load_paths
from quiz.schema import (
    BlanksQuestion,
    GraphQuestion,
    MultipleQuestion,
    NumericQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)

BANK = load_paths([Path(__file__).parents[1] / "quiz_data"])
QUESTIONS = list(BANK.questions)
DECK = "E資格ラボ::テスト"
_PROSE = re.compile(r"[぀-ヿ一-鿿]{4,}")  # a run of kana and kanji: plain prose
_IMG = re.compile(r'<img src="([^"]+)"')
_CODE = re.compile(r"<pre>.*?</pre>|<code>.*?</code>", re.S)


@pytest.fixture(scope="module")
def apkg(tmp_path_factory):
    data = build_apkg(QUESTIONS, DECK, timestamp=1_700_000_000)
    path = tmp_path_factory.mktemp("anki") / "deck.apkg"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as z:
        names = json.loads(z.read("media"))
        media = {name: z.read(index) for index, name in names.items()}
        (path.parent / "collection.anki2").write_bytes(z.read("collection.anki2"))
    conn = sqlite3.connect(path.parent / "collection.anki2")
    notes = {guid: flds.split("\x1f") for guid, flds in conn.execute("SELECT guid, flds FROM notes")}
    cards = conn.execute("SELECT count(*) FROM cards").fetchone()[0]
    decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
    conn.close()
    return notes, cards, decks, media


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def _note(apkg, q):
    import genanki
    return apkg[0][genanki.guid_for("activation-lab", q.id)]


def test_one_card_per_question_in_the_named_deck(apkg):
    notes, cards, decks, _ = apkg
    assert len(notes) == cards == len(QUESTIONS)
    assert DECK in {d["name"] for d in decks.values()}


@pytest.mark.parametrize("q", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_front_question_back_key_and_explanation(apkg, q):
    front, back = _note(apkg, q)
    for run in _PROSE.findall(q.text)[:3]:
        assert run in _text(front)
    for run in _PROSE.findall(q.explanation)[:3]:
        assert run in _text(back)
    key_part = _text(back.split("</p>")[0])
    if isinstance(q, TrueFalseQuestion):
        assert ("正しい" if q.answer else "誤り") in key_part
    elif isinstance(q, NumericQuestion):
        assert f"{q.answer:g}" in key_part
    else:
        # the key's letters are the letters of the key options in the card's order
        options = reading_order(q)
        keys = q.answer if isinstance(q, MultipleQuestion) else [
            tuple(q.answer) if isinstance(q, BlanksQuestion) else q.answer]
        letters = ["ABCDEF"[k] for k, o in enumerate(options) if o in keys]
        assert re.findall(r"(?:^|<br>)([A-F]): ", back.split("</p>")[0].split("</b>: ")[1]) \
            == letters
        if isinstance(q, SingleQuestion | MultipleQuestion):
            for k in keys:
                for run in _PROSE.findall(k)[:1]:
                    assert run in key_part
    if isinstance(q, SingleQuestion | MultipleQuestion | BlanksQuestion):
        assert front.count("<li>") == len(q.options)


@pytest.mark.parametrize("q", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_maths_in_mathjax_delimiters(apkg, q):
    for field, source in zip(_note(apkg, q), (q.text, q.explanation), strict=True):
        prose = _CODE.sub("", field)
        assert "$" not in prose  # every $…$ became \(…\) or \[…\]
        if re.search(r"(?<![\\$`])\$[^$\n]+\$", source.split("```")[0]):
            assert "\\(" in prose or "\\[" in prose


def test_figures_are_png_media(apkg):
    notes, _, _, media = apkg
    for q in QUESTIONS:
        front = _note(apkg, q)[0]
        images = _IMG.findall(front)
        expected = (4 if isinstance(q, GraphQuestion) else 0) + (
            getattr(q, "figure", None) is not None)
        assert len(images) == expected, q.id
        for name in images:
            data = media[name]
            assert data.startswith(b"\x89PNG\r\n\x1a\n")
            with Image.open(io.BytesIO(data)) as im:
                assert im.format == "PNG" and im.width > 300 and im.height > 200
    used = {n for front, _ in notes.values() for n in _IMG.findall(front)}
    assert used == set(media)  # no media file without a card, none missing


def test_a_new_export_updates_the_same_notes():
    import genanki
    q = QUESTIONS[0]
    data = build_apkg([q], DECK)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        raw = z.read("collection.anki2")
    assert genanki.guid_for("activation-lab", q.id).encode() in raw


def test_markdown_and_html_in_bank_text():
    out = to_html("a $x<1$ and **b** $$\\sum_i x_i$$ `$y$` <script>alert(1)</script>")
    assert "\\(x&lt;1\\)" in out and "\\[\\sum_i x_i\\]" in out
    assert "<strong>b</strong>" in out and "<code>$y$</code>" in out
    assert "<script" not in out and "&lt;script&gt;" in out


def test_without_a_japanese_font_no_glyph_is_missing(monkeypatch):
    """Where no CJK font is installed the figure's Japanese labels are drawn in English,
    never as empty boxes (matplotlib warns for each missing glyph)."""
    monkeypatch.setattr(png_module, "cjk_font", lambda: None)
    figures = {f.kind: f for q in QUESTIONS
               for f in [getattr(q, "figure", None), *getattr(q, "options", [])]
               if hasattr(f, "kind")}
    assert set(figures) >= {"curve", "softmax", "layers", "depth"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for fig in figures.values():
            assert png_module.figure_png(make_question_figure(fig, "A")).startswith(b"\x89PNG")


def test_japanese_labels_in_english_without_a_font():
    assert png_module._text("クラス3", None) == "class 3"
    assert png_module._text("12層目", None) == "layer 12"
    assert png_module._text("<b>層の数</b>", None) == "layers"
    assert png_module._text("クラス3", "Noto Sans CJK JP") == "クラス3"
