"""The study record a learner reads in Excel: UTF-8 with a BOM, theme names, the question's
first line, answers in words, right/wrong, times in the learner's own zone."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from quiz.answers import encode
from quiz.attempt import Attempt
from quiz.figures import describe
from quiz.loader import load_paths
from quiz.schema import GraphQuestion, MultipleQuestion, TrueFalseQuestion
from quiz.spoken import spoken
from quiz.study_record import RecordText, study_record_csv
from quiz.themes import THEMES

BANK = load_paths([Path(__file__).parents[1] / "quiz_data"])


def _q(kind):
    return next(q for q in BANK.questions if isinstance(q, kind))


def _rows(text: str) -> list[list[str]]:
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for Japanese
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_rows_in_words_local_time_oldest_first():
    tf, graph, multi = _q(TrueFalseQuestion), _q(GraphQuestion), _q(MultipleQuestion)
    wrong_fig = next(o for o in graph.options if o != graph.answer)
    attempts = [
        Attempt("s", graph.id, graph.theme, False, encode(wrong_fig),
                datetime(2026, 3, 2, 1, 0, tzinfo=UTC)),
        Attempt("s", tf.id, tf.theme, True, encode(tf.answer),
                datetime(2026, 3, 1, 23, 30, tzinfo=UTC)),
        Attempt("s", multi.id, multi.theme, True, encode(tuple(multi.answer)),
                datetime(2026, 3, 2, 2, 0, tzinfo=UTC)),
        Attempt("s", "gone-question", "softmax", False, '"x"',
                datetime(2026, 3, 2, 3, 0, tzinfo=UTC)),
    ]
    rows = _rows(study_record_csv(attempts, BANK.by_id, ZoneInfo("America/New_York")))
    assert rows[0] == ["日時", "テーマ", "問題", "あなたの解答", "正解", "正誤"]
    first, second, third, gone = rows[1:]
    # 23:30 UTC on 1 March is 18:30 in New York (EST, UTC-5): oldest first
    assert first[0] == "2026-03-01 18:30:00" and second[0] == "2026-03-01 20:00:00"
    assert first[1] == THEMES[tf.theme][0]  # the theme's name, never its id
    assert first[3] == first[4] == ("正しい" if tf.answer else "誤り") and first[5] == "○ 正解"
    # a graph answer is what its figure shows, with no letter: the record has no figures, and
    # the run lettered its figures in its own order (a learner read "A" for the "B" they chose)
    assert second[3] == spoken(describe(wrong_fig)) and second[5] == "× 不正解"
    assert second[4] == spoken(describe(graph.answer))
    assert second[2] and "\n" not in second[2]
    assert len(third[3].splitlines()) == len(multi.answer)  # one option a line
    assert gone[2] == "（問題集から削除された問題）" and gone[3] == '"x"'


def test_a_cell_is_never_an_excel_formula():
    tf = _q(TrueFalseQuestion)
    attempt = Attempt("s", "gone", tf.theme, False, '"=HYPERLINK(1)"',
                      datetime(2026, 3, 1, tzinfo=UTC))
    rows = _rows(study_record_csv([attempt], {}, ZoneInfo("Asia/Tokyo"),
                                  RecordText(gone="=cmd")))
    assert rows[1][2] == "'=cmd"
    assert rows[1][3] == '"=HYPERLINK(1)"'  # kept as stored: starts with a quote
    assert study_record_csv([], {}, ZoneInfo("UTC")).count("\n") == 1  # the header alone


def test_every_question_reads_without_typeset_maths():
    """The whole bank, right and wrong: no $, no TeX command in any cell (Excel shows none)."""
    attempts = []
    for i, q in enumerate(BANK.questions):
        key = q.answer if not isinstance(q, MultipleQuestion) else tuple(q.answer)
        attempts.append(Attempt("s", q.id, q.theme, True, encode(key),
                                datetime(2026, 3, 1, tzinfo=UTC).replace(microsecond=i)))
    rows = _rows(study_record_csv(attempts, BANK.by_id, ZoneInfo("Asia/Tokyo")))[1:]
    assert len(rows) == len(BANK.questions)
    for row in rows:
        for cell in row[2:5]:
            assert "$" not in cell and not re.search(r"\\[A-Za-z]", cell), (row[2], cell)
    sigmoid = next(r for r in rows if "1/(1 + e^(-x))" in r[4] or "1/(1 + e^(-x))" in r[2])
    assert sigmoid  # the sigmoid's formula reads as a linear formula
