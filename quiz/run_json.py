"""A quiz in progress as JSON, kept with the learner's history (and in their browser, for a
wiped disk) so that a reload or a closed tab comes back to it: a mock exam with its timer
still counting from its start, a study run at the same question with its answers so far and
its review round.

The text comes back from storage or from a browser, so it is untrusted: ``loads`` checks
every field against the bank and the clock (no start in the future: a restored exam keeps
its deadline), recomputes every verdict, and returns None for anything it cannot vouch for.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta

from .answers import Given, is_correct
from .rows import SESSION_ID
from .schema import ONE_CHOICE, MultipleQuestion, NumericQuestion, Question, TrueFalseQuestion
from .session import EXAM, EXAM_TYPES, STUDY, Item, QuizRun, Response
from .themes import THEMES

VERSION = 1
# How far a kept time may lie ahead of this server's clock (another server's clock, a
# browser's copy written a moment ago); later than that it is not a time this app wrote.
CLOCK_SKEW = timedelta(minutes=5)
# A run of 100 questions is well under 200,000 characters; a browser may send anything.
MAX_CHARS = 1_000_000
MAX_COUNT = 100  # questions a run may ask (ui/quiz_setup.py)


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
    """The state of a quiz in progress."""
    return json.dumps({
        "version": VERSION, "mode": run.mode, "session_id": run.session_id,
        "index": run.index, "started_at": _stamp(run.started_at),
        "entered_at": _stamp(run.entered_at),
        "items": [[item.qid, [_plain(o) for o in item.options]] for item in run.items],
        "choices": {qid: _plain(g) for qid, g in run.choices.items()},
        "flags": sorted(run.flags), "spent_s": run.spent_s,
        "review_round": run.review_round, "revealed": run.revealed,
        "responses": [[r.qid, _plain(r.given), _stamp(r.answered_at)] for r in run.responses],
        "chosen_at": {qid: _stamp(m) for qid, m in run.chosen_at.items()},
        "themes": list(run.themes), "count": run.count,
    }, ensure_ascii=False)


class _Invalid(ValueError):
    pass


def _check(ok: bool) -> None:
    if not ok:
        raise _Invalid


def _moment(value: object, earliest: datetime | None, latest: datetime) -> datetime:
    _check(isinstance(value, str))
    moment = datetime.fromisoformat(value)
    _check(moment.tzinfo is not None and moment <= latest)
    _check(earliest is None or moment >= earliest)
    return moment


def _item(raw: object, questions: dict[str, Question], mode: str) -> Item:
    _check(isinstance(raw, list) and len(raw) == 2)
    qid, options = raw
    _check(isinstance(qid, str) and isinstance(options, list))
    question = questions.get(qid)
    _check(question is not None and (mode == STUDY or isinstance(question, EXAM_TYPES)))
    if not isinstance(question, EXAM_TYPES):
        _check(options == [])  # numeric and true/false show no options
        return Item(qid)
    plain = [_plain(o) for o in question.options]
    _check(len(options) == len(plain) and all(o in plain for o in options))
    order = [plain.index(o) for o in options]
    _check(sorted(order) == list(range(len(plain))))  # the bank's options, shuffled
    return Item(qid, tuple(_option(question.options[i]) for i in order))


def _option(option: object) -> object:
    """As the run holds it: a blanks row as a tuple (session.shuffled_options)."""
    return tuple(option) if isinstance(option, list) else option


def _choice(raw: object, question: Question) -> Given:
    """A given answer, as the page holds it (quiz_play.read_given)."""
    if isinstance(question, NumericQuestion):
        _check(isinstance(raw, int | float) and not isinstance(raw, bool) and math.isfinite(raw))
        return float(raw)
    if isinstance(question, TrueFalseQuestion):
        _check(isinstance(raw, bool))
        return raw
    if isinstance(question, ONE_CHOICE):
        plain = [_plain(o) for o in question.options]
        _check(raw in plain)
        return _option(question.options[plain.index(raw)])
    _check(isinstance(question, MultipleQuestion))
    _check(isinstance(raw, list) and raw and all(isinstance(o, str) for o in raw))
    _check(len(set(raw)) == len(raw) and all(o in question.options for o in raw))
    return tuple(raw)


def _responses(data: dict, run: QuizRun, questions: dict[str, Question],
               latest: datetime) -> list[Response]:
    """A study run's answers so far: one per question up to the current one (and the
    current one once checked), each verdict recomputed from the bank."""
    raw = data.get("responses", [])
    _check(isinstance(raw, list) and isinstance(run.revealed, bool))
    _check(len(raw) == run.index + run.revealed)
    responses = []
    for item, entry in zip(run.items, raw, strict=False):
        _check(isinstance(entry, list) and len(entry) == 3 and entry[0] == item.qid)
        question = questions[item.qid]
        given = _choice(entry[1], question)
        responses.append(Response(item.qid, question.theme, given, is_correct(question, given),
                                  _moment(entry[2], run.started_at, latest)))
    return responses


def _setup(data: dict) -> dict:
    """The setup a run was started from: only known themes and a count in range (absent in
    runs kept before it was; what does not check out is left out, the run itself is kept)."""
    themes, count = data.get("themes", []), data.get("count", 0)
    themes = themes if isinstance(themes, list) else []
    ok = isinstance(count, int) and not isinstance(count, bool) and 0 < count <= MAX_COUNT
    return {"themes": tuple(dict.fromkeys(t for t in themes if isinstance(t, str) and t in THEMES)),
            "count": count if ok else 0}


def _run(data: object, questions: dict[str, Question], now: datetime) -> QuizRun:
    _check(isinstance(data, dict) and data.get("version") == VERSION)
    mode = data.get("mode")
    _check(mode in (STUDY, EXAM) and isinstance(data["items"], list))
    items = [_item(raw, questions, mode) for raw in data["items"]]
    ids = [item.qid for item in items]
    _check(bool(items) and len(set(ids)) == len(ids))
    index, session_id = data["index"], data["session_id"]
    _check(isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(items))
    _check(isinstance(session_id, str) and bool(SESSION_ID.match(session_id)))
    choices, flags, spent = data["choices"], data["flags"], data["spent_s"]
    _check(isinstance(choices, dict) and set(choices) <= set(ids))
    _check(isinstance(flags, list) and all(isinstance(f, str) for f in flags))
    _check(set(flags) <= set(ids))
    _check(isinstance(spent, dict) and set(spent) <= set(ids))
    _check(all(isinstance(s, int | float) and not isinstance(s, bool) and math.isfinite(s)
               and s >= 0 for s in spent.values()))
    latest = now + CLOCK_SKEW
    run = QuizRun(mode=mode, items=items, session_id=session_id, index=index,
                  started_at=_moment(data["started_at"], None, latest), **_setup(data))
    if mode == STUDY:
        _check(not choices and not flags and not spent and data["entered_at"] is None)
        review_round, run.revealed = data.get("review_round", 0), data.get("revealed", False)
        _check(isinstance(review_round, int) and not isinstance(review_round, bool)
               and 0 <= review_round <= 100)
        run.review_round = review_round
        run.responses = _responses(data, run, questions, latest)
        return run
    _check(not data.get("responses") and not data.get("revealed")
           and not data.get("review_round"))
    run.entered_at = _moment(data["entered_at"], run.started_at, latest)
    run.choices = {qid: _choice(raw, questions[qid]) for qid, raw in choices.items()}
    run.flags, run.spent_s = set(flags), {k: float(v) for k, v in spent.items()}
    chosen_at = data.get("chosen_at", {})  # absent in runs kept before answer times were
    _check(isinstance(chosen_at, dict) and set(chosen_at) <= set(run.choices))
    run.chosen_at = {qid: _moment(m, run.started_at, latest) for qid, m in chosen_at.items()}
    return run


def loads(text: object, questions: dict[str, Question],
          now: datetime | None = None) -> QuizRun | None:
    """The quiz kept in ``text``, or None when there is none or it does not check out
    (bad JSON, another version, a question no longer in the bank, a tampered field, a time
    after ``now``)."""
    if not text or not isinstance(text, str) or len(text) > MAX_CHARS:
        return None
    try:
        return _run(json.loads(text), questions, now or datetime.now(UTC))
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None  # _Invalid is a ValueError
