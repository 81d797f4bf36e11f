"""The question-bank schema (quiz/bank_format.md): one pydantic model per
question type, discriminated by ``type``. Unknown keys are errors and nothing is coerced
(``strict``): an unquoted ``0.25`` where a string is expected is reported, not guessed.

Rules that span two fields (the answer is one of the options) live in ``rule_issues``, so
that the loader can report them against the field that is wrong.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator
from pydantic_core import PydanticCustomError

from .themes import THEMES

QUESTION_TYPES = ("single", "multiple", "numeric", "truefalse")
ThemeId = Literal[tuple(THEMES)]  # type: ignore[valid-type]
Issue = tuple[str, str, str]  # (field, English message, Japanese message)


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "must not be empty")
    return value


class _Question(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    theme: ThemeId
    functions: Annotated[list[str], Field(min_length=1)]
    difficulty: Literal[1, 2, 3]
    text: str
    explanation: str
    link: str | None = None

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

    def rule_issues(self) -> list[Issue]:
        issues = super().rule_issues()
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


Question = SingleQuestion | MultipleQuestion | NumericQuestion | TrueFalseQuestion
QUESTION_ADAPTER: TypeAdapter[Question] = TypeAdapter(
    Annotated[Question, Field(discriminator="type")]
)
