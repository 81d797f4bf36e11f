"""The bank schema: each question type's shape, and the rules that span two fields."""

from __future__ import annotations

import math

import pytest
from pydantic import ValidationError

from quiz.schema import QUESTION_ADAPTER, MultipleQuestion, NumericQuestion, SingleQuestion
from quiz.themes import EXAM_THEMES, THEMES

BASE = {"id": "q-1", "theme": "softmax", "functions": ["softmax"], "difficulty": 1,
        "text": "本文", "explanation": "説明"}
VALID = {
    "single": {**BASE, "type": "single", "options": ["a", "b", "c", "d"], "answer": "b"},
    "multiple": {**BASE, "type": "multiple", "options": ["a", "b", "c", "d", "e"],
                 "answer": ["a", "e"]},
    "numeric": {**BASE, "type": "numeric", "answer": 0.25, "tolerance": 0.001},
    "truefalse": {**BASE, "type": "truefalse", "answer": False},
}


def errors_of(data: dict) -> set[tuple[str, tuple]]:
    """(error type, location without the union tag) of every schema error."""
    with pytest.raises(ValidationError) as caught:
        QUESTION_ADAPTER.validate_python(data)
    return {(e["type"], tuple(e["loc"][1:]) if e["loc"] else ()) for e in caught.value.errors()}


@pytest.mark.parametrize("kind", sorted(VALID))
def test_a_valid_question_of_each_type_passes_with_no_rule_issues(kind):
    question = QUESTION_ADAPTER.validate_python(VALID[kind])
    assert question.type == kind
    assert question.rule_issues() == []


def test_themes_are_the_agreed_ten_with_the_exam_four_first():
    assert list(THEMES)[:4] == list(EXAM_THEMES)
    assert set(THEMES) == {"relu_sigmoid", "softmax", "vanishing_gradient", "usage",
                           "formulas", "implementation",
                           "loss", "backprop", "optimizers", "regularization"}


@pytest.mark.parametrize(("kind", "change", "expected"), [
    ("single", {"options": ["a", "b", "c"]}, ("too_short", ("options",))),
    ("single", {"options": ["a", "b", "c", "d", "e"]}, ("too_long", ("options",))),
    ("multiple", {"options": list("abcdefg")}, ("too_long", ("options",))),
    ("multiple", {"answer": []}, ("too_short", ("answer",))),
    ("single", {"options": ["a", "b", "c", 0.5]}, ("string_type", ("options", 3))),
    ("single", {"answer": 0.25}, ("string_type", ("answer",))),
    ("numeric", {"options": ["1", "2", "3", "4"]}, ("extra_forbidden", ("options",))),
    ("truefalse", {"options": ["a", "b", "c", "d"]}, ("extra_forbidden", ("options",))),
    ("single", {"tolerance": 0.1}, ("extra_forbidden", ("tolerance",))),
    ("numeric", {"tolerance": 0}, ("greater_than", ("tolerance",))),
    ("numeric", {"answer": math.nan}, ("not_finite", ("answer",))),
    ("numeric", {"answer": "0.25"}, ("float_type", ("answer",))),
    ("truefalse", {"answer": "yes"}, ("bool_type", ("answer",))),
    ("truefalse", {"text": "   \n"}, ("blank", ("text",))),
    ("truefalse", {"explanation": ""}, ("blank", ("explanation",))),
    ("truefalse", {"id": "Bad Id"}, ("string_pattern_mismatch", ("id",))),
    ("truefalse", {"difficulty": 4}, ("literal_error", ("difficulty",))),
    ("truefalse", {"difficulty": True}, ("literal_error", ("difficulty",))),
    ("truefalse", {"theme": "misc"}, ("literal_error", ("theme",))),
    ("truefalse", {"functions": []}, ("too_short", ("functions",))),
    ("truefalse", {"group": "Softmax 123"}, ("string_pattern_mismatch", ("group",))),
    ("truefalse", {"group": 3}, ("string_type", ("group",))),
])
def test_a_wrong_field_is_reported_at_that_field(kind, change, expected):
    assert expected in errors_of({**VALID[kind], **change})


def test_a_missing_tolerance_and_explanation_are_both_reported():
    data = {k: v for k, v in VALID["numeric"].items() if k not in ("tolerance", "explanation")}
    assert errors_of(data) == {("missing", ("tolerance",)), ("missing", ("explanation",))}


def test_an_unknown_type_is_an_error():
    with pytest.raises(ValidationError) as caught:
        QUESTION_ADAPTER.validate_python({**BASE, "type": "essay", "answer": "x"})
    assert caught.value.errors()[0]["type"] == "union_tag_invalid"


def test_single_answer_must_be_one_of_the_options():
    q = SingleQuestion.model_validate({**VALID["single"], "answer": "z"})
    assert [i[0] for i in q.rule_issues()] == ["answer"]


def test_multiple_answers_each_checked_and_repeats_reported():
    q = MultipleQuestion.model_validate({**VALID["multiple"], "answer": ["a", "z", "a"]})
    assert [i[0] for i in q.rule_issues()] == ["answer[1]", "answer"]


def test_repeated_options_and_functions_are_reported():
    q = SingleQuestion.model_validate({**VALID["single"], "options": ["a", "b", "b", "d"],
                                       "functions": ["relu", "relu"]})
    assert sorted(i[0] for i in q.rule_issues()) == ["functions", "options"]


def test_an_integer_numeric_answer_is_accepted_as_a_number():
    q = NumericQuestion.model_validate({**VALID["numeric"], "answer": 1})
    assert q.answer == 1.0


def test_a_group_is_an_optional_slug():
    assert QUESTION_ADAPTER.validate_python(VALID["single"]).group is None
    assert QUESTION_ADAPTER.validate_python({**VALID["single"], "group": "softmax-123"}).group \
        == "softmax-123"
