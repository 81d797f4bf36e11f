"""One quiz run: the drawn questions with their shuffled options, the answers given, the
score by theme, and the review round of the questions answered wrong. Pure state: the page
keeps a ``QuizRun`` in its session and calls these methods."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np

from .answers import Given, is_correct
from .schema import ONE_CHOICE, MultipleQuestion, Question
from .themes import tally_by_theme

STUDY, EXAM = "study", "exam"
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
    """``n`` distinct questions (all of them when fewer), more likely where weight is larger."""
    n = max(0, min(n, len(questions)))
    if n == 0:
        return []
    p = None
    if weights is not None:
        w = np.asarray(weights, dtype=float)
        p = w / w.sum()
    picked = rng.choice(len(questions), size=n, replace=False, p=p)
    return [questions[i] for i in picked]


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

    @classmethod
    def start(cls, questions: list[Question], mode: str, rng: np.random.Generator,
              **kwargs) -> QuizRun:
        items = [Item(q.id, shuffled_options(q, rng)) for q in questions]
        return cls(mode=mode, items=items, **kwargs)

    @property
    def finished(self) -> bool:
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

    def answer(self, question: Question, given: Given, now: datetime) -> Response:
        """Record the answer to the current item; exam mode moves straight on."""
        if self.finished or question.id != self.items[self.index].qid:
            raise ValueError("answer to a question that is not the current one")
        response = Response(question.id, question.theme, given, is_correct(question, given), now)
        self.responses.append(response)
        if self.mode == EXAM:
            self.index += 1
        else:
            self.revealed = True
        return response

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
        self.responses = [r for r in self.responses if r.qid in questions]

    def time_out(self, questions: dict[str, Question], now: datetime) -> list[Response]:
        """Exam time is up: every item left counts as unanswered (wrong)."""
        left = []
        while not self.finished:
            q = questions[self.items[self.index].qid]
            left.append(Response(q.id, q.theme, None, False, now))
            self.index += 1
        self.responses.extend(left)
        return left

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
