"""Every answer the quiz can record, for every question of the banks, comes back unchanged
through both ways history travels: the CSV export imported into an empty history, and the
browser's copy restored after a wiped disk.

The answers are made as the page makes them: the answer widgets' values (a radio's index
into the shuffled options, the checkboxes of a multiple choice, the text typed for a
number, 正しい/誤り) go through the page's own callbacks (ui/quiz_play._submit and _next
with a self-rating for a study run, ui/quiz_exam._choose and finish for a mock exam), which
store them in a real history."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import numpy as np
import pytest

from quiz import browser_copy
from quiz.csv_io import export_csv, import_csv
from quiz.loader import DEFAULT_BANK_DIR, load_paths
from quiz.run_json import dumps, loads
from quiz.schema import ONE_CHOICE, MultipleQuestion, NumericQuestion, Question
from quiz.session import EXAM, EXAM_TYPES, STUDY, QuizRun
from quiz.store import LearnerHistory, memory_db
from ui import quiz_exam, quiz_play

BANK = load_paths([DEFAULT_BANK_DIR])
BY_ID = {q.id: q for q in BANK.questions}
LEARNER = "anon:round-trip"


def widget_values(question: Question, options: tuple) -> list[dict]:
    """Every state of the answer widgets the learner can submit, keyed by the widget's key
    suffix ('' for the one widget, '.k' for the k-th checkbox)."""
    if isinstance(question, MultipleQuestion):
        n = len(options)
        return [{f".{k}": k in chosen for k in range(n)}
                for size in range(1, n + 1) for chosen in itertools.combinations(range(n), size)]
    if isinstance(question, ONE_CHOICE):
        return [{"": i} for i in range(len(options))]
    if isinstance(question, NumericQuestion):
        key = question.answer
        typed = [repr(key), f"{key:g}", f"{key + 10 * question.tolerance + 1:g}", f"{-key - 1:g}",
                 "１／４", "−0.5", "2.5e-3", "1e300", "0"]
        return [{"": text} for text in typed]
    return [{"": True}, {"": False}]


class Clock:
    """Distinct answer times, as a learner's answers have."""

    def __init__(self):
        self.now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self, *_args, **_kwargs):
        self.now += timedelta(seconds=7, microseconds=1)
        return self.now


def answer_everything(monkeypatch) -> LearnerHistory:
    """A history holding every answer the page can record, right and wrong, study and exam,
    with and without a self-rating, for every question of the banks."""
    state: dict = {}
    page = SimpleNamespace(session_state=state)
    monkeypatch.setattr(quiz_play, "st", page)
    monkeypatch.setattr(quiz_exam, "st", page)
    clock = Clock()
    for module in (quiz_play, quiz_exam):
        monkeypatch.setattr(module, "datetime", SimpleNamespace(now=clock))
    store = LearnerHistory(memory_db(), LEARNER)
    rng = np.random.default_rng(15)
    ratings = itertools.cycle([None, 1, 2, 3, 4])
    for question in BANK.questions:
        shown = QuizRun.start([question], STUDY, rng).items  # options in one shuffled order
        for values in widget_values(question, shown[0].options):
            run = QuizRun(mode=STUDY, items=shown, started_at=clock())
            state.clear()
            state[quiz_play.RUN_KEY] = run
            key = quiz_play.answer_key(run)
            state.update({key + suffix: value for suffix, value in values.items()})
            quiz_play._submit(BY_ID, store)
            assert run.revealed, (question.id, values, state.get(quiz_play.NOTICE_KEY))
            state[f"{key}.rating"] = next(ratings)
            quiz_play._next(store)
            if isinstance(question, EXAM_TYPES):
                run = QuizRun(mode=EXAM, items=shown, started_at=clock())
                run.entered_at = run.started_at
                state.clear()
                state[quiz_play.RUN_KEY] = run
                state.update({quiz_play.answer_key(run) + suffix: value
                              for suffix, value in values.items()})
                quiz_exam._choose(BY_ID, store)
                quiz_exam.finish(run, BY_ID, store, clock())
    return store


@pytest.fixture(scope="module")
def recorded():
    with pytest.MonkeyPatch.context() as monkeypatch:
        store = answer_everything(monkeypatch)
    return store.attempts()


def test_every_question_and_type_is_answered_right_and_wrong(recorded):
    answered = {(a.question_id, a.correct) for a in recorded}
    for question in BANK.questions:
        assert (question.id, True) in answered and (question.id, False) in answered, question.id
    assert {BY_ID[a.question_id].type for a in recorded} == {
        "single", "multiple", "numeric", "truefalse", "blanks", "graph"}
    assert any(getattr(BY_ID[a.question_id], "code", None) for a in recorded)
    assert any('"at": null' in a.answer for a in recorded)  # the answer once refused
    assert {a.rating for a in recorded} == {None, 1, 2, 3, 4}


def test_the_csv_export_imported_into_an_empty_history_loses_nothing(recorded):
    source = LearnerHistory(memory_db(), LEARNER)
    source.add(recorded)
    target = LearnerHistory(memory_db(), "anon:elsewhere")
    result = import_csv(target, export_csv(source).encode("utf-8"))
    assert result.refused == {} and result.bad_rows == ()
    assert result.added == len(recorded)
    assert target.attempts() == recorded


def test_the_browser_copy_restored_loses_nothing(recorded):
    slot = browser_copy.slot(LEARNER)
    # What the page sends the browser (JSON through the component), as the browser keeps it.
    rows = json.loads(json.dumps(browser_copy.encode_rows(recorded)))
    text = json.dumps({"v": browser_copy.VERSION, "learner": slot, "rows": rows},
                      separators=(",", ":"), ensure_ascii=False)
    restored = browser_copy.decode(text, slot)
    assert restored.rejected is None and restored.refused == {}
    target = LearnerHistory(memory_db(), LEARNER)
    assert target.add(restored.attempts) == len(recorded)
    assert target.attempts() == recorded


FIGURE = '{"kind": "depth", "fn": "sigmoid", "params": {}, "layers": 10, "at": null}'


@pytest.mark.parametrize(("answer", "reason"), [
    ("null", "bad_answer"),  # null only where a figure may hold it
    ("[null]", "bad_answer"),
    ('["a", null]', "bad_answer"),
    ('{"at": null}', "bad_answer"),  # not a figure
    (FIGURE.replace('"at": null', '"layers2": null'), "bad_answer"),
    (FIGURE.replace('"fn": "sigmoid"', '"fn": null'), "bad_answer"),
    (FIGURE.replace('"params": {}', '"params": {"alpha": null}'), "bad_answer"),
    (FIGURE.replace('"params": {}', '"params": {"a": {"b": {"c": 1}}}'), "bad_answer"),
    (FIGURE.replace("}", ', "extra": "x"}', 1), "bad_answer"),
    (FIGURE.replace('"sigmoid"', '"<img src=x onerror=alert(1)>"'), "html"),
    (FIGURE.replace('"at": null', '"<b>at</b>": null'), "html"),
    ("[" * 999 + "]" * 999, "bad_answer"),  # nested past Python's recursion limit (was a crash)
    ("[" * 900 + "]" * 900, "bad_answer"),
    ('[["a"]]', "bad_answer"),
    ("[]", "bad_answer"),
    ("{}", "bad_answer"),
    ("NaN", "bad_answer"), ("Infinity", "bad_answer"), ("-Infinity", "bad_answer"),
    ('"' + "x" * 2_100 + '"', "bad_answer"),
])
def test_hostile_answers_are_refused_with_their_reason_both_ways(answer, reason):
    good = ["s1", "rs-relu-grad", "relu_sigmoid", 1, '"0"', "2026-03-01T09:00:00+00:00", None]
    bad = [*good[:4], answer, "2026-03-02T09:00:00+00:00", None]
    slot = browser_copy.slot(LEARNER)
    restored = browser_copy.decode(json.dumps({"v": 1, "learner": slot, "rows": [good, bad]}),
                                   slot)
    assert len(restored.attempts) == 1 and restored.refused == {reason: 1}
    lines = ["session_id,question_id,theme,correct,answer,answered_at,rating"]
    for row in (good, bad):
        lines.append(",".join('"' + str(v).replace('"', '""') + '"' if v is not None else ""
                              for v in row))
    store = LearnerHistory(memory_db(), LEARNER)
    result = import_csv(store, "\n".join(lines).encode("utf-8"))
    assert result.added == 1 and result.refused == {reason: 1} and result.bad_rows == (3,)


def test_a_figure_answer_with_null_where_the_schema_allows_it_is_accepted():
    row = ["s1", "gr-x", "vanishing_gradient", 0, FIGURE, "2026-03-02T09:00:00+00:00", 2]
    slot = browser_copy.slot(LEARNER)
    restored = browser_copy.decode(json.dumps({"v": 1, "learner": slot, "rows": [row]}), slot)
    assert restored.refused == {} and restored.attempts[0].answer == FIGURE


def test_a_csv_with_broken_quoting_says_why():
    text = ('session_id,question_id,theme,correct,answer,answered_at\n'
            's1,rs-relu-grad,relu_sigmoid,1,"0",2026-03-01T09:00:00+00:00\n'
            's2,rs-relu-grad,no_theme,1,"0",2026-03-01T09:00:00+00:00\n'
            's3,BAD ID,relu_sigmoid,1,"0",2026-03-01T09:00:00+00:00\n')
    result = import_csv(LearnerHistory(memory_db(), LEARNER), text)
    assert result.added == 1 and result.refused == {"bad_theme": 1, "bad_id": 1}
    assert result.bad_rows == (3, 4)


RUN_FIELDS = ("mode", "items", "session_id", "index", "started_at", "entered_at", "choices",
              "flags", "spent_s", "review_round", "revealed", "responses")


def same_run(back: QuizRun | None, run: QuizRun) -> None:
    assert back is not None
    for name in RUN_FIELDS:
        assert getattr(back, name) == getattr(run, name), name


def test_every_answer_in_a_study_run_and_an_exam_survives_a_reload(monkeypatch):
    """A reload reads the run kept as JSON: for every question and every answer the page
    can take, the run comes back the same (study: checked, then moved on; exam: chosen)."""
    state: dict = {}
    page = SimpleNamespace(session_state=state)
    monkeypatch.setattr(quiz_play, "st", page)
    monkeypatch.setattr(quiz_exam, "st", page)
    store = LearnerHistory(memory_db(), LEARNER)
    rng = np.random.default_rng(16)
    checked = 0
    for question in BANK.questions:
        # Two questions, so that the run goes on after this one's answer.
        other = BANK.questions[(BANK.questions.index(question) + 1) % len(BANK.questions)]
        shown = QuizRun.start([question, other], STUDY, rng).items
        for values in widget_values(question, shown[0].options):
            for mode in (STUDY, EXAM) if isinstance(question, EXAM_TYPES) else (STUDY,):
                run = (QuizRun(mode=STUDY, items=shown) if mode == STUDY else
                       QuizRun(mode=EXAM, items=list(shown)))
                if mode == EXAM and not isinstance(other, EXAM_TYPES):
                    run.items = run.items[:1]
                run.entered_at = run.started_at if mode == EXAM else None
                state.clear()
                state[quiz_play.RUN_KEY] = run
                key = quiz_play.answer_key(run)
                state.update({key + suffix: value for suffix, value in values.items()})
                if mode == STUDY:
                    quiz_play._submit(BY_ID, store)
                    same_run(loads(dumps(run), BY_ID), run)  # checked, verdict shown
                    quiz_play._next(store)
                else:
                    quiz_exam._choose(BY_ID, store)
                    assert run.choices
                same_run(loads(dumps(run), BY_ID), run)
                checked += 1
    assert checked > len(BANK.questions)


def test_a_review_round_survives_a_reload():
    questions = [q for q in BANK.questions if isinstance(q, NumericQuestion)][:3]
    run = QuizRun.start(questions, STUDY, np.random.default_rng(1))
    for q in questions:
        run.answer(q, q.answer + 10 * q.tolerance + 1, datetime.now(UTC))  # wrong
        run.next()
    review = run.review(BY_ID, np.random.default_rng(2))
    review.answer(BY_ID[review.current.qid], questions[0].answer, datetime.now(UTC))
    back = loads(dumps(review), BY_ID)
    same_run(back, review)
    assert back.review_round == 1 and back.session_id == run.session_id


def study_text(change=None) -> str:
    """A study run of a single, a numeric and a true/false question: two answered (one
    wrong), the third checked."""
    picked = [next(q for q in BANK.questions if q.type == kind)
              for kind in ("single", "numeric", "truefalse")]
    run = QuizRun.start(picked, STUDY, np.random.default_rng(4),
                        started_at=datetime.now(UTC) - timedelta(minutes=3))
    for q, given in zip(picked, (run.items[0].options[0], -1e9, True), strict=True):
        run.answer(q, given, datetime.now(UTC))
        if q is not picked[-1]:
            run.next()
    data = json.loads(dumps(run))
    if change:
        change(data)
    return json.dumps(data)


def _later(minutes: float) -> str:
    return (datetime.now(UTC) + timedelta(minutes=minutes)).isoformat()


@pytest.mark.parametrize("change", [
    lambda d: d.update(started_at=_later(60)),  # a start in the future: more time
    lambda d: d["responses"][0].__setitem__(2, _later(60)),
    lambda d: d["responses"][0].__setitem__(2, "2000-01-01T00:00:00+00:00"),  # before start
    lambda d: d["responses"].pop(),  # fewer answers than questions passed
    lambda d: d["responses"].append(d["responses"][0]),
    lambda d: d["responses"][0].__setitem__(0, d["responses"][1][0]),  # another question's
    lambda d: d["responses"][1].__setitem__(1, "0.5"),  # a number as text
    lambda d: d["responses"][1].__setitem__(1, float("nan")),
    lambda d: d["responses"][1].__setitem__(1, True),
    lambda d: d["responses"][2].__setitem__(1, 1),  # true/false as a number
    lambda d: d["responses"][0].__setitem__(1, "not an option"),
    lambda d: d["responses"][0].__setitem__(1, "<script>alert(1)</script>"),
    lambda d: d["responses"][0].__setitem__(1, [[[[[[[["deep"]]]]]]]]),
    lambda d: d.update(revealed="yes"),
    lambda d: d.update(review_round=-1),
    lambda d: d.update(review_round=True),
    lambda d: d.update(choices={d["items"][0][0]: d["items"][0][1][0]}),  # exam fields
    lambda d: d.update(entered_at=d["started_at"]),
    lambda d: d["items"][1].__setitem__(1, ["0.5"]),  # options for a numeric question
    lambda d: d.update(session_id="<b>x</b>"),
    lambda d: d.update(mode="drill"),
])
def test_a_tampered_study_run_gives_none(change):
    assert loads(study_text(), BY_ID) is not None
    assert loads(study_text(change), BY_ID) is None


def test_a_tampered_exam_cannot_start_later_than_it_did():
    q = next(q for q in BANK.questions if isinstance(q, EXAM_TYPES))
    run = QuizRun.start([q], EXAM, np.random.default_rng(0))
    data = json.loads(dumps(run))
    assert loads(json.dumps(data), BY_ID) is not None
    data["started_at"] = data["entered_at"] = _later(30)  # 30 minutes more on the clock
    assert loads(json.dumps(data), BY_ID) is None
    data = json.loads(dumps(run))
    data["responses"] = [[q.id, run.items[0].options[0] if not isinstance(
        run.items[0].options[0], tuple) else list(run.items[0].options[0]), data["started_at"]]]
    assert loads(json.dumps(data), BY_ID) is None  # a mock exam has no answers until scored
