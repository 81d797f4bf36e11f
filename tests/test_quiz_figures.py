"""Figures in the banks: each mistake an author can make is reported at its field, in both
languages, and what a figure says about itself (alt text, key text) is as promised."""

from __future__ import annotations

import textwrap

import pytest

from quiz.figures import CurveFigure, DepthFigure, LayersFigure, SoftmaxFigure, alt_text, describe
from quiz.loader import load_paths

HEAD = """\
questions:
  - id: q
    theme: formulas
    functions: [elu]
    difficulty: 2
    explanation: e
    text: t
"""
GRAPH = HEAD + """\
    type: graph
    options:
      - &k {kind: curve, fn: elu, params: {alpha: 1}, derivative: true}
      - {kind: curve, fn: elu, params: {alpha: 1}}
      - {kind: curve, fn: relu, derivative: true}
      - %s
    answer: *k
"""
SINGLE = HEAD + """\
    type: single
    figure: %s
    options: [a, b, c, d]
    answer: a
"""


def problems(tmp_path, text: str) -> list[str]:
    path = tmp_path / "bank.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return [f"{p.location}: {p.message}" for p in load_paths([path]).problems]


@pytest.mark.parametrize(("figure", "expected"), [
    ("{kind: curve, fn: elu, params: {alpha: 9}}",
     "options[3].params.alpha: alpha must be in [0.05, 5.0], got 9.0"),
    ("{kind: curve, fn: relu, params: {beta: 1}}",
     "options[3].params.beta: relu has no parameter 'beta'"),
    ("{kind: curve, fn: softmax}",
     "options[3].fn: 'softmax' is not an elementwise function of the registry"),
    ("{kind: curve, fn: nope}",
     "options[3].fn: 'nope' is not an elementwise function of the registry"),
    ("{kind: curve, fn: relu, x: [3, 1]}", "options[3].x: needs -10 <= lo < hi <= 10"),
    ("{kind: curve, fn: relu, x: [-20, 1]}", "options[3].x: needs -10 <= lo < hi <= 10"),
    ("{kind: softmax, logits: [1, 100]}",
     "options[3].logits: keep the logits within 50 of each other (bars would be 0)"),
    ("{kind: curvy, fn: relu}",
     "options[3].kind: kind must be one of 'curve', 'depth', 'softmax', 'layers', 'loss', "
     "'trajectory', 'init_histograms', 'overfit', 'numdiff'"),
    ("{fn: relu}", "options[3].kind: required field is missing"),
    ("{kind: depth, fn: relu, layers: 1}", "options[3].layers: must be at least 2"),
    ("{kind: layers, fn: relu, init: he, layers: 7}", "options[3].layers: must be at most 6"),
    ("{kind: curve, fn: elu, params: {alpha: 1}}", "options: options must be distinct"),
])
def test_a_bad_graph_option_is_reported_at_its_field(tmp_path, figure, expected):
    found = problems(tmp_path, GRAPH % figure)
    assert any(p.removeprefix("questions[0] (id=q) → ").startswith(expected) for p in found), found


@pytest.mark.parametrize(("figure", "expected"), [
    ("{kind: layers, fn: sigmoid, init: glorot}",
     "figure.init: must be one of 'xavier', 'he' or 'custom'"),
    ("{kind: layers, fn: sigmoid, init: he, layers: 5, colour: red}", "figure.colour: unknown key"),
    ("{kind: layers, fn: nope, init: he}",
     "figure.fn: 'nope' is not an elementwise function of the registry"),
    ("{kind: softmax, logits: [1, 2], temperature: 0}", "figure.temperature: must be greater than 0.0"),
])
def test_a_bad_figure_under_the_text_is_reported_at_its_field(tmp_path, figure, expected):
    assert problems(tmp_path, SINGLE % figure) == [f"questions[0] (id=q) → {expected}"]


def test_the_answer_must_be_one_of_the_options(tmp_path):
    text = (GRAPH % "{kind: curve, fn: sigmoid}").replace("answer: *k", "answer: {kind: curve, fn: tanh}")
    assert problems(tmp_path, text) == ["questions[0] (id=q) → answer: answer is not one of the options"]


def test_a_good_graph_question_loads(tmp_path):
    assert problems(tmp_path, GRAPH % "{kind: curve, fn: sigmoid, derivative: true}") == []


def test_japanese_messages_too(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text(GRAPH % "{kind: curvy}", encoding="utf-8")
    (problem,) = load_paths([path]).problems
    assert problem.message_ja == ("kind は 'curve', 'depth', 'softmax', 'layers', 'loss', "
                                  "'trajectory', 'init_histograms', 'overfit', 'numdiff' "
                                  "のいずれかにしてください")


FIGURES = [
    CurveFigure(kind="curve", fn="elu", params={"alpha": 0.5}, derivative=True),
    CurveFigure(kind="curve", fn="gelu", params={"approximate": True}),
    DepthFigure(kind="depth", fn="sigmoid", layers=10),
    SoftmaxFigure(kind="softmax", logits=[2, 1, 0], temperature=0.5),
    LayersFigure(kind="layers", fn="tanh", init="xavier"),
]


def test_describe_names_the_function_and_its_setting():
    assert [describe(f) for f in FIGURES] == [
        "ELU（α = 0.5）の導関数 h'(x)",
        "GELU（tanh 近似）の h(x)",
        "シグモイド関数の |h'| の 10 層分の積（各層で |h'| が最大の点）",
        "ソフトマックス（ロジット [2, 1, 0]、温度 T = 0.5）",
        "双曲線正接関数 (tanh) ＋ Xavier の初期値（5 層）",
    ]


def test_alt_text_says_which_option_and_what_kind_of_plot_only():
    assert alt_text(FIGURES[0], "B") == "選択肢 B の図：x が -4 から 4 までの曲線"
    assert alt_text(FIGURES[3]) == "問題の図：3 クラスの確率の棒グラフ"
    for fig in FIGURES:
        alt = alt_text(fig, "A")
        assert not any(word in alt for word in ("ELU", "GELU", "シグモイド", "tanh", "Xavier",
                                                "0.5", "導関数", "温度"))
