"""The question-bank schema (quiz/bank_format.md): one pydantic model per
question type, discriminated by ``type``. Unknown keys are errors and nothing is coerced
(``strict``): an unquoted ``0.25`` where a string is expected is reported, not guessed.

Rules that span two fields (the answer is one of the options) live in ``rule_issues``, so
that the loader can report them against the field that is wrong.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator
from pydantic_core import PydanticCustomError

from .figures import Figure
from .themes import THEMES

QUESTION_TYPES = ("single", "multiple", "numeric", "truefalse", "blanks", "graph")
ThemeId = Literal[tuple(THEMES)]  # type: ignore[valid-type]
Issue = tuple[str, str, str]  # (field, English message, Japanese message)


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "must not be empty")
    return value


def _figure_issues(where: str, figure) -> list[Issue]:
    if figure is None:
        return []
    return [(f"{where}.{f}", en, ja) for f, en, ja in figure.issues()]


class _Question(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    theme: ThemeId
    functions: Annotated[list[str], Field(min_length=1)]
    difficulty: Literal[1, 2, 3]
    text: str
    explanation: str
    link: str | None = None
    # Questions that must not meet in one run (one shows another's key): a run draws at
    # most one question per group, and the validator accepts a key shown across the group.
    group: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")] | None = None

    _blank_text = field_validator("text", "explanation")(_not_blank)

    @field_validator("difficulty", mode="before")
    @classmethod
    def _not_bool(cls, value: object) -> object:
        # True == 1 in Python, so a YAML "difficulty: yes" would pass as 1 without this.
        if isinstance(value, bool):
            raise PydanticCustomError("literal_error", "must be one of {expected}",
                                      {"expected": "1, 2 or 3"})
        return value

    def rule_issues(self) -> list[Issue]:
        """Problems no single field can show (answer vs options, repeated entries)."""
        issues: list[Issue] = []
        if len(set(self.functions)) != len(self.functions):
            issues.append(("functions", "lists a function twice", "同じ関数が2回あります"))
        return issues


class _WithOptions(_Question):
    options: list[Annotated[str, Field(min_length=1)]]

    @field_validator("options")
    @classmethod
    def _options_not_blank(cls, value: list[str]) -> list[str]:
        for option in value:
            _not_blank(option)
        return value

    def rule_issues(self) -> list[Issue]:
        issues = super().rule_issues()
        if len(set(self.options)) != len(self.options):
            issues.append(("options", "options must be distinct", "選択肢が重複しています"))
        return issues


class SingleQuestion(_WithOptions):
    type: Literal["single"]
    options: Annotated[list[Annotated[str, Field(min_length=1)]],
                       Field(min_length=4, max_length=4)]
    answer: str
    code: str | None = None  # code tracing: a Python snippet whose printed output is the key
    figure: Figure | None = None  # a figure drawn under the text (quiz/figures.py)

    @field_validator("code")
    @classmethod
    def _code_not_blank(cls, value: str | None) -> str | None:
        return None if value is None else _not_blank(value)

    def rule_issues(self) -> list[Issue]:
        issues = super().rule_issues() + _figure_issues("figure", self.figure)
        if self.answer not in self.options:
            issues.append(("answer", f"answer {self.answer!r} is not one of the options",
                           f"正解 {self.answer!r} が選択肢にありません"))
        return issues


class MultipleQuestion(_WithOptions):
    type: Literal["multiple"]
    options: Annotated[list[Annotated[str, Field(min_length=1)]],
                       Field(min_length=4, max_length=6)]
    answer: Annotated[list[str], Field(min_length=1)]

    def rule_issues(self) -> list[Issue]:
        issues = super().rule_issues()
        for i, a in enumerate(self.answer):
            if a not in self.options:
                issues.append((f"answer[{i}]", f"answer {a!r} is not one of the options",
                               f"正解 {a!r} が選択肢にありません"))
        if len(set(self.answer)) != len(self.answer):
            issues.append(("answer", "lists an answer twice", "同じ正解が2回あります"))
        return issues


class NumericQuestion(_Question):
    type: Literal["numeric"]
    answer: float
    tolerance: Annotated[float, Field(gt=0)]

    @field_validator("answer", "tolerance")
    @classmethod
    def _finite(cls, value: float) -> float:
        if value != value or value in (float("inf"), float("-inf")):
            raise PydanticCustomError("not_finite", "must be a finite number")
        return value


class TrueFalseQuestion(_Question):
    type: Literal["truefalse"]
    answer: bool


BLANK = re.compile(r"（([^（）\s]{1,3})）")  # a blank in the text: （ア）, full-width parens


class BlanksQuestion(_Question):
    """Fill-ins with 2..4 blanks; each option fills every blank, one option is the key."""

    type: Literal["blanks"]
    blanks: Annotated[list[Annotated[str, Field(min_length=1)]],
                      Field(min_length=2, max_length=4)]
    options: Annotated[list[list[Annotated[str, Field(min_length=1)]]],
                       Field(min_length=4, max_length=4)]
    answer: list[str]

    def rule_issues(self) -> list[Issue]:
        issues = super().rule_issues()
        in_text = BLANK.findall(self.text)
        if len(set(self.blanks)) != len(self.blanks):
            issues.append(("blanks", "lists a blank twice", "同じ空欄が2回あります"))
        for label in dict.fromkeys(in_text):
            if label not in self.blanks:
                issues.append(("text", f"blank （{label}） is not in blanks",
                               f"空欄（{label}）が blanks にありません"))
        for i, label in enumerate(self.blanks):
            if label not in in_text:
                issues.append((f"blanks[{i}]", f"（{label}） does not appear in the text",
                               f"（{label}）が本文にありません"))
        n = len(self.blanks)
        for i, option in enumerate(self.options):
            if len(option) != n:
                issues.append((f"options[{i}]", f"needs {n} entries, one per blank",
                               f"空欄の数（{n} 個）だけ必要です"))
        if len({tuple(o) for o in self.options}) != len(self.options):
            issues.append(("options", "options must be distinct", "選択肢が重複しています"))
        if self.answer not in self.options:
            issues.append(("answer", f"answer {self.answer!r} is not one of the options",
                           f"正解 {self.answer!r} が選択肢にありません"))
        return issues


class GraphQuestion(_Question):
    """Four figures, shown labelled A–D in shuffled order; the answer is one of them
    (write it once with a YAML anchor, ``- &key {...}`` ... ``answer: *key``)."""

    type: Literal["graph"]
    figure: Figure | None = None
    options: Annotated[list[Figure], Field(min_length=4, max_length=4)]
    answer: Figure

    def rule_issues(self) -> list[Issue]:
        issues = super().rule_issues() + _figure_issues("figure", self.figure)
        for i, option in enumerate(self.options):
            issues += _figure_issues(f"options[{i}]", option)
        if any(a == b for i, a in enumerate(self.options) for b in self.options[i + 1:]):
            issues.append(("options", "options must be distinct", "選択肢が重複しています"))
        if self.answer not in self.options:
            issues.append(("answer", "answer is not one of the options",
                           "正解が選択肢にありません"))
        return issues


Question = (SingleQuestion | MultipleQuestion | NumericQuestion | TrueFalseQuestion
            | BlanksQuestion | GraphQuestion)
ONE_CHOICE = (SingleQuestion, BlanksQuestion, GraphQuestion)  # pick one of the options
QUESTION_ADAPTER: TypeAdapter[Question] = TypeAdapter(
    Annotated[Question, Field(discriminator="type")]
)
