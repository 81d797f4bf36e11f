"""Multi-blank fill-ins and code-tracing snippets in the schema, scoring and shuffling."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from quiz.answers import answer_text, encode, is_correct, option_text
from quiz.schema import QUESTION_ADAPTER, BlanksQuestion
from quiz.session import STUDY, QuizRun
from tests.test_quiz_schema import BASE, VALID, errors_of

BLANKS = {**BASE, "type": "blanks", "text": "出力は（ア）で、最大の傾きは（イ）。",
          "blanks": ["ア", "イ"],
          "options": [["(0, 1)", "0.25"], ["(0, 1)", "0.5"], ["(-1, 1)", "0.25"],
                      ["(-1, 1)", "1"]],
          "answer": ["(0, 1)", "0.25"]}
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def issues(**change) -> list[str]:
    return [i[0] for i in BlanksQuestion.model_validate({**BLANKS, **change}).rule_issues()]


def test_a_valid_blanks_question_has_no_issues():
    assert QUESTION_ADAPTER.validate_python(BLANKS).rule_issues() == []


@pytest.mark.parametrize(("change", "expected"), [
    ({"text": "出力は（ア）で、最大の傾きは（ウ）。"}, ["text", "blanks[1]"]),
    ({"blanks": ["ア", "イ", "ウ"],
      "options": [o + ["x"] for o in BLANKS["options"]], "answer": ["(0, 1)", "0.25", "x"]},
     ["blanks[2]"]),
    ({"options": [["(0, 1)", "0.25"], ["(0, 1)"], ["(-1, 1)", "0.25"], ["a", "b"]]},
     ["options[1]"]),
    ({"options": [["(0, 1)", "0.25"]] * 2 + [["a", "b"], ["c", "d"]]}, ["options"]),
    ({"answer": ["(0, 1)", "1"]}, ["answer"]),
    ({"blanks": ["ア", "ア"]}, ["blanks", "text"]),
])
def test_blanks_rules_are_reported_at_the_wrong_field(change, expected):
    assert issues(**change) == expected


@pytest.mark.parametrize(("change", "expected"), [
    ({"blanks": ["ア"]}, ("too_short", ("blanks",))),
    ({"options": BLANKS["options"][:3]}, ("too_short", ("options",))),
    ({"options": "ア"}, ("list_type", ("options",))),
    ({"answer": "(0, 1)"}, ("list_type", ("answer",))),
])
def test_blanks_shape_errors(change, expected):
    assert expected in errors_of({**BLANKS, **change})


def test_code_is_allowed_on_single_only_and_not_blank():
    assert QUESTION_ADAPTER.validate_python({**VALID["single"], "code": "print(1)"}).code
    assert ("blank", ("code",)) in errors_of({**VALID["single"], "code": "  \n"})
    assert ("extra_forbidden", ("code",)) in errors_of({**BLANKS, "code": "print(1)"})


def test_blanks_scored_by_the_whole_tuple_and_shown_with_labels():
    q = QUESTION_ADAPTER.validate_python(BLANKS)
    assert is_correct(q, ("(0, 1)", "0.25"))
    assert not is_correct(q, ("(0, 1)", "0.5"))
    assert not is_correct(q, ("0.25", "(0, 1)"))
    assert not is_correct(q, "(0, 1)")
    assert not is_correct(q, None)
    assert option_text(q, ("(0, 1)", "0.5")) == "（ア） (0, 1)　（イ） 0.5"
    assert answer_text(q.answer, q) == "（ア） (0, 1)　（イ） 0.25"
    assert encode(("(0, 1)", "0.5")) == '["(0, 1)", "0.5"]'


def test_blanks_options_are_shuffled_as_whole_rows():
    q = QUESTION_ADAPTER.validate_python(BLANKS)
    orders = set()
    for seed in range(20):
        run = QuizRun.start([q], STUDY, np.random.default_rng(seed))
        options = run.items[0].options
        assert sorted(options) == sorted(tuple(o) for o in q.options)
        orders.add(options)
        assert run.answer(q, options[[list(o) for o in options].index(q.answer)], NOW).correct
    assert len(orders) > 5


def test_code_tracing_options_show_as_code():
    q = QUESTION_ADAPTER.validate_python({**VALID["single"], "code": "print('b')"})
    assert option_text(q, "[0.5 0.5]") == "`[0.5 0.5]`"
    assert answer_text(q.answer, q) == "`b`"
    assert option_text(QUESTION_ADAPTER.validate_python(VALID["single"]), "b") == "b"
