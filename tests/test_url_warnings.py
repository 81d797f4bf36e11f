"""A bad link's warnings name what the page shows (シグモイド関数, α, x の範囲の最小), never
the URL's internal ids (sigmoid, alpha, xmin): one link per kind of warning, through the
real router (AppTest)."""

from __future__ import annotations

import re

import pytest

from tests.apptest import open_page

# The URL's own words, as a learner never sees them on the page.
IDS = re.compile(r"\b(sigmoid|softmax|alpha|beta|xmin|xmax|x0|which|grad|approximate|show|"
                 r"none|h,grad)\b")

EXPLORER = [
    ("unknown_fn", {"fn": "swishy"}, ["「swishy」", "シグモイド関数"]),
    ("not_a_number", {"fn": "elu", "alpha": "abc"}, ["α", "「abc」"]),
    ("out_of_range", {"fn": "elu", "alpha": "99"}, ["α = 99", "0.05", "5"]),
    ("too_large", {"xmin": "1e9"}, ["x の範囲の最小", "1e6"]),
    ("range_order", {"xmin": "3", "xmax": "1"}, ["3", "1"]),
    ("range_narrow", {"xmin": "0", "xmax": "0.0001"}, ["0.0001"]),
    ("x0_outside", {"x0": "100"}, ["x₀ = 100"]),
    ("bad_choice", {"fn": "gelu", "approximate": "maybe"}, ["GELU の計算式", "「maybe」", "厳密 (erf)"]),
    ("bad_choice", {"show": "everything"}, ["表示する曲線", "「everything」", "h(x) と h'(x)"]),
]

COMPARE = [
    ("no_fn", {"fns": ","}, ["シグモイド関数", "ReLU関数"]),
    ("unknown_fn", {"fns": "swishy,relu"}, ["「swishy」"]),
    ("vector_fn", {"fns": "softmax,relu"}, ["「ソフトマックス関数」"]),
    ("bad_choice", {"which": "both"}, ["表示する曲線", "「both」", "関数 h(x)"]),
    ("not_a_number", {"xmin": "abc"}, ["x の範囲の最小", "「abc」"]),
    ("out_of_range", {"xmax": "100"}, ["x の範囲の最大", "100"]),
    ("empty_range", {"xmin": "3", "xmax": "1"}, ["3", "1"]),
]


def _check(page: str, query: dict, words: list[str]) -> None:
    at = open_page(page, query=query)
    assert not at.exception
    assert len(at.warning) == 1, [w.value for w in at.warning]
    message = at.warning[0].value
    for word in words:
        assert word in message, message
    assert not IDS.search(message), message


@pytest.mark.parametrize(("kind", "query", "words"), EXPLORER, ids=lambda v: str(v))
def test_explorer_warning_names_what_the_page_shows(kind, query, words):
    _check("explorer", query, words)


@pytest.mark.parametrize(("kind", "query", "words"), COMPARE, ids=lambda v: str(v))
def test_compare_warning_names_what_the_page_shows(kind, query, words):
    _check("compare", query, words)


def test_every_warning_kind_is_covered():
    from ui.strings import CATALOGUE

    for page, cases in (("explorer", EXPLORER), ("compare", COMPARE)):
        kinds = {k.removeprefix(f"{page}.warn.") for k in CATALOGUE if k.startswith(f"{page}.warn.")}
        assert kinds == {kind for kind, *_ in cases}


def test_english_names_too():
    at = open_page("explorer", query={"fn": "elu", "alpha": "abc"}, lang="en")
    assert "α = “abc”" in at.warning[0].value
    at = open_page("explorer", query={"fn": "swishy"}, lang="en")
    assert "“Sigmoid”" in at.warning[0].value
