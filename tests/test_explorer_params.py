"""The explorer's URL parser: every bad value falls back to its default with a warning code."""

from __future__ import annotations

import pytest

from activations import ELEMENTWISE, REGISTRY
from viewstate.explorer_params import (
    DEFAULT_FN,
    DEFAULT_X0,
    DEFAULT_XMAX,
    DEFAULT_XMIN,
    ExplorerView,
    clean_view,
    dragged_param,
    parse_query,
    to_query,
)


def codes(problems):
    return [p.code for p in problems]


def test_empty_query_is_the_default_view_without_warnings():
    view, problems = parse_query({})
    assert problems == []
    assert view == ExplorerView(DEFAULT_FN, (), DEFAULT_XMIN, DEFAULT_XMAX, DEFAULT_X0, True, True)


def test_the_issue_deep_link():
    view, problems = parse_query({"fn": "leaky_relu", "alpha": "0.2", "xmin": "-5", "xmax": "5"})
    assert problems == []
    assert (view.fn, view.param_dict, view.xmin, view.xmax) == ("leaky_relu", {"alpha": 0.2},
                                                                -5.0, 5.0)


def test_missing_params_take_their_registry_defaults():
    view, _ = parse_query({"fn": "elu"})
    assert view.param_dict == {"alpha": 1.0}
    view, _ = parse_query({"fn": "gelu"})
    assert view.param_dict == {"approximate": False}


@pytest.mark.parametrize("text, expected", [("tanh", True), ("TRUE", True), ("1", True),
                                            ("none", False), ("exact", False), ("0", False)])
def test_gelu_switch_words(text, expected):
    view, problems = parse_query({"fn": "gelu", "approximate": text})
    assert problems == [] and view.param_dict == {"approximate": expected}


def test_fn_is_case_and_space_tolerant():
    view, problems = parse_query({"fn": " ReLU "})
    assert problems == [] and view.fn == "relu"


# (query, expected warning codes, attribute of the view, its default value)
BAD = [
    ({"fn": "sigmoidd"}, ["unknown_fn"], "fn", DEFAULT_FN),
    ({"fn": ""}, ["unknown_fn"], "fn", DEFAULT_FN),
    ({"fn": "leaky_relu", "alpha": "abc"}, ["not_a_number"], "alpha", 0.01),
    ({"fn": "leaky_relu", "alpha": "nan"}, ["not_a_number"], "alpha", 0.01),
    ({"fn": "leaky_relu", "alpha": "1.5"}, ["out_of_range"], "alpha", 0.01),
    ({"fn": "leaky_relu", "alpha": "-0.1"}, ["out_of_range"], "alpha", 0.01),
    ({"fn": "leaky_relu", "alpha": "inf"}, ["out_of_range"], "alpha", 0.01),
    ({"fn": "elu", "alpha": "0"}, ["out_of_range"], "alpha", 1.0),
    ({"fn": "elu", "alpha": "5.01"}, ["out_of_range"], "alpha", 1.0),
    ({"fn": "swish", "beta": "11"}, ["out_of_range"], "beta", 1.0),
    ({"fn": "swish", "beta": "zwei"}, ["not_a_number"], "beta", 1.0),
    ({"fn": "gelu", "approximate": "maybe"}, ["bad_choice"], "approximate", False),
    ({"xmin": "left"}, ["not_a_number"], "xmin", DEFAULT_XMIN),
    ({"xmax": ""}, ["not_a_number"], "xmax", DEFAULT_XMAX),
    ({"xmin": "-2e6"}, ["too_large"], "xmin", DEFAULT_XMIN),
    ({"xmax": "1000000.5"}, ["too_large"], "xmax", DEFAULT_XMAX),
    ({"xmax": "inf"}, ["too_large"], "xmax", DEFAULT_XMAX),
    ({"xmin": "-inf"}, ["too_large"], "xmin", DEFAULT_XMIN),
    ({"xmin": "3", "xmax": "1"}, ["range_order"], "xmin", DEFAULT_XMIN),
    ({"xmin": "3", "xmax": "1"}, ["range_order"], "xmax", DEFAULT_XMAX),
    ({"xmin": "2", "xmax": "2"}, ["range_order"], "xmax", DEFAULT_XMAX),
    ({"xmin": "0", "xmax": "1e-9"}, ["range_narrow"], "xmin", DEFAULT_XMIN),
    ({"x0": "9"}, ["x0_outside"], "x0", DEFAULT_X0),
    ({"x0": "-5.0001"}, ["x0_outside"], "x0", DEFAULT_X0),
    ({"x0": "1e300"}, ["x0_outside"], "x0", DEFAULT_X0),
    ({"x0": "eins"}, ["not_a_number"], "x0", DEFAULT_X0),
    ({"show": "everything"}, ["bad_choice"], "show_h", True),
]


@pytest.mark.parametrize("query, expected, attr, default", BAD)
def test_bad_value_gives_default_and_warning(query, expected, attr, default):
    view, problems = parse_query(query)
    assert codes(problems) == expected
    value = view.param_dict[attr] if attr in view.param_dict else getattr(view, attr)
    assert value == default
    assert all(p.fields.get("default", "x") != "" for p in problems)


@pytest.mark.parametrize("query", [q for q, *_ in BAD])
def test_every_warning_has_a_message_in_both_languages(query):
    from ui.strings import CATALOGUE

    for problem in parse_query(query)[1]:
        for text in CATALOGUE[f"explorer.warn.{problem.code}"]:
            message = text.format(**problem.fields)  # every placeholder is filled
            assert "{" not in message


def test_several_bad_values_are_all_reported():
    _, problems = parse_query({"fn": "elu", "alpha": "9", "xmin": "a", "xmax": "-7", "x0": "z"})
    assert sorted(codes(problems)) == ["not_a_number", "not_a_number", "out_of_range",
                                       "range_order"]


def test_x0_default_moves_into_a_range_without_1():
    view, problems = parse_query({"xmin": "10", "xmax": "20"})
    assert problems == [] and view.x0 == 15.0
    view, problems = parse_query({"xmin": "10", "xmax": "20", "x0": "0"})
    assert codes(problems) == ["x0_outside"] and view.x0 == 15.0
    assert problems[0].fields["default"] == "15"


def test_a_repeated_parameter_counts_by_its_last_value():
    view, problems = parse_query({"fn": "elu", "alpha": ["0.5", "2"]})
    assert problems == [] and view.param_dict == {"alpha": 2.0}


def test_extreme_but_legal_values_pass():
    view, problems = parse_query({"fn": "leaky_relu", "alpha": "1", "xmin": "-1e6",
                                  "xmax": "1000000", "x0": "-1e6"})
    assert problems == []
    assert (view.param_dict["alpha"], view.xmin, view.xmax, view.x0) == (1.0, -1e6, 1e6, -1e6)


@pytest.mark.parametrize("show, h, grad", [("h", True, False), ("grad", False, True),
                                           ("grad,h", True, True), ("none", False, False)])
def test_show(show, h, grad):
    view, problems = parse_query({"show": show})
    assert problems == [] and (view.show_h, view.show_grad) == (h, grad)


@pytest.mark.parametrize("fn", ELEMENTWISE)
def test_round_trip_through_the_url(fn):
    spec = REGISTRY[fn]
    params = {p.name: (not p.default) if p.kind == "bool" else p.max for p in spec.params}
    view, problems = clean_view(fn, params, -0.3, 123.456, 0.1, True, False)
    assert problems == []
    query = to_query(view)
    assert all(isinstance(v, str) for v in query.values())
    assert parse_query(query) == (view, [])


def test_vector_functions_keep_the_link_short():
    view, problems = parse_query({"fn": "softmax"})
    assert problems == [] and to_query(view) == {"fn": "softmax"}


def test_clean_view_checks_widget_values_too():
    view, problems = clean_view("relu", {}, 4.0, -4.0, 0.0)
    assert codes(problems) == ["range_order"] and (view.xmin, view.xmax) == (-5.0, 5.0)
    view, problems = clean_view("elu", {"alpha": 7.0}, -1.0, 1.0, 0.5)
    assert codes(problems) == ["out_of_range"] and view.param_dict == {"alpha": 1.0}


def test_a_click_on_the_chart_becomes_the_probe():
    from viewstate.explorer_params import x0_from_click

    # Plotly sends every curve under the pointer; the first point's x is taken
    points = [{"x": -1.23456, "y": 0.1, "curve_number": 0}, {"x": -1.23456, "y": 0.01}]
    assert x0_from_click(points, -5.0, 5.0) == -1.23  # range 10: steps of 0.01
    assert x0_from_click(points, -50.0, 50.0) == -1.2  # range 100: steps of 0.1
    assert x0_from_click(points, -0.5, 0.5) == -0.5  # kept inside a narrow range
    assert x0_from_click([{"x": 9.7}], -5.0, 5.0) == 5.0  # kept inside the range
    assert x0_from_click([], -5.0, 5.0) is None
    assert x0_from_click([{"x": "a"}, {"y": 1}], -5.0, 5.0) is None
    assert x0_from_click([{"x": float("nan")}], -5.0, 5.0) is None


@pytest.mark.parametrize("raw, expected", [("0.35", 0.35), (0.5, 0.5), ("1", 1.0), ("0", 0.0)])
def test_a_drag_end_sets_the_parameter(raw, expected):
    assert dragged_param("leaky_relu", "alpha", raw, 0.01) == (expected, [])


@pytest.mark.parametrize("raw", ["1.5", "-0.1", "nan", "inf", "abc", "", None, [0.3], {"a": 1},
                                 "9" * 500])
def test_a_bad_value_from_the_browser_keeps_the_current_one_and_says_why(raw):
    value, problems = dragged_param("leaky_relu", "alpha", raw, 0.2)
    assert value == 0.2
    assert codes(problems) == ["out_of_range"] and len(problems[0].fields["value"]) <= 40
