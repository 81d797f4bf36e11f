"""学習履歴's review list in AppTest, on the real banks: each mistake with its answer and key
in words, newest first, filtered by theme, a page at a time, and 「この問題を解き直す」
starting a study run of that one question; the download buttons are there."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.answer_words import reading_order
from quiz.answers import encode
from quiz.attempt import Attempt
from quiz.figures import describe
from quiz.loader import load_paths
from quiz.schema import (
    BlanksQuestion,
    GraphQuestion,
    MultipleQuestion,
    NumericQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from tests.apptest import open_page
from tests.quiz_helpers import wrong_answer

BANKS = Path(__file__).parents[1] / "quiz_data"
BANK = load_paths([BANKS])
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTLAB_QUIZ_DIR", str(BANKS))
    monkeypatch.setenv("ACTLAB_DB", str(tmp_path / "history.sqlite3"))
    return tmp_path


def first(kind):
    return next(q for q in BANK.questions if isinstance(q, kind))


def seed(at, attempts):
    at.session_state["learner.history"].add(attempts)
    at.run()
    assert not at.exception


def mistakes_of(kinds):
    return [Attempt("s1", q.id, q.theme, False, encode(wrong_answer(q)), T0 + timedelta(minutes=i))
            for i, q in enumerate(first(k) for k in kinds)]


KINDS = (SingleQuestion, MultipleQuestion, NumericQuestion, TrueFalseQuestion, BlanksQuestion,
         GraphQuestion)


def texts(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_each_mistake_in_words_newest_first_and_retry(env):
    at = open_page("quiz")
    seeded = mistakes_of(KINDS)
    single = first(SingleQuestion)
    right_hard = Attempt("s2", BANK.questions[-1].id, BANK.questions[-1].theme, True,
                         encode(BANK.questions[-1].answer), T0 + timedelta(hours=1), rating=2)
    right = next(q for q in BANK.questions if q.id not in {a.question_id for a in seeded}
                 and q.id != right_hard.question_id)
    seed(at, [*seeded, right_hard,
              Attempt("s2", right.id, right.theme, True, encode(right.answer), T0)])
    body = texts(at)
    assert "7 問のうち 1〜7 問目を表示" in " ".join(c.value for c in at.caption)
    # the answers in words: never JSON
    graph, numeric, tf = first(GraphQuestion), first(NumericQuestion), first(TrueFalseQuestion)
    letter = "ABCD"[reading_order(graph).index(wrong_answer(graph))]
    assert f"**あなたの解答**: {letter}: " in body
    # the figure lettered so in the list is the one answered
    assert f"{letter}: {describe(wrong_answer(graph))}" in [c.value for c in at.caption]
    # and the list says its letters are its own (a run letters them its own way)
    assert sum("この一覧での並び" in c.value for c in at.caption) == 1  # one graph mistake
    assert f"**あなたの解答**: {wrong_answer(numeric):g}" in body
    assert f"**あなたの解答**: {'正しい' if wrong_answer(tf) else '誤り'}" in body
    blanks = first(BlanksQuestion)
    assert f"（{blanks.blanks[0]}） {wrong_answer(blanks)[0]}" in body
    assert '"kind"' not in body and '["' not in body
    assert "正解（自己評価「難しい」）" in " ".join(c.value for c in at.caption)
    # the graph question's four figures (and any question figure) are drawn
    assert len(at.get("plotly_chart")) >= 4
    # newest first: the rated-hard answer (an hour later), then the graph mistake
    retry = at.button(key="quiz.review.0.retry")
    assert retry.label == "この問題を解き直す"
    at.button(key="quiz.review.1.retry").click().run()
    run = at.session_state["quiz.run"]
    assert [i.qid for i in run.items] == [graph.id] and run.mode == "study"
    assert at.session_state["quiz.tab"] == "クイズ"
    assert single.id not in {i.qid for i in run.items}


def test_filter_by_theme_and_pages(env):
    at = open_page("quiz")
    themes = list(dict.fromkeys(q.theme for q in BANK.questions))[:5]
    questions = [q for th in themes for q in [q for q in BANK.questions if q.theme == th][:5]]
    assert len(questions) == 25
    seed(at, [Attempt("s", q.id, q.theme, False, encode(wrong_answer(q)), T0 + timedelta(minutes=i))
              for i, q in enumerate(questions)])
    captions = " ".join(c.value for c in at.caption)
    assert "25 問のうち 1〜10 問目を表示" in captions
    at.number_input(key="quiz.review.page").set_value(3).run()
    assert "25 問のうち 21〜25 問目を表示" in " ".join(c.value for c in at.caption)
    theme = questions[0].theme
    at.button_group(key="quiz.review.themes").set_value([theme]).run()
    assert not at.exception
    assert "5 問のうち 1〜5 問目を表示" in " ".join(c.value for c in at.caption)
    assert "quiz.review.page" not in {w.key for w in at.number_input}  # one page
    at.button_group(key="quiz.review.themes").set_value([]).run()
    assert "選んだテーマに間違えた問題はありません。" in [i.value for i in at.info]


def test_english_and_the_download_buttons(env):
    at = open_page("quiz", lang="en")
    seed(at, mistakes_of((TrueFalseQuestion,)))
    tf = first(TrueFalseQuestion)
    assert f"**You answered**: {'True' if wrong_answer(tf) else 'False'}" in texts(at)
    keys = {b.key for b in at.get("download_button")}
    assert {"quiz.record.download", "quiz.history.download", "quiz.anki.download"} <= keys
    assert at.radio(key="quiz.anki.scope").value == "mistakes"


def test_anki_with_no_mistakes_offers_the_themes(env):
    at = open_page("quiz")
    scope = at.radio(key="quiz.anki.scope")
    assert scope.value == "mistakes" and scope.options[0] == "間違えた問題（0 問）"
    assert "書き出す問題がありません。" in [i.value for i in at.info]
    assert "quiz.anki.download" not in {b.key for b in at.get("download_button")}
    scope.set_value("softmax").run()
    assert "quiz.anki.download" in {b.key for b in at.get("download_button")}


def test_hidden_during_a_mock_exam(env):
    at = open_page("quiz")
    seed(at, mistakes_of((SingleQuestion,)))
    assert at.button(key="quiz.review.0.retry")
    at.number_input(key="quiz.count").set_value(2)
    at.radio(key="quiz.mode").set_value("exam")
    at.button(key="quiz.start").click().run()
    assert at.session_state["quiz.run"].mode == "exam"
    assert "quiz.review.0.retry" not in {b.key for b in at.button}
    assert "quiz.anki.download" not in {b.key for b in at.get("download_button")}
    assert any("模試の実施中は" in i.value for i in at.info)
    assert "**あなたの解答**" not in texts(at)
