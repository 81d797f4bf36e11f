"""/quiz in AppTest: nothing to redo after a reload (a study run comes back at the same
question with its answers so far and its review round), and the last settings after
「新しいクイズ」."""

from __future__ import annotations

import pytest

from quiz.themes import theme_name
from tests.apptest import open_page
from tests.quiz_helpers import GOOD_BANK
from tests.test_page_quiz import answer, start


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTLAB_QUIZ_DIR", str(GOOD_BANK))
    monkeypatch.setenv("ACTLAB_DB", str(tmp_path / "history.sqlite3"))
    return tmp_path


def test_a_reload_returns_to_the_study_run_at_the_same_question(env):
    at = open_page("quiz")
    run = start(at, "study", count=4)
    answer(at, right=False)
    at.button(key="quiz.next").click().run()
    answer(at, right=True)  # checked, not yet moved on

    again = open_page("quiz")  # a new browser session on the same history
    back = again.session_state["quiz.run"]
    assert not again.exception
    assert back.session_id == run.session_id and back.index == 1 and back.revealed
    assert [r.qid for r in back.responses] == [r.qid for r in run.responses]
    assert [r.correct for r in back.responses] == [False, True]
    assert again.success[0].value == "正解！"  # the verdict of the question just checked
    again.button(key="quiz.next").click().run()
    assert again.session_state["quiz.run"].index == 2
    assert again.get("progress")[0].proto.value == 50  # question 3 of 4


def test_a_reload_returns_to_the_review_round(env):
    at = open_page("quiz")
    start(at, "study", count=2)
    answer(at, right=False)
    at.button(key="quiz.next").click().run()
    answer(at, right=True)
    at.button(key="quiz.next").click().run()
    at.button(key="quiz.review").click().run()
    review = at.session_state["quiz.run"]
    again = open_page("quiz")
    back = again.session_state["quiz.run"]
    assert back.review_round == 1 and [i.qid for i in back.items] == [i.qid for i in review.items]
    assert again.subheader[0].value.startswith("復習")


def test_quitting_or_finishing_forgets_the_kept_run(env):
    at = open_page("quiz")
    start(at, "study", count=1)
    at.button(key="quiz.quit").click().run()
    at.button(key="quiz.quit.yes").click().run()
    assert open_page("quiz").session_state["quiz.run"] is None
    start(at, "study", count=1)
    answer(at, right=True)
    at.button(key="quiz.next").click().run()  # the results
    assert open_page("quiz").session_state["quiz.run"] is None


def test_new_quiz_keeps_the_number_of_questions_and_the_mode(env):
    at = open_page("quiz")
    start(at, "exam", count=3)
    at.button(key="quiz.quit").click().run()
    at.button(key="quiz.quit.yes").click().run()
    assert at.number_input(key="quiz.count").value == 3
    assert at.radio(key="quiz.mode").value == "exam"
    start(at, "study", count=2)
    for _ in range(2):
        answer(at, right=True)
        at.button(key="quiz.next").click().run()
    at.button(key="quiz.restart").click().run()  # 「新しいクイズ」
    assert at.number_input(key="quiz.count").value == 2
    assert at.radio(key="quiz.mode").value == "study"


def test_new_quiz_after_a_reload_offers_the_setup_the_run_came_from(env):
    """A learner's mock exam setup (two themes, 模試, 3 questions) survives a reload in the
    middle: after the exam, 「新しいクイズ」 offers it, not every theme in study mode (found by
    a learner tester, who then started a study quiz thinking it was the next mock exam)."""
    at = open_page("quiz")
    themes = at.multiselect(key="quiz.themes.ja")
    chosen = themes.options[:2]
    themes.set_value(chosen).run()
    start(at, "exam", count=3)
    again = open_page("quiz")  # reload mid-exam
    run = again.session_state["quiz.run"]
    assert run.mode == "exam" and run.count == 3
    again.button(key="quiz.quit").click().run()
    again.button(key="quiz.quit.yes").click().run()
    assert again.radio(key="quiz.mode").value == "exam"
    assert again.number_input(key="quiz.count").value == 3
    assert [theme_name(t, "ja") for t in run.themes] == chosen  # the two chosen
    assert again.multiselect(key="quiz.themes.ja").value == list(run.themes)
