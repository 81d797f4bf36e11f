"""The compare page's view from a URL or the widgets: every bad value -> default + a problem."""

import pytest

import activations as act
from viewstate.compare_view import DEFAULT_FNS, CompareView, clean_view, parse_query, to_query


def codes(problems):
    return [p.code for p in problems]


def test_empty_query_is_the_default_view():
    assert parse_query({}) == (CompareView(), [])
    assert CompareView().fns == ("sigmoid", "tanh", "relu", "gelu")


def test_a_shared_link_reads_back():
    view, problems = parse_query({"fns": "relu,ELU, selu", "which": "grad",
                                  "xmin": "-5", "xmax": "2.5"})
    assert problems == []
    assert view == CompareView(("relu", "elu", "selu"), "grad", -5.0, 2.5)


@pytest.mark.parametrize("view", [
    CompareView(),
    CompareView(("step",), "grad", -20.0, 20.0),
    CompareView(tuple(act.ELEMENTWISE), "h", 0.0, 0.5),
])
def test_round_trip(view):
    assert parse_query(to_query(view)) == (view, [])


def test_defaults_stay_out_of_the_url():
    assert to_query(CompareView()) == {}
    assert to_query(CompareView(which="grad")) == {"which": "grad"}


@pytest.mark.parametrize(("raw", "expected"), [
    ({"fns": "nosuch,relu"}, ["unknown_fn"]),
    ({"fns": "softmax"}, ["vector_fn", "no_fn"]),
    ({"fns": ""}, ["no_fn"]),
    ({"which": "both"}, ["bad_choice"]),
    ({"xmin": "abc"}, ["not_a_number"]),
    ({"xmin": "-1e7"}, ["out_of_range"]),
    ({"xmax": "inf"}, ["out_of_range"]),
    ({"xmin": "nan"}, ["not_a_number"]),  # as on the explorer: NaN is not a number
    ({"xmin": "3", "xmax": "-3"}, ["empty_range"]),
    ({"xmin": "2", "xmax": "2"}, ["empty_range"]),
])
def test_bad_values_fall_back_with_a_problem(raw, expected):
    view, problems = parse_query(raw)
    assert codes(problems) == expected
    default = CompareView()
    if "fns" in raw and raw["fns"] != "nosuch,relu":
        assert view.fns == DEFAULT_FNS
    if "xmin" in raw or "xmax" in raw:
        assert (view.xmin, view.xmax) == (default.xmin, default.xmax)


def test_unknown_names_are_dropped_and_the_rest_kept():
    view, problems = parse_query({"fns": "nosuch,relu"})
    assert view.fns == ("relu",)
    assert problems[0].fields == {"value": "nosuch"}


def test_widget_values_are_cleaned_too():
    view, problems = clean_view([], "h", -6.0, 6.0)
    assert view.fns == DEFAULT_FNS and codes(problems) == ["no_fn"]
    view, problems = clean_view(["tanh", "tanh"], "grad", 1.0, 1.0)
    assert view.fns == ("tanh",) and codes(problems) == ["empty_range"]
    assert (view.xmin, view.xmax) == (-6.0, 6.0)
