"""/quiz in AppTest, driven by widget keys: whole quizzes in both modes with the review
round, the history view, a broken bank and an unwritable history."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from quiz.loader import load_paths
from quiz.markdown import safe_markdown
from quiz.schema import MultipleQuestion, NumericQuestion, SingleQuestion
from tests.apptest import open_page
from tests.quiz_helpers import GOOD_BANK, fixture_questions
from ui.quiz_play import answer_key

BANK = fixture_questions()
BROKEN = Path(__file__).parent / "fixtures" / "quiz" / "broken"
MORE_CHOICES = Path(__file__).parent / "fixtures" / "quiz" / "exam" / "more_choices.yaml"


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTLAB_QUIZ_DIR", str(GOOD_BANK))
    monkeypatch.setenv("ACTLAB_DB", str(tmp_path / "history.sqlite3"))
    return tmp_path


@pytest.fixture
def exam_env(env, monkeypatch):
    """The fixture bank and two more choice questions: four for a mock exam."""
    banks = env / "banks"
    shutil.copytree(GOOD_BANK, banks)
    shutil.copy(MORE_CHOICES, banks)
    monkeypatch.setenv("ACTLAB_QUIZ_DIR", str(banks))
    BANK.by_id.update(load_paths([MORE_CHOICES]).by_id)
    return env


def texts(at) -> list[str]:
    return [m.value for m in at.markdown]


def choose(at, right: bool) -> str:
    """Set the current question's widgets to a right or wrong answer (not submitted)."""
    run = at.session_state["quiz.run"]
    item, key = run.current, answer_key(run)
    q = BANK.by_id[item.qid]
    if isinstance(q, SingleQuestion):
        wrong = next(o for o in item.options if o != q.answer)
        at.radio(key=key).set_value(item.options.index(q.answer if right else wrong))
    elif isinstance(q, MultipleQuestion):
        for k, option in enumerate(item.options):
            box = at.checkbox(key=f"{key}.{k}")
            box.check() if (option in q.answer) == right else box.uncheck()
    elif isinstance(q, NumericQuestion):
        at.text_input(key=key).input(str(q.answer if right else q.answer + 10 * q.tolerance))
    else:
        at.radio(key=key).set_value(q.answer if right else not q.answer)
    return q.id


def answer(at, right: bool) -> str:
    """Answer the current question right or wrong through its widgets and submit it."""
    qid = choose(at, right)
    at.button(key="quiz.submit").click().run()
    assert not at.exception
    return qid


def start(at, mode: str, count: int = 5):
    at.number_input(key="quiz.count").set_value(count)
    at.radio(key="quiz.mode").set_value(mode)
    at.button(key="quiz.start").click().run()
    assert not at.exception
    return at.session_state["quiz.run"]


def stored(tmp_path) -> list[tuple]:
    with sqlite3.connect(tmp_path / "history.sqlite3") as conn:
        return conn.execute("SELECT question_id, correct FROM answers").fetchall()


def test_study_mode_whole_quiz_then_review_round(env):
    at = open_page("quiz")
    assert not at.exception and not at.warning
    run = start(at, "study")
    assert len(run.items) == 5
    seen_markdown, wrong = [], []
    for n in range(5):
        assert at.get("progress")[0].proto.value == n * 100 // 5
        qid = answer(at, right=n >= 2)
        if n < 2:
            wrong.append(qid)
            assert at.error[0].value == "不正解"
        else:
            assert at.success[0].value == "正解！"
        seen_markdown += texts(at)  # the explanation is shown at once
        assert "**解説**" in texts(at)
        at.button(key="quiz.next").click().run()
        assert not at.exception
    # Raw HTML from a bank shows as text: '<' became an entity outside math.
    assert any("&lt;script>alert(1)&lt;/script>" in m for m in seen_markdown)
    assert not any("<script>" in m for m in seen_markdown)
    assert "$a < b$" in "".join(seen_markdown)

    scores = at.dataframe[0].value
    assert scores["正解"].sum() == 3 and scores["出題"].sum() == 5
    at.button(key="quiz.review").click().run()
    review = at.session_state["quiz.run"]
    assert [i.qid for i in review.items] == wrong and review.review_round == 1
    for _ in wrong:
        answer(at, right=True)
        at.button(key="quiz.next").click().run()
    assert at.success[-1].value == "全問正解です！"
    assert at.get("button") and not [b for b in at.button if b.key == "quiz.review"]
    rows = stored(env)
    assert len(rows) == 7 and sum(c for _, c in rows) == 5

    # The history view: one day of answers is one bar per theme; the two wrong questions
    # are among the weakest, shown by their text and never by their id.
    chart = at.get("plotly_chart")[0].proto
    assert '"type":"bar"' in chart.spec.replace(" ", "")
    assert chart.alt.startswith("テーマ別正答率")  # described for screen readers
    weak = [c.value for c in at.caption if "不正解" in c.value and c.value[0].isdigit()]
    assert len(weak) == 2
    assert not any(qid in " ".join(texts(at) + weak) for qid in BANK.by_id)
    shown = " ".join(texts(at))
    assert all(safe_markdown(BANK.by_id[qid].text.strip())[:12] in shown for qid in wrong)
    # Each was wrong once, then right in the review round.
    assert weak[0].startswith("1. ") and all("不正解 1 / 2 回（正答率 50%）" in w for w in weak)

    at.button(key="quiz.restart").click().run()
    assert at.session_state["quiz.run"] is None and at.button(key="quiz.start")


def test_exam_mode_no_feedback_until_the_end_then_review(exam_env):
    at = open_page("quiz")
    run = start(at, "exam", count=9)
    assert len(run.items) == 4  # only single and multiple choice: 3 + 1 in these banks
    assert all(BANK.by_id[i.qid].type in ("single", "multiple") for i in run.items)
    assert run.time_limit_s == 4 * 72
    assert any("残り時間" in m for m in texts(at))
    wrong = []
    for n in range(4):
        qid = choose(at, right=n != 1)
        at.run()  # the choice is kept at once: no submit button in the mock exam
        assert run.choices[qid]
        if n == 1:
            wrong.append(qid)
        assert not at.success and not at.error and "**解説**" not in texts(at)
        if n < 3:
            at.button(key="quiz.exam.next").click().run()
    assert not [b for b in at.button if b.key == "quiz.submit"]
    at.button(key="quiz.exam.finish").click().run()  # all answered, none flagged: no question
    assert not at.exception
    assert at.subheader[0].value == "結果"
    assert len(at.expander) == 4  # every answer with its explanation
    assert sum(m.value == "**解説**" for e in at.expander for m in e.markdown) == 4
    assert at.dataframe[0].value["正解"].sum() == 3
    assert any(m.startswith("所要時間 ") for m in texts(at))
    labels = [e.label for e in at.expander]
    assert all(":gray[" in label and " 秒]" in label for label in labels)  # time per question
    assert sum(":red[**✗**]" in label for label in labels) == 1
    assert len(stored(exam_env)) == 4
    at.button(key="quiz.review").click().run()
    review = at.session_state["quiz.run"]
    assert [i.qid for i in review.items] == wrong and review.mode == "study"
    answer(at, right=True)
    at.button(key="quiz.next").click().run()
    assert at.success[-1].value == "全問正解です！"
    assert len(stored(exam_env)) == 5


def test_exam_back_skip_flag_and_the_overview(exam_env):
    at = open_page("quiz")
    run = start(at, "exam", count=3)
    at.checkbox(key=f"quiz.flag.{run.session_id[:8]}.0").check().run()
    assert run.flags == {run.items[0].qid}
    at.button(key="quiz.exam.skip").click().run()
    assert run.index == 1
    first = choose(at, right=True)
    at.run()
    at.button(key="quiz.exam.back").click().run()
    assert run.index == 0
    at.button(key="quiz.exam.skip").click().run()  # the next unanswered, past the answered one
    assert run.index == 2
    overview = at.expander[0]
    assert overview.label.startswith("問題一覧（解答済み 1・見直し 1・未解答 2）")
    at.button_group(key=f"quiz.overview.{run.session_id[:8]}.2").set_value(1).run()
    assert run.index == 1 and run.choices[first]  # the jump came back to the kept choice
    assert run.current.qid == first
    assert not at.exception


def exam_one_chosen_then_next(count: int):
    """A mock exam with the first question answered right, now at the second one."""
    at = open_page("quiz")
    run = start(at, "exam", count=count)
    first = choose(at, right=True)
    at.run()  # a choice in the mock exam reruns the page and is kept at once
    at.button(key="quiz.exam.next").click().run()
    return at, run, first


def test_exam_time_up_scores_the_chosen_answers(exam_env):
    at, run, first = exam_one_chosen_then_next(3)
    second = choose(at, right=True)  # chosen (the click reruns the page), never "submitted"
    at.run()
    run.started_at -= timedelta(hours=1)  # then the clock runs out
    at.run()
    assert not at.exception
    assert at.info[0].value.startswith("時間切れです")
    assert at.subheader[0].value == "結果"
    assert [r.correct for r in run.responses] == [True, True, False]
    assert [r.qid for r in run.responses][:2] == [first, second]
    assert texts(at).count("**解説**") == 3
    at.button(key="quiz.review").click().run()
    review = at.session_state["quiz.run"]
    assert [i.qid for i in review.items] == [i.qid for i in run.items[2:]]
    assert len(stored(exam_env)) == 2  # unanswered questions are not recorded as attempts


def test_a_reload_returns_to_the_mock_exam(exam_env):
    _, run, qid = exam_one_chosen_then_next(3)
    again = open_page("quiz")  # a new browser session on the same history
    back = again.session_state["quiz.run"]
    assert back.session_id == run.session_id and back.index == 1
    assert back.choices == {qid: run.choices[qid]} and back.started_at == run.started_at
    assert any("残り時間" in m for m in texts(again))


def test_a_missing_answer_and_a_non_number_get_a_message(env):
    at = open_page("quiz")
    run = start(at, "study")
    while not isinstance(BANK.by_id[run.current.qid], NumericQuestion):
        answer(at, right=True)
        at.button(key="quiz.next").click().run()
    at.button(key="quiz.submit").click().run()
    assert at.warning[0].value.startswith("解答を選んでから")
    at.text_input(key=answer_key(run)).input("いち")  # in the form: sent with the submit
    at.button(key="quiz.submit").click().run()
    assert "「いち」は数値として読めません" in at.warning[0].value
    at.text_input(key=answer_key(run)).input("1e400")  # a number, but beyond a float
    at.button(key="quiz.submit").click().run()
    assert "「1e400」は大きすぎて" in at.warning[0].value
    at.text_input(key=answer_key(run)).input("１．０")  # full-width digits are fine
    at.button(key="quiz.submit").click().run()
    assert at.success[0].value == "正解！" and not at.exception
    assert not at.warning  # a notice lives until the learner acts, never beside 正解！


def test_the_choose_first_notice_goes_once_the_learner_answers(env):
    at = open_page("quiz")
    start(at, "study", count=1)
    at.button(key="quiz.submit").click().run()
    assert [w.value for w in at.warning] == ["解答を選んでから「解答する」を押してください。"]
    answer(at, right=True)
    assert at.success[0].value == "正解！" and not at.warning


def test_a_broken_bank_warns_in_japanese_and_the_rest_still_loads(env, tmp_path, monkeypatch):
    banks = tmp_path / "banks"
    shutil.copytree(GOOD_BANK, banks)
    for name in ("unknown_key.yaml", "python_tag.yaml", "answer_out_of_options.yaml"):
        shutil.copy(BROKEN / name, banks)
    monkeypatch.setenv("ACTLAB_QUIZ_DIR", str(banks))
    at = open_page("quiz")
    assert not at.exception
    warning = at.warning[0].value
    assert warning.startswith("問題集に 3 件の誤りがあります")
    assert "unknown_key.yaml: questions[0] (id=unknown-key) → hint: 未知のキーです" in warning
    assert "python_tag.yaml: line 7, column 11: YAML タグ" in warning
    assert "(id=answer-out) → answer: 正解 '0.5' が選択肢にありません" in warning
    assert "選んだテーマの問題: 5 問" in [c.value for c in at.caption]


def test_a_missing_bank_directory_warns_and_asks_nothing(env, monkeypatch):
    monkeypatch.setenv("ACTLAB_QUIZ_DIR", str(env / "no-banks"))
    at = open_page("quiz")
    assert not at.exception
    assert "ファイルもディレクトリもありません" in at.warning[0].value
    assert at.info[0].value == "出題できる問題がありません。"


def test_bank_problems_in_english(env, tmp_path, monkeypatch):
    banks = tmp_path / "banks"
    banks.mkdir()
    shutil.copy(BROKEN / "missing_explanation.yaml", banks)
    monkeypatch.setenv("ACTLAB_QUIZ_DIR", str(banks))
    at = open_page("quiz", lang="en")
    assert at.warning[0].value.startswith("The question banks have 1 problem(s)")
    assert "→ explanation: required field is missing" in at.warning[0].value


def test_an_unwritable_history_warns_and_the_quiz_still_works(env, monkeypatch):
    monkeypatch.setenv("ACTLAB_DB", "/proc/actlab/history.sqlite3")
    at = open_page("quiz")
    assert "履歴の保存先のフォルダがありません" in at.warning[0].value
    start(at, "study", count=1)
    answer(at, right=True)
    assert at.success[0].value == "正解！"
    shown = " ".join(e.value for kind in ("markdown", "caption", "warning", "info")
                     for e in at.get(kind) if isinstance(getattr(e, "value", None), str))
    assert "/proc" not in shown and "sqlite3" not in shown  # no server path on any page
    assert at.session_state["learner.history"].count() == 1  # kept, in memory


def test_english_ui(env):
    at = open_page("quiz", lang="en")
    assert not at.exception
    assert at.title[0].value == "Self-quiz"
    start(at, "study", count=1)
    answer(at, right=False)
    assert at.error[0].value == "Not quite"


def test_finishing_with_unanswered_questions_and_quitting_ask_first(exam_env):
    at = open_page("quiz")
    run = start(at, "exam", count=2)
    at.button(key="quiz.exam.finish").click().run()
    assert "未解答が 2 問、見直しの印が 0 問あります" in " ".join(texts(at))
    at.button(key="quiz.exam.finish_no").click().run()  # back to the questions
    assert not run.finished and not [b for b in at.button if b.key == "quiz.exam.finish_yes"]
    at.button(key="quiz.exam.finish").click().run()
    at.button(key="quiz.exam.finish_yes").click().run()
    assert run.finished and at.subheader[0].value == "結果"

    at.button(key="quiz.restart").click().run()
    start(at, "exam", count=2)
    at.button(key="quiz.quit").click().run()
    at.button(key="quiz.quit.no").click().run()
    assert at.session_state["quiz.run"] is not None
    at.button(key="quiz.quit").click().run()
    at.button(key="quiz.quit.yes").click().run()
    assert at.session_state["quiz.run"] is None
    assert open_page("quiz").session_state["quiz.run"] is None  # nothing left to resume


def test_self_rating_todays_review_and_the_weakest_button(env, monkeypatch):
    at = open_page("quiz")
    start(at, "study", count=2)
    first = answer(at, right=True)
    history = at.session_state["learner.history"]
    assert [a.question_id for a in history.attempts()] == [first]  # stored at once
    key = answer_key(at.session_state["quiz.run"])
    assert at.button_group(key=f"{key}.rating").value is None  # optional: nothing chosen
    at.button_group(key=f"{key}.rating").set_value(2)  # 難しい
    at.button(key="quiz.next").click().run()
    second = answer(at, right=False)
    at.button(key="quiz.next").click().run()  # not rated: wrong counts as もう一度
    assert [(a.question_id, a.rating) for a in history.attempts()] == \
        [(first, 2), (second, None)]  # the rating joined the stored answer

    # One rated 難しい, one wrong: both are due today (a right one would not be), and
    # today's review starts a quiz of exactly those.
    at.button(key="quiz.restart").click().run()
    due_button = at.button(key="quiz.history.due_start")
    assert due_button.label == "今日の復習を始める（2 問）"
    due_button.click().run()
    run = at.session_state["quiz.run"]
    assert sorted(i.qid for i in run.items) == sorted([first, second]) and run.mode == "study"
    assert at.session_state["quiz.tab"] == "クイズ"  # the quiz tab is shown
    at.button(key="quiz.quit").click().run()
    at.button(key="quiz.quit.yes").click().run()
    at.button(key="quiz.history.weak_start").click().run()
    assert [i.qid for i in at.session_state["quiz.run"].items] == [second]

    # During a mock exam neither button throws the exam away.
    at.button(key="quiz.quit").click().run()  # the study run is kept until it is quit
    at.button(key="quiz.quit.yes").click().run()
    start(at, "exam", count=1)
    assert at.button(key="quiz.history.weak_start").disabled
    assert at.button(key="quiz.history.due_start").disabled
