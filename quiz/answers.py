"""Checking a learner's answer against the key: by content for choices (options are
shuffled), within the tolerance for numbers."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Sequence

from .schema import MultipleQuestion, NumericQuestion, Question, SingleQuestion

Given = str | tuple[str, ...] | float | bool | None  # None: not answered
_FRACTION = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)$")


def parse_number(text: str) -> float | None:
    """A number typed by a learner: full-width digits, '−', '1/4' and '2.5e-3' accepted."""
    cleaned = unicodedata.normalize("NFKC", text or "").strip()
    cleaned = cleaned.replace("−", "-").replace("，", ",").replace(",", "")
    if not cleaned:
        return None
    fraction = _FRACTION.match(cleaned)
    try:
        value = (float(fraction.group(1)) / float(fraction.group(2)) if fraction
                 else float(cleaned))
    except (ValueError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None


def is_correct(question: Question, given: Given) -> bool:
    """Whether ``given`` answers ``question``; an unanswered question is never correct."""
    if given is None:
        return False
    if isinstance(question, SingleQuestion):
        return given == question.answer
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
    return json.dumps(list(given) if isinstance(given, tuple) else given, ensure_ascii=False)


def answer_text(value) -> str:
    """A key or a given answer as a learner reads it: choices joined by ' / ', numbers by :g.

    (True/false and "unanswered" are words of the UI language: the page says those.)
    """
    if isinstance(value, list | tuple):
        return " / ".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{value:g}" if isinstance(value, float) else str(value)
