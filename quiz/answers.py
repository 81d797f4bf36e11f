"""Checking a learner's answer against the key: by content for choices (options are
shuffled), within the tolerance for numbers."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Sequence

from .figures import describe
from .schema import (
    BlanksQuestion,
    GraphQuestion,
    MultipleQuestion,
    NumericQuestion,
    Question,
    SingleQuestion,
)

Given = str | tuple[str, ...] | float | bool | None  # None: not answered
_FRACTION = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)$")


def _cleaned(text: str) -> str:
    """A learner's number as Python reads one: full-width digits, '−' and '，' made plain."""
    cleaned = unicodedata.normalize("NFKC", text or "").strip()
    return cleaned.replace("−", "-").replace("，", ",").replace(",", "")


def parse_number(text: str) -> float | None:
    """A number typed by a learner: full-width digits, '−', '1/4' and '2.5e-3' accepted."""
    cleaned = _cleaned(text)
    if not cleaned:
        return None
    fraction = _FRACTION.match(cleaned)
    try:
        value = (float(fraction.group(1)) / float(fraction.group(2)) if fraction
                 else float(cleaned))
    except (ValueError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None


def overflows(text: str) -> bool:
    """A number too large for a float (``1e400``): readable, but beyond what can be compared."""
    try:
        return math.isinf(float(_cleaned(text)))
    except ValueError:
        return False


def is_correct(question: Question, given: Given) -> bool:
    """Whether ``given`` answers ``question``; an unanswered question is never correct."""
    if given is None:
        return False
    if isinstance(question, SingleQuestion | GraphQuestion):
        return given == question.answer
    if isinstance(question, BlanksQuestion):
        return isinstance(given, Sequence) and not isinstance(given, str) \
            and list(given) == question.answer
    if isinstance(question, MultipleQuestion):
        return isinstance(given, Sequence) and not isinstance(given, str) \
            and set(given) == set(question.answer) and len(set(given)) == len(given)
    if isinstance(question, NumericQuestion):
        if isinstance(given, bool) or not isinstance(given, int | float):
            return False
        # A small relative slack so that a key of 0.1 with tolerance 0.05 accepts 0.15.
        return abs(given - question.answer) <= question.tolerance * (1 + 1e-9)
    return given is question.answer


def missed_and_extra(question: MultipleQuestion, given: Given) -> tuple[list[str], list[str]]:
    """The right options not chosen and the chosen ones that are wrong, in option order."""
    chosen, keys = chosen_options(given), set(question.answer)
    return ([o for o in question.options if o in keys - chosen],
            [o for o in question.options if o in chosen - keys])


def chosen_options(given: Given) -> set[str]:
    """The options a choice answer picked (none for an unanswered or non-choice answer)."""
    if isinstance(given, str):
        return {given}
    return set(given) if isinstance(given, tuple | list) else set()


def encode(given: Given) -> str:
    """The answer as stored in the history: JSON text, '' when unanswered."""
    if given is None:
        return ""
    if hasattr(given, "model_dump"):  # a figure of a graph question
        return json.dumps(given.model_dump(), ensure_ascii=False)
    return json.dumps(list(given) if isinstance(given, tuple) else given, ensure_ascii=False)


def option_text(question: Question, option) -> str:
    """One option as shown: a blanks option names each blank, 「（ア） x　（イ） y」; a
    code-tracing option is printed output, so it is shown as code (spaces kept, no Markdown)."""
    if isinstance(question, BlanksQuestion):
        return "　".join(f"（{b}） {v}" for b, v in zip(question.blanks, option, strict=True))
    if isinstance(question, SingleQuestion) and question.code and "`" not in option:
        return f"`{option}`"
    return str(option)


LETTERS = "ABCD"


def option_labels(question: Question, options) -> list[str]:
    """The labels of options in display order; a graph question's figures are A–D."""
    if isinstance(question, GraphQuestion):
        return list(LETTERS[:len(options)])
    return [option_text(question, o) for o in options]


def answer_text(value, question: Question | None = None) -> str:
    """A key or a given answer as a learner reads it: choices joined by ' / ', numbers by :g.

    (True/false and "unanswered" are words of the UI language: the page says those.)
    """
    if isinstance(question, GraphQuestion):
        return describe(value)
    if isinstance(question, BlanksQuestion) or getattr(question, "code", None):
        return option_text(question, value)
    if isinstance(value, list | tuple):
        return " / ".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{value:g}" if isinstance(value, float) else str(value)
