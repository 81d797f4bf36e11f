"""The regularisation lab's URL: every choice reads back as written, and a value the page
does not offer becomes the default with a problem naming it."""

from __future__ import annotations

import itertools

import pytest

from gradflow import init_bn, overfit
from viewstate import regularization_lab as lab


def test_every_choice_round_trips():
    for act, init, fit in itertools.product(init_bn.ACTIVATIONS, init_bn.INITS, lab.FIT_METHODS):
        for tab in lab.TABS:
            values = {**lab.DEFAULTS, "reg.init.activation": act, "reg.init.init": init,
                      "reg.fit.method": fit}
            got_tab, chosen, problems = lab.parse_query(lab.to_query(tab, values))
            assert (got_tab, chosen, problems) == (tab, values, [])


@pytest.mark.parametrize("method", sorted(overfit.OFFERED))
def test_every_offered_strength_round_trips(method):
    key = f"reg.fit.{method}"
    for v in overfit.OFFERED[method]:
        _, chosen, problems = lab.parse_query(lab.to_query("overfit", {**lab.DEFAULTS, key: v}))
        assert chosen[key] == v and type(chosen[key]) is type(v) and not problems


def test_a_missing_parameter_is_left_out():
    assert lab.parse_query({}) == (None, {}, [])
    assert lab.parse_query({"act": "relu"}) == (None, {"reg.init.activation": "relu"}, [])
    assert lab.parse_query({"l2": "0.0030"})[1] == {"reg.fit.l2": 0.003}


@pytest.mark.parametrize(("raw", "key", "code"), [
    ({"act": "gelu"}, "reg.init.activation", "bad_choice"),
    ({"act": "ReLU"}, "reg.init.activation", "bad_choice"),
    ({"init": ""}, "reg.init.init", "bad_choice"),
    ({"fit": ["l1", "l3"]}, "reg.fit.method", "bad_choice"),  # the last of a repeat counts
    ({"l2": "abc"}, "reg.fit.l2", "not_offered"),
    ({"l2": "0.002"}, "reg.fit.l2", "not_offered"),
    ({"l1": "nan"}, "reg.fit.l1", "not_offered"),
    ({"dropout": "1e400"}, "reg.fit.dropout", "not_offered"),
    ({"early": "-5"}, "reg.fit.early", "not_offered"),
])
def test_a_bad_value_becomes_the_default_with_a_problem(raw, key, code):
    _, chosen, problems = lab.parse_query(raw)
    assert chosen == {key: lab.DEFAULTS[key]}
    assert [p.code for p in problems] == [code]
    assert problems[0].fields["field"] == next(iter(raw))


def test_a_bad_tab_opens_the_first():
    tab, _, problems = lab.parse_query({"tab": "x" * 100})
    assert tab == "init" and problems[0].fields["value"] == "x" * lab.MAX_SHOWN
