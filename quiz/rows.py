"""One answer row from outside the app (an imported CSV, the browser's copy): untrusted
text, checked field by field before it may become an ``Attempt``."""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, datetime

from pydantic import TypeAdapter, ValidationError

from .attempt import Attempt
from .figures import Figure
from .renamed_ids import RENAMED
from .themes import THEMES

_TRUE, _FALSE = {"1", "true", "True", "TRUE"}, {"0", "false", "False", "FALSE"}
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,119}$")  # the banks' id pattern, capped
SESSION_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,80}$")
# An HTML tag (not a lone "<" as in "$x < 0$"): such text never came from this app.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<!--|<!\[CDATA\[")
MAX_ANSWER_CHARS = 2_000

# Why a row was refused, for the learner (ui/strings: rows.<reason>).
MISSING, BAD_ID, BAD_THEME, BAD_CORRECT, BAD_TIME, BAD_ANSWER, HTML, BAD_RATING, BAD_SHAPE = (
    "missing", "bad_id", "bad_theme", "bad_correct", "bad_time", "bad_answer", "html",
    "bad_rating", "bad_shape")
REASONS = (MISSING, BAD_ID, BAD_THEME, BAD_CORRECT, BAD_TIME, BAD_ANSWER, HTML, BAD_RATING,
           BAD_SHAPE)  # BAD_SHAPE: not a row at all (wrong number of fields, broken quoting)


_FIGURE = TypeAdapter(Figure)


def _scalar(value: object) -> bool:
    return isinstance(value, str | bool | int) or (isinstance(value, float)
                                                   and math.isfinite(value))


def _strings(value: object, depth: int = 0) -> list[str]:
    """Every string inside a decoded answer (keys included), whatever its shape."""
    if isinstance(value, str):
        return [value]
    if depth > 3 or not isinstance(value, list | dict):
        return []
    items = value if isinstance(value, list) else [*value.keys(), *value.values()]
    return [s for item in items for s in _strings(item, depth + 1)]


def _shape_ok(value: object) -> bool:
    """What the quiz records (quiz.answers.encode): a choice, number or true/false; a list
    of texts (multiple choice, blanks); or a chosen figure, checked against the figure
    schema (so ``null`` passes only where a figure may hold it, e.g. ``"at": null``)."""
    if _scalar(value):
        return True
    if isinstance(value, list):
        return bool(value) and all(isinstance(v, str) for v in value)
    if isinstance(value, dict):
        try:
            _FIGURE.validate_python(value)
        except ValidationError:
            return False
        return True
    return False


def _no_constants(name: str) -> float:
    raise ValueError(name)  # NaN and Infinity: JSON has no such numbers, the quiz none


def _answer_ok(text: str) -> str | None:
    """The stored answer is '' or JSON of what the quiz records, with no HTML in it."""
    if text == "":
        return None
    if len(text) > MAX_ANSWER_CHARS:
        return BAD_ANSWER
    try:
        value = json.loads(text, parse_constant=_no_constants)
    except (ValueError, RecursionError):  # RecursionError: "[[[[…" nested past Python's limit
        return BAD_ANSWER
    if any(_TAG.search(s) for s in _strings(value)):
        return HTML
    return None if _shape_ok(value) else BAD_ANSWER


def parse_row(values: dict[str, object]) -> Attempt | str:
    """The row as an Attempt, or the reason it is refused."""
    def text(key: str) -> str:
        value = values.get(key)
        return value.strip() if isinstance(value, str) else ""

    session_id, question_id, theme, when = (text("session_id"), text("question_id"),
                                            text("theme"), text("answered_at"))
    if not (session_id and question_id and theme and when):
        return MISSING
    if not SESSION_ID.match(session_id) or not _ID.match(question_id):
        return BAD_ID
    if theme not in THEMES:
        return BAD_THEME
    correct = values.get("correct")
    if isinstance(correct, bool):
        correct = "1" if correct else "0"
    elif isinstance(correct, int):
        correct = str(correct)
    if not isinstance(correct, str) or correct.strip() not in _TRUE | _FALSE:
        return BAD_CORRECT
    try:
        moment = datetime.fromisoformat(when)
    except ValueError:
        return BAD_TIME
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    answer = values.get("answer")
    answer = answer if isinstance(answer, str) else "" if answer is None else None
    if answer is None:
        return BAD_ANSWER
    if problem := _answer_ok(answer):
        return problem
    rating = values.get("rating")
    if isinstance(rating, str):
        rating = rating.strip() or None
        if rating is not None and not rating.isdigit():
            return BAD_RATING
        rating = int(rating) if rating is not None else None
    if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int)
                               or not 1 <= rating <= 4):
        return BAD_RATING
    question_id = RENAMED.get(question_id, question_id)  # a file from before a rename
    return Attempt(session_id, question_id, theme, correct.strip() in _TRUE, answer, moment,
                   rating)
