"""Reading the batch and labels a learner types on /backprop: what is accepted, and the
problem and fallback for what is not."""

from __future__ import annotations

import pytest

from viewstate.backprop import (
    DEFAULT_T,
    DEFAULT_X,
    format_array,
    format_batch,
    format_labels,
    parse_batch,
)


@pytest.mark.parametrize(("x", "t", "want_x", "want_t"), [
    ("1, 0.5; -1.2, 0.8", "0, 2", [[1, 0.5], [-1.2, 0.8]], [0, 2]),
    ("１，２；３　４", "1 0", [[1, 2], [3, 4]], [1, 0]),  # full-width digits and separators
    ("1 2\n3 4\n5 6", "0、1、2", [[1, 2], [3, 4], [5, 6]], [0, 1, 2]),
    ("−1, 2", "2", [[-1, 2]], [2]),  # a typographic minus
])
def test_good_input(x, t, want_x, want_t):
    batch = parse_batch(x, t)
    assert batch.ok
    assert batch.x.tolist() == want_x and batch.t.tolist() == want_t


@pytest.mark.parametrize(("x", "t", "problem"), [
    ("", "0, 2", ("x_empty", "")),
    ("1, a; 2, 3", "0, 2", ("x_not_number", "a")),
    ("1, inf; 2, 3", "0, 2", ("x_not_finite", "inf")),
    ("1, 1e9; 2, 3", "0, 2", ("x_too_large", "1e9")),
    ("1, 2; 3", "0, 2", ("x_width", "2")),
    ("1, 2, 3; 3, 4", "0, 2", ("x_width", "1")),
    ("1,2;1,2;1,2;1,2;1,2", "0, 2", ("x_rows", "5")),
])
def test_bad_x_falls_back_to_the_default_batch(x, t, problem):
    batch = parse_batch(x, t)
    assert batch.problems == (problem,)
    assert batch.x.tolist() == [list(r) for r in DEFAULT_X]
    assert batch.t.tolist() == list(DEFAULT_T)


def test_labels_typed_for_a_bad_x_give_no_second_message():
    batch = parse_batch("1, x", "0")
    assert batch.problems == (("x_not_number", "x"),)
    assert batch.t.tolist() == list(DEFAULT_T)


@pytest.mark.parametrize(("t", "problem"), [
    ("0, 3", ("t_label", "3")), ("0, -1", ("t_label", "-1")), ("0, a", ("t_label", "a")),
    ("0.5, 1", ("t_label", "0.5")), ("0", ("t_count", "1")), ("", ("t_count", "0")),
    ("0, 1, 2", ("t_count", "3")),
])
def test_bad_labels_fall_back_to_labels_that_fit(t, problem):
    batch = parse_batch("1, 2; 3, 4", t)
    assert batch.problems == (problem,)
    assert batch.x.tolist() == [[1, 2], [3, 4]]
    assert batch.t.tolist() == list(DEFAULT_T)
    three = parse_batch("1, 2; 3, 4; 5, 6", "9")
    assert three.t.tolist() == [0, 2, 1]


def test_the_text_forms_read_back():
    batch = parse_batch(format_batch(DEFAULT_X), format_labels(DEFAULT_T))
    assert batch.ok and batch.x.tolist() == [list(r) for r in DEFAULT_X]
    assert format_array(220.00000000000003) == "220"
    assert format_array([[1.0, -0.5]]) == "[[ 1.  -0.5]]"


def test_the_view_round_trips_through_its_url():
    from viewstate.backprop import BackpropView, parse_query, to_query
    view = BackpropView(ex="net", step=7, bug="transposed_w", x="0, 0", t="1", seed=9999,
                        act="sigmoid", apple=0.0, tax=1.08)
    back, problems = parse_query(to_query(view))
    assert back == view and problems == []
    assert to_query(BackpropView()) == {}
    assert parse_query({"step": "3.0", "seed": "0"})[0] == BackpropView(step=3, seed=0)


def test_a_bug_the_activation_has_not_falls_back_to_none():
    from viewstate.backprop import parse_query
    view, problems = parse_query({"act": "sigmoid", "bug": "no_relu_mask"})
    assert (view.act, view.bug) == ("sigmoid", "none")
    assert [(p.code, p.fields["field"], p.fields["value"]) for p in problems] == [
        ("not_allowed", "bug", "no_relu_mask")]
    view, problems = parse_query({"bug": "no_relu_mask"})  # ReLU, the default, has a mask
    assert view.bug == "no_relu_mask" and problems == []
