"""The learner's own copy of their answers, kept in their browser (localStorage), so that a
server whose disk was wiped (Community Cloud reboots) can be given them back.

The copy is JSON: ``{"v": 1, "learner": <slot>, "rows": [[session_id, question_id, theme,
correct, answer, answered_at, rating], ...]}``. What comes back from a browser is untrusted:
it is size-capped, must name the learner whose page asks for it, and every row is checked
as an imported CSV row is (quiz/rows.py).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from .attempt import Attempt
from .rows import BAD_SHAPE, parse_row

VERSION = 1
MAX_CHARS = 2_000_000  # ~15,000 answers; a learner's year of daily quizzes fits well within
MAX_ROWS = 20_000
FIELDS = ("session_id", "question_id", "theme", "correct", "answer", "answered_at", "rating")

# Why a whole copy is refused (ui/strings: quiz.copy.<reason>).
TOO_LARGE, NOT_JSON, OTHER_LEARNER = "too_large", "not_json", "other_learner"


def slot(learner: str) -> str:
    """The copy's name in the browser: derived from the learner key, not the key itself."""
    return hashlib.sha256(f"copy:{learner}".encode()).hexdigest()[:32]


def encode_rows(attempts: list[Attempt]) -> list[list]:
    return [[*a.row(), a.rating] for a in attempts]  # FIELDS, in order


@dataclass(frozen=True)
class Restored:
    """A browser copy, read: the good rows, how many rows were refused (by reason), or the
    reason the whole copy was refused."""
    attempts: tuple[Attempt, ...] = ()
    refused: dict[str, int] = field(default_factory=dict)
    rejected: str | None = None


def decode(text: object, expected_slot: str) -> Restored:
    if not isinstance(text, str):
        return Restored(rejected=NOT_JSON)
    if len(text) > MAX_CHARS:
        return Restored(rejected=TOO_LARGE)
    try:
        data = json.loads(text)
    except ValueError:
        return Restored(rejected=NOT_JSON)
    if not isinstance(data, dict) or data.get("v") != VERSION or \
            not isinstance(data.get("rows"), list):
        return Restored(rejected=NOT_JSON)
    if data.get("learner") != expected_slot:
        return Restored(rejected=OTHER_LEARNER)
    if len(data["rows"]) > MAX_ROWS:
        return Restored(rejected=TOO_LARGE)
    good: list[Attempt] = []
    refused: dict[str, int] = {}
    for row in data["rows"]:
        result = (parse_row(dict(zip(FIELDS, row, strict=True)))
                  if isinstance(row, list) and len(row) == len(FIELDS) else BAD_SHAPE)
        if isinstance(result, Attempt):
            good.append(result)
        else:
            refused[result] = refused.get(result, 0) + 1
    return Restored(tuple(good), refused)
