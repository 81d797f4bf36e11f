"""A recorded answer in words, as a learner reads it in the review list, the study record
and an Anki card: a graph answer is its letter and what the figure shows (never JSON), a
blanks answer 「（ア） x　（イ） y」, a multiple-select its options, a number the number,
true/false 正しい/誤り.

A multiple-select answer is a list, one option a line (LIST_SEP).

Graph letters are those of the bank's option order (A–D): the order a run shuffled them in
is not recorded, so the review list shows the figures in that same order."""

from __future__ import annotations

import json
from dataclasses import dataclass

from pydantic import TypeAdapter, ValidationError

from .answers import LETTERS, Given, answer_text, option_text
from .figures import Figure, describe
from .schema import (
    BlanksQuestion,
    GraphQuestion,
    MultipleQuestion,
    NumericQuestion,
    Question,
    SingleQuestion,
    TrueFalseQuestion,
)

_FIGURE: TypeAdapter = TypeAdapter(Figure)
# A multiple-select answer is one option a line: options may hold " / " and "、" themselves.
LIST_SEP = "\n"


@dataclass(frozen=True)
class Words:
    """The UI language's words for what is not in the bank (defaults: Japanese)."""

    true: str = "正しい"
    false: str = "誤り"
    unanswered: str = "未回答"


def decode(question: Question, text: str) -> Given:
    """The stored answer (JSON text, quiz/answers.encode) as the quiz gave it; None when
    unanswered or when it no longer fits the question (a bank changed since)."""
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if isinstance(question, TrueFalseQuestion):
        return value if isinstance(value, bool) else None
    if isinstance(question, NumericQuestion):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return float(value) if ok else None
    if isinstance(question, GraphQuestion):
        try:
            return _FIGURE.validate_python(value)
        except ValidationError:
            return None
    if isinstance(question, SingleQuestion):
        return value if isinstance(value, str) else None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(value)  # multiple, blanks
    return None


def given_words(question: Question, given: Given, words: Words = Words()) -> str:
    """A given answer (or the key) in words."""
    if given is None or given == ():
        return words.unanswered
    if isinstance(given, bool):
        return words.true if given else words.false
    if isinstance(question, GraphQuestion):
        text = describe(given)
        return (f"{LETTERS[question.options.index(given)]}: {text}"
                if given in question.options else text)
    if isinstance(question, BlanksQuestion):
        if len(given) != len(question.blanks):
            return " / ".join(given)
        return option_text(question, list(given))
    if isinstance(question, MultipleQuestion):
        given = (given,) if isinstance(given, str) else given  # one option
        # in the bank's option order, whatever order they were ticked in
        chosen = set(given)
        return LIST_SEP.join([o for o in question.options if o in chosen]
                          + [o for o in given if o not in question.options])
    return answer_text(given, question)


def stored_words(question: Question, text: str, words: Words = Words()) -> str:
    """A stored answer (JSON text) in words; what cannot be read is shown as it was kept."""
    given = decode(question, text)
    if given is None and text:
        return text
    return given_words(question, given, words)


def key_words(question: Question, words: Words = Words()) -> str:
    return given_words(question, question.answer, words)


def plain_first_line(text: str) -> str:
    """The first line of prose of a question's text (Markdown and LaTeX as written)."""
    for line in text.strip().splitlines():
        if line.strip() and not line.lstrip().startswith(("```", "~~~")):
            return line.strip()
    return ""
