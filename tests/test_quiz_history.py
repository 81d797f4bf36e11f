"""The 学習履歴 numbers (per Japan-time day, per theme), the weakest questions, the chart,
and the escaping of bank text before st.markdown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from plots.quiz_history import make_accuracy_figure
from quiz.attempt import Attempt
from quiz.history import daily_accuracy, weakest
from quiz.markdown import safe_markdown

# 2026-03-01 14:30 UTC is 23:30 in Tokyo; an hour later is already 03-02 there.
T = datetime(2026, 3, 1, 14, 30, tzinfo=UTC)


def att(qid, theme, correct, at):
    return Attempt("s", qid, theme, correct, "", at)


HISTORY = [
    att("a", "softmax", True, T), att("a", "softmax", False, T + timedelta(minutes=5)),
    att("b", "usage", False, T), att("b", "usage", False, T + timedelta(hours=1)),
    att("c", "softmax", True, T + timedelta(hours=1)),
    att("d", "relu_sigmoid", True, T),
]


def test_daily_accuracy_per_japan_day_and_theme():
    daily = daily_accuracy(HISTORY)
    got = [(str(r.day), r.theme, r.answered, r.correct, r.accuracy) for r in daily.itertuples()]
    assert got == [
        ("2026-03-01", "relu_sigmoid", 1, 1, 1.0),
        ("2026-03-01", "softmax", 2, 1, 0.5),
        ("2026-03-01", "usage", 1, 0, 0.0),
        ("2026-03-02", "softmax", 1, 1, 1.0),
        ("2026-03-02", "usage", 1, 0, 0.0),
    ]
    assert daily_accuracy([]).empty


def test_weakest_lowest_accuracy_first_and_only_with_a_wrong_answer():
    rows = weakest(HISTORY)
    assert [(w.question_id, w.wrong, w.answered) for w in rows] == [("b", 2, 2), ("a", 1, 2)]
    assert rows[0].accuracy == 0 and rows[1].accuracy == 0.5
    assert str(rows[0].last_answered) == "2026-03-02"
    assert [w.last_correct for w in rows] == [False, False]  # "a" was right, then wrong
    assert weakest([*HISTORY, att("a", "softmax", True, T + timedelta(days=1))])[-1].last_correct
    assert weakest(HISTORY, limit=1)[0].question_id == "b"


def test_the_chart_has_one_line_per_theme_in_percent():
    fig = make_accuracy_figure(daily_accuracy(HISTORY), str.upper, "Y", "X")
    by_name = {tr.name: tr for tr in fig.data}
    assert set(by_name) == {"RELU_SIGMOID", "SOFTMAX", "USAGE"}
    assert list(by_name["SOFTMAX"].y) == [50.0, 100.0]
    assert list(by_name["SOFTMAX"].x) == ["2026-03-01", "2026-03-02"]
    assert fig.layout.yaxis.title.text == "Y"


def test_themes_differ_in_colour_and_marker():
    """One colour and one marker shape per theme (all ten): told apart without colour too."""
    from plots.quiz_history import theme_style
    from quiz.themes import THEMES

    styles = [theme_style(theme) for theme in THEMES]
    assert len({c for c, _ in styles}) == len(THEMES) == len({m for _, m in styles}) == 10
    fig = make_accuracy_figure(daily_accuracy(HISTORY), str.upper, "Y", "X")
    assert len({tr.marker.symbol for tr in fig.data}) == len(fig.data) == 3


def test_one_day_of_history_is_one_bar_per_theme():
    one_day = [a for a in HISTORY if a.answered_at == T]
    fig = make_accuracy_figure(daily_accuracy(one_day), str.upper, "Y", "X")
    assert [tr.type for tr in fig.data] == ["bar"] * 3
    assert {tr.y[0]: (tr.x[0], tr.text[0]) for tr in fig.data} == {
        "RELU_SIGMOID": (100.0, "100% (1/1)"), "SOFTMAX": (100.0, "100% (1/1)"),
        "USAGE": (0.0, "0% (0/1)")}
    assert fig.layout.xaxis.title.text == "Y"  # the accuracy axis is horizontal here
    # each theme named above its bar (a phone has no room for names beside the bars)
    assert [a.text for a in fig.layout.annotations] == ["RELU_SIGMOID", "SOFTMAX", "USAGE"]


@pytest.mark.parametrize(("text", "expected"), [
    ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
    ("A & B <b>", "A &amp; B &lt;b>"),
    ("$a < b$ & <i>", "$a < b$ &amp; &lt;i>"),
    (r"$$\begin{cases} x & x > 0 \\ 0 & x \le 0 \end{cases}$$",
     r"$$\begin{cases} x & x > 0 \\ 0 & x \le 0 \end{cases}$$"),
    ("`x < 0` <", "`x < 0` &lt;"),
    ("```python\nif x < 0:\n```\n<b>", "```python\nif x < 0:\n```\n&lt;b>"),
    ("100$ and <u>200$", "100$ and &lt;u>200$"),  # not math: a space after the opening $
    ("no markup at all", "no markup at all"),
])
def test_safe_markdown_escapes_html_outside_math_and_code(text, expected):
    assert safe_markdown(text) == expected
