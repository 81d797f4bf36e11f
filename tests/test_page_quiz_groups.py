"""/quiz draws at most one question of each group, pressed through the page: the mock
exam's announced time limit counts the questions it will really ask."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.loader import load_paths
from tests.apptest import open_page

GROUPED = Path(__file__).parent / "fixtures" / "quiz" / "cross" / "grouped.yaml"
BANK = load_paths([GROUPED])


@pytest.fixture
def grouped_env(tmp_path, monkeypatch):
    banks = tmp_path / "banks"
    banks.mkdir()
    shutil.copy(GROUPED, banks)
    monkeypatch.setenv("ACTLAB_QUIZ_DIR", str(banks))
    monkeypatch.setenv("ACTLAB_DB", str(tmp_path / "history.sqlite3"))
    return tmp_path


@pytest.mark.parametrize(("mode", "drawable"), [("study", 3), ("exam", 3)])
def test_a_run_holds_one_question_per_group(grouped_env, mode, drawable):
    at = open_page("quiz")
    at.number_input(key="quiz.count").set_value(10)
    at.radio(key="quiz.mode").set_value(mode)
    at.run()
    if mode == "exam":  # 3 questions at 72 s: the limit announced is the limit of the run
        assert any("3.6 分" in c.value for c in at.caption), [c.value for c in at.caption]
    at.button(key="quiz.start").click().run()
    assert not at.exception
    run = at.session_state["quiz.run"]
    groups = [BANK.by_id[item.qid].group for item in run.items]
    assert len(run.items) == drawable
    assert len([g for g in groups if g]) == len({g for g in groups if g})
    if mode == "exam":
        assert run.time_limit_s == 3 * 72
