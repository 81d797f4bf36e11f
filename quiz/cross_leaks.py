"""Keys shown by another question: what one question prints that answers another.

A run draws several questions, so a key written in one question's text, code or figure, or
revealed as its own key once it is answered, answers another question of the same run.
``cross_leaks`` finds them; two questions with the same ``group`` never meet in one run
(quiz/session.py ``draw``), so a key shown within a group is accepted. Distractors are not
searched (one of four tells nothing), nor explanations (they come with the feedback and
restate the facts on purpose; the mock exam shows none before its end).

What counts as a key here, so that the check finds leaks and not coincidences:

- a number (a numeric key, or a choice that is a number), not a whole number (0, 1, 2 are
  everywhere), found printed within the key's tolerance in a question about one of the
  same functions (0.25 in a sigmoid question says nothing about softmax's 1/4);
- a formula or a line of code (a choice or a blank with code quotes, LaTeX, digits,
  operators or brackets, at least ``MIN_FORMULA`` characters once spaces, ``$``, backticks
  and braces are gone, and not written inside one of its own distractors), found written
  out anywhere;
- a graph question's keyed figure, drawn under another question's text.

A key in plain words (「ステップ関数」) is not searched: function names occur in every
stem. Writers group such pairs by hand (quiz/bank_format.md).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from activations import softmax

from .answers import parse_number
from .figures import SoftmaxFigure
from .leaks import half_unit, numbers_in
from .schema import (
    BlanksQuestion,
    GraphQuestion,
    MultipleQuestion,
    NumericQuestion,
    Question,
    SingleQuestion,
)

MIN_FORMULA = 4
_FORMULA = re.compile(r"[`$\\=()\[\]*/+^_<>0-9]")
_NOISE = re.compile(r"\\left|\\right|\\[,;!: ]|[\s`${}]")
_SLACK = 1 + 1e-9  # the same relative slack as answers.is_correct


def normal_form(text: str) -> str:
    """A formula as compared: no spaces, backticks, ``$``, braces or spacing commands."""
    text = text.replace("−", "-").replace(r"\dfrac", r"\frac").replace(r"\tfrac", r"\frac")
    return _NOISE.sub("", text)


@dataclass(frozen=True)
class Key:
    """A key as another question could print it."""

    text: str  # as the bank writes it
    value: float | None = None  # a number, with the tolerance that accepts it
    tolerance: float = 0.0

    @cached_property
    def form(self) -> str:
        return normal_form(self.text)


def _choice_key(text: str, distractors: list[str]) -> Key | None:
    value = parse_number(text)
    if value is not None:
        return Key(text, value, half_unit(text)) if value != round(value) else None
    form = normal_form(text)
    # A key written inside its own distractors (softmax(x) in c·softmax(x)) is no giveaway.
    if len(form) >= MIN_FORMULA and _FORMULA.search(text) \
            and not any(form in normal_form(d) for d in distractors):
        return Key(text)
    return None


def keys_of(question: Question) -> list[Key]:
    """The keys of ``question`` that another question could print (see the module doc)."""
    if isinstance(question, NumericQuestion):
        value = question.answer
        return [] if value == round(value) else [Key(f"{value:g}", value, question.tolerance)]
    if isinstance(question, SingleQuestion):
        texts, others = [question.answer], [o for o in question.options if o != question.answer]
    elif isinstance(question, MultipleQuestion):
        texts = list(question.answer)
        others = [o for o in question.options if o not in question.answer]
    elif isinstance(question, BlanksQuestion):
        texts = list(question.answer)
        others = [e for o in question.options for e in o if e not in question.answer]
    else:
        return []
    return [key for key in (_choice_key(t, others) for t in texts) if key is not None]


def _figure_text(figure) -> str:
    """The numbers a figure prints: a softmax figure labels each bar with its probability."""
    if not isinstance(figure, SoftmaxFigure):
        return ""
    p = softmax(np.asarray(figure.logits, dtype=float) / figure.temperature)
    return " ".join(f"{v:.2f}" for v in p)


def shown(question: Question) -> Iterator[tuple[str, str]]:
    """(field, text) for what a learner learns from ``question``: its text, code and figure
    before answering, and its key once answered (study mode shows it at once). A distractor
    tells nothing (it is one of four), so the other options are not searched."""
    yield "text", question.text
    code = getattr(question, "code", None)
    if code:
        yield "code", code
    figure = getattr(question, "figure", None)
    if figure is not None:
        yield "figure", _figure_text(figure)
    if isinstance(question, SingleQuestion):
        yield "answer", question.answer
    elif isinstance(question, MultipleQuestion | BlanksQuestion):
        yield "answer", " ; ".join(question.answer)
    elif isinstance(question, GraphQuestion):
        yield "answer", _figure_text(question.answer)


@dataclass(frozen=True)
class _Part:
    """One thing a learner sees, read once: its numbers and its normal form."""

    field: str
    numbers: tuple[tuple[str, float], ...]
    form: str

    @classmethod
    def of(cls, field: str, text: str) -> _Part:
        return cls(field, tuple(numbers_in(text)), normal_form(text))


def _shows(key: Key, part: _Part, same_functions: bool) -> str | None:
    """How ``part`` writes ``key``, or None."""
    if key.value is not None:
        if not same_functions:
            return None
        for written, value in part.numbers:
            if math.isclose(value, key.value, rel_tol=0, abs_tol=key.tolerance * _SLACK):
                return written
        return None
    return key.text if _written_in(key.form, part.form) else None


_OPERAND_END = re.compile(r"[A-Za-z0-9)\]'^]$")


def _written_in(form: str, text: str) -> bool:
    """``form`` occurs in ``text``; a key that starts with a minus sign (a negation, −y²)
    only where that sign is not a subtraction (x² − y² writes no −y²)."""
    if not form.startswith("-"):
        return form in text
    start = text.find(form)
    while start != -1:
        if not _OPERAND_END.search(text[:start]):
            return True
        start = text.find(form, start + 1)
    return False


Leak = tuple[Question, str, str, str]  # (the question that shows it, field, en, ja)


def cross_leaks(questions: list[Question] | tuple[Question, ...]) -> list[Leak]:
    """Every key of one question shown by another question outside its group."""
    keyed = [(q, keys_of(q)) for q in questions]
    seen = [(q, [_Part.of(f, text) for f, text in shown(q)]) for q in questions]
    leaks: list[Leak] = []
    for owner, keys in keyed:
        graph_key = owner.answer if isinstance(owner, GraphQuestion) else None
        if not keys and graph_key is None:
            continue
        for other, parts in seen:
            if other is owner or (owner.group is not None and owner.group == other.group):
                continue
            same = bool(set(owner.functions) & set(other.functions))
            found = [(part.field, w) for part in parts for k in keys
                     if (w := _shows(k, part, same)) is not None]
            if graph_key is not None and getattr(other, "figure", None) == graph_key:
                found.append(("figure", "its keyed figure"))
            for field, written in dict(found).items():
                leaks.append((other, field,
                              f"shows the key of {owner.id} ({written}): reword it, or put "
                              f"both questions in one group",
                              f"{owner.id} の正解（{written}）が見えています: 書き換えるか、"
                              f"2 問を同じ group にしてください"))
    return leaks
