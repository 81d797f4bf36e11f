"""One quiz run: the drawn questions with their shuffled options, the answers given, the
score by theme, and the review round of the questions answered wrong. Pure state: the page
keeps a ``QuizRun`` in its session and calls these methods.

Study mode checks each answer at once. The mock exam works like the CBT: answers are only
chosen (``choose``), the learner moves freely (``go``), flags questions for 見直し, and
everything chosen is scored at the end (``finish``), also when the time runs out."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import numpy as np

from .answers import Given, is_correct
from .schema import ONE_CHOICE, MultipleQuestion, Question
from .themes import tally_by_theme

STUDY, EXAM = "study", "exam"
EXAM_TYPES = (*ONE_CHOICE, MultipleQuestion)  # the exam's own formats: choices
# The E資格 gives about 120 minutes for about 100 questions: 72 s each.
SECONDS_PER_QUESTION = 72


def exam_time_limit_s(n_questions: int) -> int:
    """The exam-mode limit for a quiz of n questions."""
    return SECONDS_PER_QUESTION * n_questions


@dataclass(frozen=True)
class Item:
    qid: str
    # display order; empty for numeric and true/false; a blanks option is a tuple per blank
    options: tuple = ()


@dataclass(frozen=True)
class Response:
    qid: str
    theme: str
    given: Given
    correct: bool
    answered_at: datetime


def shuffled_options(question: Question, rng: np.random.Generator) -> tuple:
    if isinstance(question, (*ONE_CHOICE, MultipleQuestion)):
        return tuple(tuple(o) if isinstance(o, list) else o
                     for o in (question.options[i] for i in rng.permutation(len(question.options))))
    return ()


def draw(questions: list[Question], n: int, rng: np.random.Generator,
         weights: np.ndarray | None = None) -> list[Question]:
    """``n`` distinct questions, more likely where weight is larger, and at most one of each
    ``group`` (questions of a group show each other's keys). Fewer when the pool runs out:
    as many as there are groups plus questions in none."""
    w = np.ones(len(questions)) if weights is None else np.asarray(weights, dtype=float)
    free = np.ones(len(questions), dtype=bool)
    picked: list[Question] = []
    while len(picked) < n and free.any():
        p = np.where(free, w, 0.0)
        p = p / p.sum() if p.sum() > 0 else free / free.sum()
        question = questions[rng.choice(len(questions), p=p)]
        picked.append(question)
        free &= [q is not question and (question.group is None or q.group != question.group)
                 for q in questions]
    return picked


def drawable(questions: list[Question]) -> int:
    """How many questions one draw can give at most: one per group, and every ungrouped one."""
    return len({q.group for q in questions if q.group is not None}) \
        + sum(q.group is None for q in questions)


def askable(questions: list[Question], mode: str) -> list[Question]:
    """The questions a mode asks: the mock exam only the exam's formats (single, multiple)."""
    return [q for q in questions if mode != EXAM or isinstance(q, EXAM_TYPES)]


def score_by_theme(responses: list[Response]) -> dict[str, tuple[int, int]]:
    """theme -> (correct, answered), themes in the page's order."""
    return tally_by_theme(responses)


@dataclass
class QuizRun:
    mode: str  # STUDY or EXAM
    items: list[Item]
    session_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    review_round: int = 0  # 0: the first round; 1, 2, ...: reviews of wrong answers
    index: int = 0
    responses: list[Response] = field(default_factory=list)
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    revealed: bool = False  # study mode: the current answer has been checked
    # Mock exam, keyed by question id: the answer chosen, the 見直し flags, seconds spent.
    choices: dict[str, Given] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    spent_s: dict[str, float] = field(default_factory=dict)
    chosen_at: dict[str, datetime] = field(default_factory=dict)  # when each was last chosen
    entered_at: datetime | None = None  # when the current question was opened
    ended_at: datetime | None = None  # when the mock exam was scored
    # The setup it was started from (the themes chosen, the number asked): a reload puts
    # them back for 「新しいクイズ」
    themes: tuple[str, ...] = ()
    count: int = 0

    @classmethod
    def start(cls, questions: list[Question], mode: str, rng: np.random.Generator,
              **kwargs) -> QuizRun:
        items = [Item(q.id, shuffled_options(q, rng)) for q in questions]
        run = cls(mode=mode, items=items, **kwargs)
        if mode == EXAM:
            run.entered_at = run.started_at
        return run

    @property
    def finished(self) -> bool:
        if self.mode == EXAM and self.items:
            return self.ended_at is not None
        return self.index >= len(self.items)

    @property
    def current(self) -> Item | None:
        return None if self.finished else self.items[self.index]

    @property
    def time_limit_s(self) -> float | None:
        return exam_time_limit_s(len(self.items)) if self.mode == EXAM else None

    def seconds_left(self, now: datetime) -> float | None:
        if self.time_limit_s is None:
            return None
        return max(0.0, self.time_limit_s - (now - self.started_at).total_seconds())

    @property
    def deadline(self) -> datetime | None:
        limit = self.time_limit_s
        return None if limit is None else self.started_at + timedelta(seconds=limit)

    def answer(self, question: Question, given: Given, now: datetime) -> Response:
        """Study mode: check the answer to the current item and reveal the verdict."""
        if self.mode == EXAM:
            raise ValueError("the mock exam chooses answers and scores them at the end")
        if self.finished or question.id != self.items[self.index].qid:
            raise ValueError("answer to a question that is not the current one")
        response = Response(question.id, question.theme, given, is_correct(question, given), now)
        self.responses.append(response)
        self.revealed = True
        return response

    # -- the mock exam --------------------------------------------------------------------

    def choose(self, given: Given, now: datetime | None = None) -> None:
        """The answer chosen for the current question (None or () un-chooses it) at ``now``:
        the time the history records for it."""
        if self.finished:
            return
        qid = self.current.qid
        if given is None or given == ():
            self.choices.pop(qid, None)
            self.chosen_at.pop(qid, None)
        else:
            self.choices[qid] = given
            if now is not None:
                self.chosen_at[qid] = now

    def toggle_flag(self) -> None:
        if not self.finished:
            self.flags ^= {self.current.qid}

    def _leave(self, now: datetime) -> None:
        """Add the time since the current question was opened to its total."""
        if not self.finished and self.entered_at is not None:
            qid = self.current.qid
            seconds = max(0.0, (now - self.entered_at).total_seconds())
            self.spent_s[qid] = self.spent_s.get(qid, 0.0) + seconds
        self.entered_at = now

    def go(self, index: int, now: datetime) -> None:
        """Open question ``index`` (clamped to the run)."""
        if self.finished or not self.items:
            return
        self._leave(now)
        self.index = min(max(index, 0), len(self.items) - 1)

    def next_unanswered(self) -> int | None:
        """The first unanswered question after the current one, wrapping round."""
        n = len(self.items)
        for step in range(1, n + 1):
            i = (self.index + step) % n
            if self.items[i].qid not in self.choices:
                return i
        return None

    def unanswered(self) -> list[int]:
        return [i for i, item in enumerate(self.items) if item.qid not in self.choices]

    def flagged(self) -> list[int]:
        return [i for i, item in enumerate(self.items) if item.qid in self.flags]

    def finish(self, questions: dict[str, Question], now: datetime) -> list[Response]:
        """Score the mock exam: every chosen answer counts as given, the rest as unanswered.
        Each answer keeps the time it was chosen (the end, for a run that did not record it).

        After the deadline the answers are scored as of the deadline."""
        end = now if self.deadline is None else min(now, self.deadline)
        self._leave(end)
        self.responses = []
        for item in self.items:
            q = questions[item.qid]
            given = self.choices.get(q.id)
            at = min(self.chosen_at.get(q.id, end), end)
            self.responses.append(Response(q.id, q.theme, given, is_correct(q, given), at))
        self.index, self.ended_at = len(self.items), end
        return self.responses

    @property
    def time_used_s(self) -> float | None:
        return None if self.ended_at is None else (self.ended_at - self.started_at).total_seconds()

    def next(self) -> None:
        """Study mode: leave the checked item for the next one."""
        if self.revealed:
            self.revealed = False
            self.index += 1

    def prune(self, questions: dict[str, Question]) -> None:
        """Forget the items and answers of questions no longer in the bank (a bank file
        changed during the run), so every later lookup by id finds its question."""
        if self.revealed and not self.finished and self.current.qid not in questions:
            self.revealed = False
        done = [item for item in self.items[:self.index] if item.qid in questions]
        self.items = done + [item for item in self.items[self.index:] if item.qid in questions]
        self.index = len(done)
        if self.mode == EXAM and self.ended_at is None and self.items:
            self.index = min(self.index, len(self.items) - 1)  # the exam ends only by finish
        self.responses = [r for r in self.responses if r.qid in questions]
        self.choices = {q: g for q, g in self.choices.items() if q in questions}
        self.chosen_at = {q: m for q, m in self.chosen_at.items() if q in questions}
        self.flags &= set(questions)

    def time_out(self, questions: dict[str, Question], now: datetime) -> list[Response]:
        """Exam time is up: what is chosen counts as given, as when finishing."""
        return self.finish(questions, now)

    def wrong_ids(self) -> list[str]:
        seen: list[str] = []
        for r in self.responses:
            if not r.correct and r.qid not in seen:
                seen.append(r.qid)
        return seen

    def review(self, questions: dict[str, Question], rng: np.random.Generator) -> QuizRun:
        """A new round of only the questions answered wrong, options shuffled again.

        Reviews are for learning, so they show each explanation at once."""
        wrong = [questions[qid] for qid in self.wrong_ids()]
        return QuizRun.start(wrong, STUDY, rng, session_id=self.session_id,
                             review_round=self.review_round + 1)
