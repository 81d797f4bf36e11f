"""A recorded answer in words, as a learner reads it in the review list, the study record
and an Anki card: a graph answer is its letter and what the figure shows (never JSON), a
blanks answer 「（ア） x　（イ） y」, a multiple-select its options, a number the number,
true/false 正しい/誤り.

A multiple-select answer is a list, one option a line (LIST_SEP).

Options are read in one fixed order per question (``reading_order``): the order a run
shuffled them in is not recorded, and the banks list some keys first. The review list, the
study record and the Anki cards all letter them so, and a graph answer's letter is that."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import numpy as np
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
from .session import shuffled_options

_FIGURE: TypeAdapter = TypeAdapter(Figure)
# A multiple-select answer is one option a line: options may hold " / " and "、" themselves.
LIST_SEP = "\n"


@dataclass(frozen=True)
class Words:
    """The UI language's words for what is not in the bank (defaults: Japanese)."""

    true: str = "正しい"
    false: str = "誤り"
    unanswered: str = "未回答"


def reading_order(question: Question) -> tuple:
    """The options in a fixed shuffled order (seeded by the question's id), () without."""
    seed = int.from_bytes(hashlib.sha256(question.id.encode()).digest()[:8], "big")
    return shuffled_options(question, np.random.default_rng(seed))


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


def given_words(question: Question, given: Given, words: Words = Words(),
                letters: bool = True) -> str:
    """A given answer (or the key) in words; ``letters=False``: a graph answer without its
    letter, for a record that shows no figures (a letter there would name nothing)."""
    if given is None or given == ():
        return words.unanswered
    if isinstance(given, bool):
        return words.true if given else words.false
    if isinstance(question, GraphQuestion):
        order, text = reading_order(question), describe(given)
        if not letters or given not in order:
            return text
        return f"{LETTERS[order.index(given)]}: {text}"
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


def stored_words(question: Question, text: str, words: Words = Words(),
                 letters: bool = True) -> str:
    """A stored answer (JSON text) in words; what cannot be read is shown as it was kept."""
    given = decode(question, text)
    if given is None and text:
        return text
    return given_words(question, given, words, letters)


def key_words(question: Question, words: Words = Words(), letters: bool = True) -> str:
    return given_words(question, question.answer, words, letters)


_ENDS = tuple("。．.？?！!：:）)」")


def plain_first_line(text: str) -> str:
    """The first line of prose of a question's text (Markdown and LaTeX as written), with
    「…」 when its sentence goes on past it (into a formula, a list, a code block)."""
    lines = [line.strip() for line in text.strip().splitlines()]
    for i, line in enumerate(lines):
        if line and not line.startswith(("```", "~~~")):
            more = any(rest for rest in lines[i + 1:])
            return f"{line}…" if more and not line.endswith(_ENDS) else line
    return ""
