"""The study record: every answer as a learner reads it (local time, theme name, the
question's first line, the answer and the key in words, right or wrong), as CSV that Excel
opens (UTF-8 with a BOM). For reading only: the restorable backup is quiz/csv_io.py."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from .answer_words import Words, key_words, plain_first_line, stored_words
from .attempt import Attempt
from .csv_io import BOM
from .schema import Question
from .spoken import spoken
from .themes import theme_name

_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # a cell Excel would run as a formula


@dataclass(frozen=True)
class RecordText:
    """The UI language's words for the record (defaults: Japanese)."""

    lang: str = "ja"
    columns: tuple[str, ...] = ("日時", "テーマ", "問題", "あなたの解答", "正解", "正誤")
    right: str = "○ 正解"
    wrong: str = "× 不正解"
    gone: str = "（問題集から削除された問題）"
    words: Words = field(default_factory=Words)


def _cell(text: str) -> str:
    """Text as Excel shows it: never run as a formula (a number stays a number)."""
    if text.startswith(_FORMULA):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text


def _readable(text: str) -> str:
    """TeX as linear text (``$\\dfrac{1}{1 + e^{-x}}$`` → ``1/(1 + e^(-x))``), line by line:
    a spreadsheet shows no typeset maths, and a multiple answer keeps one option a line."""
    return "\n".join(spoken(line) for line in text.splitlines())


def _row(a: Attempt, question: Question | None, zone: ZoneInfo, text: RecordText) -> list[str]:
    when = a.answered_at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")
    if question is None:
        asked, given, key = text.gone, a.answer, ""
    else:
        asked = _readable(plain_first_line(question.text))
        # no figure letters: the record shows no figures, and a run lettered them its own way
        given = _readable(stored_words(question, a.answer, text.words, letters=False))
        key = _readable(key_words(question, text.words, letters=False))
    return [when, theme_name(a.theme, text.lang), *(_cell(v) for v in (asked, given, key)),
            text.right if a.correct else text.wrong]


def study_record_csv(attempts: list[Attempt], by_id: dict[str, Question], zone: ZoneInfo,
                     text: RecordText = RecordText()) -> str:
    """Every answer, oldest first, as CSV text starting with a BOM (encode it as UTF-8)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # Excel's own line ends
    writer.writerow(text.columns)
    for a in sorted(attempts, key=lambda a: a.answered_at):
        writer.writerow(_row(a, by_id.get(a.question_id), zone, text))
    return BOM + out.getvalue()
