"""The compare page's view, and its cleaning from a URL or from the widgets (no Streamlit).

A shared link such as ``/compare?fns=sigmoid,relu&which=grad&xmin=-5&xmax=5`` is parsed
into a ``CompareView``. Every bad value falls back to its default and adds a ``Problem``
that the page turns into a warning in the learner's language.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import activations as act
from viewstate.query import Problem, fmt_number, last_value, number

DEFAULT_FNS = ("sigmoid", "tanh", "relu", "gelu")
WHICH = ("h", "grad")
X_LIMIT = 20.0  # the slider's ends: beyond ±20 every activation here is a straight line
DEFAULT_XMIN, DEFAULT_XMAX = -6.0, 6.0


@dataclass(frozen=True)
class CompareView:
    fns: tuple[str, ...] = DEFAULT_FNS
    which: str = "h"
    xmin: float = DEFAULT_XMIN
    xmax: float = DEFAULT_XMAX


def _range(xmin: float, xmax: float, problems: list[Problem]) -> tuple[float, float]:
    for name, v in (("xmin", xmin), ("xmax", xmax)):
        if not (math.isfinite(v) and -X_LIMIT <= v <= X_LIMIT):
            problems.append(Problem("out_of_range", {"field": name, "value": fmt_number(v),
                                                     "limit": fmt_number(X_LIMIT)}))
            return DEFAULT_XMIN, DEFAULT_XMAX
    if not xmin < xmax:
        problems.append(Problem("empty_range", {"xmin": fmt_number(xmin),
                                                "xmax": fmt_number(xmax)}))
        return DEFAULT_XMIN, DEFAULT_XMAX
    return float(xmin), float(xmax)


def clean_view(fns: Sequence[str], which: str, xmin: float,
               xmax: float) -> tuple[CompareView, list[Problem]]:
    """A view from the widgets' values: no function, a bad curve or range -> defaults."""
    problems: list[Problem] = []
    chosen = tuple(dict.fromkeys(f for f in fns if f in act.ELEMENTWISE))
    if not chosen:
        problems.append(Problem("no_fn"))
        chosen = DEFAULT_FNS
    if which not in WHICH:
        problems.append(Problem("bad_choice", {"field": "which", "value": str(which),
                                               "default": WHICH[0]}))
        which = WHICH[0]
    lo, hi = _range(xmin, xmax, problems)
    return CompareView(chosen, which, lo, hi), problems


def parse_query(raw: Mapping) -> tuple[CompareView, list[Problem]]:
    """The view a URL asks for, and what was wrong with it (each bad value -> its default)."""
    problems: list[Problem] = []
    fns = list(DEFAULT_FNS)
    if "fns" in raw:
        fns = []
        for name in (s.strip().lower() for s in last_value(raw["fns"]).split(",")):
            if name in act.ELEMENTWISE:
                fns.append(name)
            elif name in act.REGISTRY:  # softmax, log-softmax: no curve h(x) to overlay
                problems.append(Problem("vector_fn", {"value": name}))
            elif name:
                problems.append(Problem("unknown_fn", {"value": name}))
    which = last_value(raw.get("which", WHICH[0])).lower()
    xmin = number(raw, "xmin", DEFAULT_XMIN, problems)
    xmax = number(raw, "xmax", DEFAULT_XMAX, problems)
    view, more = clean_view(fns, which, xmin, xmax)
    return view, problems + more


def to_query(view: CompareView) -> dict[str, str]:
    """The URL query of a view, defaults left out: parse_query(to_query(v)) == (v, [])."""
    default = CompareView()
    query = {}
    if view.fns != default.fns:
        query["fns"] = ",".join(view.fns)
    if view.which != default.which:
        query["which"] = view.which
    if (view.xmin, view.xmax) != (default.xmin, default.xmax):
        query["xmin"], query["xmax"] = fmt_number(view.xmin), fmt_number(view.xmax)
    return query
