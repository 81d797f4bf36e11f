"""Every question of every bank, answered right and wrong as the quiz records it (JSON in
the history), read back in words: never JSON, each type as a learner reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz.answer_words import (
    Words,
    decode,
    key_words,
    plain_first_line,
    reading_order,
    stored_words,
)
from quiz.answers import encode, is_correct
from quiz.loader import load_paths
from quiz.schema import (
    BlanksQuestion,
    GraphQuestion,
    MultipleQuestion,
    NumericQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from tests.quiz_helpers import wrong_answer

BANK = load_paths([Path(__file__).parents[1] / "quiz_data"])
QUESTIONS = BANK.questions


def _right(q):
    if isinstance(q, MultipleQuestion):
        return tuple(reversed(q.answer))  # ticked in any order
    return tuple(q.answer) if isinstance(q, BlanksQuestion) else q.answer


def _json(text):
    try:
        return json.loads(text)
    except ValueError:
        return None


def _check(q, given, text):
    assert not isinstance(_json(text), dict | list), text  # never JSON
    if isinstance(q, TrueFalseQuestion):
        assert text == ("正しい" if given else "誤り")
    elif isinstance(q, NumericQuestion):
        assert float(text) == pytest.approx(given, rel=1e-5)
    elif isinstance(q, MultipleQuestion):
        assert sorted(text.split("\n")) == sorted(given)
    elif isinstance(q, BlanksQuestion):
        at = -1
        for label, value in zip(q.blanks, given, strict=True):
            at = text.index(f"（{label}） {value}", at + 1)  # each blank, in order
    elif isinstance(q, GraphQuestion):
        letter = "ABCD"[reading_order(q).index(given)]
        assert text.startswith(f"{letter}: ") and len(text) > 5
    else:
        assert isinstance(q, SingleQuestion)
        assert text in (given, f"`{given}`")


@pytest.mark.parametrize("q", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_every_question_right_and_wrong_in_words(q):
    for given, right in ((_right(q), True), (wrong_answer(q), False)):
        assert is_correct(q, given) is right
        stored = encode(given)
        assert decode(q, stored) is not None
        text = stored_words(q, stored)
        _check(q, given, text)
    assert stored_words(q, encode(_right(q))) == key_words(q)


def test_every_type_is_in_the_bank():
    assert {q.type for q in QUESTIONS} == {"single", "multiple", "numeric", "truefalse",
                                           "blanks", "graph"}


def test_graph_answers_differ_per_figure_and_say_the_letter():
    q = next(q for q in QUESTIONS if isinstance(q, GraphQuestion))
    texts = [stored_words(q, encode(o)) for o in reading_order(q)]
    assert [t[0] for t in texts] == list("ABCD") and len(set(texts)) == 4


def test_the_reading_order_is_fixed_and_does_not_put_keys_first():
    """The banks list every graph and blanks key first: read in bank order, the key would
    always be A."""
    positions = []
    for q in QUESTIONS:
        order = reading_order(q)
        assert order == reading_order(q)  # the same every time (and in every process)
        if isinstance(q, GraphQuestion | BlanksQuestion):
            options = [tuple(o) if isinstance(q, BlanksQuestion) else o for o in q.options]
            assert sorted(map(options.index, order)) == [0, 1, 2, 3]
            key = tuple(q.answer) if isinstance(q, BlanksQuestion) else q.answer
            positions.append(order.index(key))
    assert set(positions) == {0, 1, 2, 3}


def test_unanswered_unreadable_and_english_words():
    tf = next(q for q in QUESTIONS if isinstance(q, TrueFalseQuestion))
    en = Words("True", "False", "not answered")
    assert stored_words(tf, "", en) == "not answered"
    assert stored_words(tf, encode(True), en) == "True"
    assert stored_words(tf, "not json") == "not json"  # shown as it was kept, not lost
    numeric = next(q for q in QUESTIONS if isinstance(q, NumericQuestion))
    assert decode(numeric, "true") is None and decode(numeric, '"1"') is None
    blanks = next(q for q in QUESTIONS if isinstance(q, BlanksQuestion))
    assert stored_words(blanks, '["x"]') == "x"  # a row of another length: its values


def test_first_line_skips_code_fences():
    assert plain_first_line("\n```python\n```\n次の出力は？ $a<b$\n") == "次の出力は？ $a<b$"
    assert plain_first_line("  ReLU の $h(x)$ は？\n\n2行目") == "ReLU の $h(x)$ は？"
    # a sentence that goes on into a formula is marked as cut (op-momentum-pytorch-form's
    # stem was listed as 「…バッファ b（最初は 0）を使って」, stopping mid-sentence)
    assert plain_first_line("b を使って\n$$v = \\mu v$$\nと更新する。") == "b を使って…"
    assert plain_first_line("b を使って") == "b を使って"  # nothing follows
