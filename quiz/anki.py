"""Questions as an Anki deck (.apkg, with ``genanki``): the front is the question with its
snippet, figures (PNG in the package's media) and options lettered A–D; the back is the key
and the explanation. It opens in Anki, AnkiDroid and AnkiMobile.

Bank text is Markdown with LaTeX in ``$…$`` / ``$$…$$``; Anki renders HTML and MathJax in
``\\(…\\)`` / ``\\[…\\]``. The maths is set aside, the rest rendered by markdown-it (raw HTML
escaped, never passed through), then the maths put back with Anki's delimiters.

Options are in the reading order of quiz/answer_words.py (fixed per question, so a new
export matches the old cards, and the letters match the review list and the study record)."""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import json
import sqlite3
import tempfile
import time
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import genanki
from markdown_it import MarkdownIt

from plots.figure_png import figure_png
from plots.quiz_figures import make_question_figure

from .answer_words import Words, given_words, reading_order
from .figures import describe
from .markdown import _KEEP
from .schema import GraphQuestion, MultipleQuestion, Question
from .themes import theme_name

# Fixed ids: Anki matches a re-imported note type and deck by them (random once, never change).
MODEL_ID = 1_734_055_201
DECK_BASE_ID = 1_734_055_300
# No text or background colour: Anki's and AnkiDroid's night modes then apply their own.
CSS = """.card { font-family: sans-serif; font-size: 18px; text-align: left; line-height: 1.6; }
.meta { opacity: 0.7; font-size: 14px; }
img { max-width: 100%; height: auto; }
.figures { display: flex; flex-wrap: wrap; gap: 8px; }
.figures figure { margin: 0; flex: 1 1 240px; }
ol.options { padding-left: 1.8em; }
pre { background: rgba(127, 127, 127, 0.15); padding: 8px; overflow-x: auto; font-size: 15px; }
"""
MODEL = genanki.Model(
    MODEL_ID, "Activation Lab question",
    fields=[{"name": "Front"}, {"name": "Back"}],
    templates=[{"name": "Card 1", "qfmt": "{{Front}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}],
    css=CSS)
JAPANESE = Words()
LETTERS = "ABCDEF"  # a multiple-select has up to six options
_MD = MarkdownIt("commonmark", {"html": False})
_MATH = "\ue000{}\ue001"  # a placeholder Markdown leaves alone (private-use characters)


@dataclass(frozen=True)
class CardText:
    """The UI language's words on the cards (defaults: Japanese)."""

    lang: str = "ja"
    key: str = "正解"
    explanation: str = "解説"
    words: Words = JAPANESE


def _math(src: str) -> str:
    """``$…$`` -> ``\\(…\\)`` and ``$$…$$`` -> ``\\[…\\]``, HTML-escaped for the field."""
    if src.startswith("$$"):
        return "\\[" + html.escape(src[2:-2], quote=False) + "\\]"
    return "\\(" + html.escape(src[1:-1], quote=False) + "\\)"


def to_html(text: str, inline: bool = False) -> str:
    """Bank Markdown as card HTML, with MathJax delimiters Anki renders."""
    maths: list[str] = []

    def keep(match) -> str:
        if not match.group(0).startswith("$"):
            return match.group(0)  # code: Markdown shows it as written
        maths.append(_math(match.group(0)))
        return _MATH.format(len(maths) - 1)

    out = (_MD.renderInline if inline else _MD.render)(_KEEP.sub(keep, text))
    for i, math in enumerate(maths):
        out = out.replace(_MATH.format(i), math)
    return out.strip()


@lru_cache(maxsize=512)
def _png(kind: type, spec_json: str, label: str | None) -> bytes:
    return figure_png(make_question_figure(kind.model_validate_json(spec_json), label))


def _media(fig, label: str | None, media: dict[str, bytes]) -> str:
    """The <img> of a figure, its PNG added to ``media`` under a name from its content."""
    png = _png(type(fig), fig.model_dump_json(), label)
    name = f"actlab-{hashlib.sha256(png).hexdigest()[:20]}.png"
    media[name] = png
    alt = f"{label}" if label else ""
    return f'<img src="{name}" alt="{html.escape(alt)}">'


def _option_words(question: Question, option, words: Words = JAPANESE) -> str:
    """One option in words; a graph option says what its figure shows."""
    if isinstance(question, GraphQuestion):
        return describe(option)
    return given_words(question, option, words)


def front(question: Question, text: CardText, media: dict[str, bytes]) -> str:
    parts = [f'<div class="meta">{html.escape(theme_name(question.theme, text.lang))}</div>',
             to_html(question.text)]
    code = getattr(question, "code", None)
    if code:
        parts.append(f"<pre><code>{html.escape(code.rstrip())}</code></pre>")
    if getattr(question, "figure", None) is not None:
        parts.append(_media(question.figure, None, media))
    options = reading_order(question)
    if isinstance(question, GraphQuestion):
        parts.append('<div class="figures">' + "".join(
            f"<figure>{_media(o, LETTERS[k], media)}</figure>" for k, o in enumerate(options))
            + "</div>")
    elif options:
        items = "".join(f"<li>{to_html(_option_words(question, o), True)}</li>"
                        for o in options)
        parts.append(f'<ol class="options" type="A">{items}</ol>')
    return "\n".join(parts)


def key_html(question: Question, text: CardText) -> str:
    """The key as the card shows it: the letters of the key options and what they say."""
    options = reading_order(question)
    if not options:
        return to_html(given_words(question, question.answer, text.words), inline=True)
    keys = (question.answer if isinstance(question, MultipleQuestion)
            else [tuple(question.answer) if isinstance(question.answer, list)
                  else question.answer])
    lines = [f"{LETTERS[k]}: "
             f"{to_html(_option_words(question, o, text.words), True)}"
             for k, o in enumerate(options) if o in keys]
    return "<br>".join(lines)


def back(question: Question, text: CardText) -> str:
    return (f"<p><b>{html.escape(text.key)}</b>: {key_html(question, text)}</p>\n"
            f"<p><b>{html.escape(text.explanation)}</b></p>\n{to_html(question.explanation)}")


def deck_id(name: str) -> int:
    return DECK_BASE_ID + int(hashlib.sha256(name.encode()).hexdigest()[:12], 16) % 10**9


def build_apkg(questions: list[Question], deck_name: str, text: CardText = CardText(),
               timestamp: float | None = None) -> bytes:
    """The .apkg of these questions, one card each, as bytes."""
    deck = genanki.Deck(deck_id(deck_name), deck_name)
    media: dict[str, bytes] = {}
    for q in questions:
        deck.add_note(genanki.Note(MODEL, [front(q, text, media), back(q, text)],
                                   guid=genanki.guid_for("activation-lab", q.id),
                                   tags=[q.theme]))
    return _package(genanki.Package(deck), media, time.time() if timestamp is None else timestamp)


def _package(package: genanki.Package, media: dict[str, bytes], timestamp: float) -> bytes:
    """What genanki's write_to_file does, in memory: it needs media as files on disk and
    leaves its temporary collection behind."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(path)
        try:
            package.write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            conn.commit()
        finally:
            conn.close()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(path, "collection.anki2")
            names = sorted(media)
            z.writestr("media", json.dumps({str(i): n for i, n in enumerate(names)}))
            for i, name in enumerate(names):
                z.writestr(str(i), media[name])
    return out.getvalue()
