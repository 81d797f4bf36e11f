"""A mock exam in progress as JSON, kept with the learner's history so that a reload or a
closed tab comes back to it with the timer still counting.

The text comes back from storage, so it is untrusted: ``loads`` checks every field against
the bank and returns None for anything it cannot vouch for (the page then starts afresh).
"""

from __future__ import annotations

import json
import math
from datetime import datetime

from .answers import Given
from .schema import ONE_CHOICE, Question
from .session import EXAM, EXAM_TYPES, Item, QuizRun

VERSION = 1


def _stamp(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _plain(value: object) -> object:
    """An option or a choice as JSON data: text, a blanks row, or a graph's figure spec."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def dumps(run: QuizRun) -> str:
    """The state of a mock exam in progress (study runs are not kept)."""
    return json.dumps({
        "version": VERSION, "mode": run.mode, "session_id": run.session_id,
        "index": run.index, "started_at": _stamp(run.started_at),
        "entered_at": _stamp(run.entered_at),
        "items": [[item.qid, [_plain(o) for o in item.options]] for item in run.items],
        "choices": {qid: _plain(g) for qid, g in run.choices.items()},
        "flags": sorted(run.flags), "spent_s": run.spent_s,
        "chosen_at": {qid: _stamp(m) for qid, m in run.chosen_at.items()},
    }, ensure_ascii=False)


class _Invalid(ValueError):
    pass


def _check(ok: bool) -> None:
    if not ok:
        raise _Invalid


def _moment(value: object) -> datetime:
    _check(isinstance(value, str))
    moment = datetime.fromisoformat(value)
    _check(moment.tzinfo is not None)
    return moment


def _item(raw: object, questions: dict[str, Question]) -> Item:
    _check(isinstance(raw, list) and len(raw) == 2)
    qid, options = raw
    _check(isinstance(qid, str) and isinstance(options, list))
    question = questions.get(qid)
    _check(isinstance(question, EXAM_TYPES))
    plain = [_plain(o) for o in question.options]
    _check(len(options) == len(plain) and all(o in plain for o in options))
    order = [plain.index(o) for o in options]
    _check(sorted(order) == list(range(len(plain))))  # the bank's options, shuffled
    return Item(qid, tuple(_option(question.options[i]) for i in order))


def _option(option: object) -> object:
    """As the run holds it: a blanks row as a tuple (session.shuffled_options)."""
    return tuple(option) if isinstance(option, list) else option


def _choice(raw: object, question: Question) -> Given:
    if isinstance(question, ONE_CHOICE):
        plain = [_plain(o) for o in question.options]
        _check(raw in plain)
        return _option(question.options[plain.index(raw)])
    _check(isinstance(raw, list) and raw and len(set(raw)) == len(raw))
    _check(all(isinstance(o, str) and o in question.options for o in raw))
    return tuple(raw)


def _run(data: object, questions: dict[str, Question]) -> QuizRun:
    _check(isinstance(data, dict) and data.get("version") == VERSION and data.get("mode") == EXAM)
    items = [_item(raw, questions) for raw in data["items"]]
    ids = [item.qid for item in items]
    _check(bool(items) and len(set(ids)) == len(ids))
    index, session_id = data["index"], data["session_id"]
    _check(isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(items))
    _check(isinstance(session_id, str) and 0 < len(session_id) <= 64)
    choices, flags, spent = data["choices"], data["flags"], data["spent_s"]
    _check(isinstance(choices, dict) and set(choices) <= set(ids))
    _check(isinstance(flags, list) and all(isinstance(f, str) for f in flags))
    _check(set(flags) <= set(ids))
    _check(isinstance(spent, dict) and set(spent) <= set(ids))
    _check(all(isinstance(s, int | float) and not isinstance(s, bool) and math.isfinite(s)
               and s >= 0 for s in spent.values()))
    run = QuizRun(mode=EXAM, items=items, session_id=session_id, index=index,
                  started_at=_moment(data["started_at"]))
    run.entered_at = _moment(data["entered_at"])
    run.choices = {qid: _choice(raw, questions[qid]) for qid, raw in choices.items()}
    run.flags, run.spent_s = set(flags), {k: float(v) for k, v in spent.items()}
    chosen_at = data.get("chosen_at", {})  # absent in runs kept before answer times were
    _check(isinstance(chosen_at, dict) and set(chosen_at) <= set(run.choices))
    run.chosen_at = {qid: _moment(m) for qid, m in chosen_at.items()}
    return run


def loads(text: str | None, questions: dict[str, Question]) -> QuizRun | None:
    """The mock exam kept in ``text``, or None when there is none or it does not check out
    (bad JSON, another version, a question no longer in the bank, a tampered field)."""
    if not text:
        return None
    try:
        return _run(json.loads(text), questions)
    except (ValueError, KeyError, TypeError):  # _Invalid is a ValueError
        return None
