"""The unit's figure kinds where the existing kinds go: /quiz in AppTest (a graph question's
four figures, a figure under the text; answered, each figure says what it was), 学習履歴's
review list (a mistake with its figures), and the Anki deck (a PNG per figure)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from quiz.anki import build_apkg
from quiz.answers import encode
from quiz.attempt import Attempt
from quiz.figures import describe
from quiz.loader import load_paths
from tests.apptest import open_page
from tests.quiz_helpers import wrong_answer
from ui.quiz_play import answer_key
from ui.strings import CATALOGUE

UNIT = Path(__file__).parent / "fixtures" / "quiz" / "unit_figures"
BANK = load_paths([UNIT])
HISTORY_ALT = CATALOGUE["quiz.history.chart"][0].format(tz="Asia/Tokyo")
# what an alt text must not say: the settings these questions ask about
SECRETS = ("Momentum", "SGD", "AdaGrad", "Adam", "交差エントロピー", "二乗", "微分した",
           "標準偏差", "Xavier", "He ", "正則化", "シグモイド", "中心差分")


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTLAB_QUIZ_DIR", str(UNIT))
    monkeypatch.setenv("ACTLAB_DB", str(tmp_path / "history.sqlite3"))


def _charts(at) -> list:
    return [c for c in at.get("plotly_chart") if c.proto.alt != HISTORY_ALT]


def test_every_unit_kind_renders_answers_and_says_what_it_was(env):
    assert not BANK.problems and len(BANK.questions) == 5
    at = open_page("quiz")
    at.number_input(key="quiz.count").set_value(5)
    at.radio(key="quiz.mode").set_value("study")
    at.button(key="quiz.start").click().run()
    assert not at.exception
    seen = set()
    for _ in range(5):
        run = at.session_state["quiz.run"]
        item, key = run.current, answer_key(run)
        q = BANK.by_id[item.qid]
        seen.add(q.id)
        charts = _charts(at)
        alts = [c.proto.alt for c in charts]
        assert not [a for a in alts for s in SECRETS if s in a], alts
        right = list(item.options).index(q.answer)
        if q.type == "graph":
            assert len(charts) == 4
            assert [re.search(r"選択肢 ([A-D])", a).group(1) for a in alts] == list("ABCD")
            at.checkbox(key=f"{key}.{right}").check().run()
        else:
            assert len(charts) == 1 and alts[0].startswith("問題の図：")
            at.radio(key=key).set_value(right)
        at.button(key="quiz.submit").click().run()
        assert not at.exception and at.success[0].value == "正解！"
        if q.type == "graph":  # once answered, each figure says what it was
            captions = [c.value for c in at.caption]
            keyed = [c for c in captions if c.startswith(":material/check_circle:")]
            assert len(keyed) == 1 and keyed[0].endswith(describe(q.answer))
            assert len(_charts(at)) == 4
        at.button(key="quiz.next").click().run()
    assert seen == set(BANK.by_id)


def test_the_review_list_draws_a_mistakes_figures(env):
    at = open_page("quiz")
    t0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    at.session_state["learner.history"].add([
        Attempt("s1", q.id, q.theme, False, encode(wrong_answer(q)), t0 + timedelta(minutes=i))
        for i, q in enumerate(BANK.questions)])
    at.run()
    assert not at.exception
    alts = [c.proto.alt for c in _charts(at)]
    assert len(alts) == 4 + 4 + 1 + 1 + 1  # two graph questions, three figures under a text
    captions = [c.value for c in at.caption]
    for q in BANK.questions:
        if q.type == "graph":
            assert any(c.endswith(describe(q.answer)) for c in captions), q.id


def test_the_anki_deck_has_a_png_per_figure():
    data = build_apkg(list(BANK.questions), "E資格ラボ::テスト")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = [n for n in z.namelist() if n.isdigit()]
        assert len(names) == 4 + 4 + 1 + 1 + 1
        for name in names:
            with Image.open(io.BytesIO(z.read(name))) as im:
                assert im.format == "PNG" and im.width > 300 and im.height > 200
