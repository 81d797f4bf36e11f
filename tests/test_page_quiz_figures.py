"""/quiz in AppTest with the new kinds of question: graph (four figures A–D), a figure
under the text, multi-blank fill-ins and code tracing. Each renders, answers and scores."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from activations import REGISTRY
from quiz.loader import load_paths
from tests.apptest import open_page
from ui.quiz_play import answer_key
from ui.strings import CATALOGUE

NEW_TYPES = Path(__file__).parent / "fixtures" / "quiz" / "new_types"
BANK = load_paths([NEW_TYPES])
HISTORY_ALT = CATALOGUE["quiz.history.chart"][0].format(tz="Asia/Tokyo")  # the history chart


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTLAB_QUIZ_DIR", str(NEW_TYPES))
    monkeypatch.setenv("ACTLAB_DB", str(tmp_path / "history.sqlite3"))


def _names() -> set[str]:
    """Every way a function is named on screen: the answer must not be in an alt text."""
    out = set()
    for spec in REGISTRY.values():
        out |= {spec.name, spec.name_ja, spec.name_en.split(" (")[0]}
    return {n for n in out if len(n) > 2} | {"ReLU", "tanh", "α", "導関数"}


def test_every_new_kind_renders_answers_and_scores(env):
    assert not BANK.problems and len(BANK.questions) == 4
    at = open_page("quiz")
    at.number_input(key="quiz.count").set_value(4)
    at.radio(key="quiz.mode").set_value("study")
    at.button(key="quiz.start").click().run()
    assert not at.exception
    seen = set()
    for _ in range(4):
        run = at.session_state["quiz.run"]
        item, key = run.current, answer_key(run)
        q = BANK.by_id[item.qid]
        seen.add(q.type + ("+code" if getattr(q, "code", None) else ""))
        charts = [c for c in at.get("plotly_chart") if c.proto.alt != HISTORY_ALT]
        right = [list(o) if isinstance(o, tuple) else o for o in item.options].index(q.answer)
        if q.type == "graph":
            # each figure with its own choice; one at most is ticked
            boxes = [at.checkbox(key=f"{key}.{k}") for k in range(4)]
            assert len(charts) == 4 and [b.label for b in boxes] == [
                f"{letter} を選ぶ" for letter in "ABCD"]
            alts = [c.proto.alt for c in charts]
            assert [re.search(r"選択肢 ([A-D])", a).group(1) for a in alts] == list("ABCD")
            assert not [a for a in alts for n in _names() if n in a], alts
            other = (right + 1) % 4
            at.checkbox(key=f"{key}.{other}").check().run()
            at.checkbox(key=f"{key}.{right}").check().run()
            assert [at.checkbox(key=f"{key}.{k}").value for k in range(4)] == [
                k == right for k in range(4)]
            assert at.session_state[key] == right
        else:
            radio = at.radio(key=key)
            if getattr(q, "figure", None) is not None:
                assert len(charts) == 1 and charts[0].proto.alt.startswith("問題の図")
            elif q.type == "blanks":
                assert all(o.startswith("（ア）") and "（イ）" in o for o in radio.options)
            else:
                assert at.code[0].value == q.code.rstrip() and radio.options[0].startswith("`")
            radio.set_value(right)
        at.button(key="quiz.submit").click().run()
        assert not at.exception
        assert at.success[0].value == "正解！"
        if q.type == "graph":  # once answered, each figure says what it was
            captions = [c.value for c in at.caption]
            assert sum(c.startswith(":material/check_circle:") for c in captions) == 1
            assert any("ELU（α = 1）の導関数" in c for c in captions)
        at.button(key="quiz.next").click().run()
    assert seen == {"graph", "single", "blanks", "single+code"}
    assert "4 / 4" in "".join(m.value for m in at.markdown) + at.get("progress")[0].proto.text


def test_a_graph_question_in_the_mock_exam_keeps_the_figure_ticked_at_its_chart(env):
    at = open_page("quiz")
    at.number_input(key="quiz.count").set_value(4)
    at.radio(key="quiz.mode").set_value("exam")
    at.button(key="quiz.start").click().run()
    run = at.session_state["quiz.run"]
    while BANK.by_id[run.current.qid].type != "graph":
        at.button(key="quiz.exam.next").click().run()
    item, key, index = run.current, answer_key(run), run.index
    q = BANK.by_id[item.qid]
    right = list(item.options).index(q.answer)
    at.checkbox(key=f"{key}.{(right + 1) % 4}").check().run()
    assert run.choices[q.id] == item.options[(right + 1) % 4]  # kept at once
    at.checkbox(key=f"{key}.{right}").check().run()
    assert run.choices[q.id] == q.answer
    # away and back: the figure chosen is still ticked, the others not
    at.button(key="quiz.exam.next" if index < 3 else "quiz.exam.back").click().run()
    at.button(key="quiz.exam.back" if index < 3 else "quiz.exam.next").click().run()
    assert [at.checkbox(key=f"{key}.{k}").value for k in range(4)] == [k == right for k in range(4)]
    at.checkbox(key=f"{key}.{right}").uncheck().run()  # un-chosen: nothing kept
    assert q.id not in run.choices
    at.checkbox(key=f"{key}.{right}").check().run()
    run.started_at -= timedelta(hours=1)  # the time runs out: scored as chosen
    at.run()
    assert not at.exception and at.subheader[0].value == "結果"
    assert next(r for r in run.responses if r.qid == q.id).correct
