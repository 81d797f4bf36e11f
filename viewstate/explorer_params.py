"""The explorer's view state, and the cleaning of it from a URL or from the widgets.

A shared link such as ``/explorer?fn=leaky_relu&alpha=0.2&xmin=-5&xmax=5&x0=-1`` is parsed
here into an ``ExplorerView``. Every bad value (unknown fn, a parameter that is not a
number or out of its registry range, xmin ≥ xmax, |x| beyond 1e6, x₀ outside the range)
falls back to its default and adds a ``Problem`` the page turns into a warning. No
Streamlit here: the page hands in ``st.query_params.to_dict()``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from activations import REGISTRY, Param
from viewstate.query import Problem, fmt_number, last_value, number

DEFAULT_FN = "sigmoid"
DEFAULT_XMIN, DEFAULT_XMAX = -5.0, 5.0
DEFAULT_X0 = 1.0
X_LIMIT = 1e6  # |x| beyond this is refused: the plot would be all asymptote
MIN_WIDTH = 1e-3  # a narrower range is no longer a readable plot
TRUE_WORDS = ("tanh", "true", "1", "yes", "on")
FALSE_WORDS = ("none", "exact", "erf", "false", "0", "no", "off")
SHOW_TOKENS = ("h", "grad")


@dataclass(frozen=True)
class ExplorerView:
    fn: str = DEFAULT_FN
    params: tuple[tuple[str, float | bool], ...] = ()  # hashable, for caching
    xmin: float = DEFAULT_XMIN
    xmax: float = DEFAULT_XMAX
    x0: float = DEFAULT_X0
    show_h: bool = True
    show_grad: bool = True

    @property
    def param_dict(self) -> dict[str, float | bool]:
        return dict(self.params)


def default_x0(xmin: float, xmax: float) -> float:
    """x₀ = 1 where the range holds it (σ(1), GELU(1) are classic exam values), else its middle."""
    return DEFAULT_X0 if xmin <= DEFAULT_X0 <= xmax else 0.5 * (xmin + xmax)


def _fmt_param(p: Param, v) -> str:
    if p.kind == "bool":
        return "tanh" if v else "none"
    return fmt_number(v)


def clean_view(fn: str, params: Mapping, xmin: float, xmax: float, x0: float | None,
               show_h: bool = True, show_grad: bool = True) -> tuple[ExplorerView, list[Problem]]:
    """Check typed values (from the widgets, or parsed from the URL); replace each bad one."""
    problems: list[Problem] = []
    if fn not in REGISTRY:
        problems.append(Problem("unknown_fn", {"value": str(fn), "default": DEFAULT_FN}))
        fn = DEFAULT_FN
    spec = REGISTRY[fn]
    cleaned = []
    for p in spec.params:
        v = params.get(p.name, p.default)
        try:
            v = p.check(v)
        except ValueError:
            problems.append(Problem("out_of_range", {
                "field": p.name, "value": str(v), "lo": fmt_number(p.min),
                "hi": fmt_number(p.max), "default": _fmt_param(p, p.default)}))
            v = p.default
        cleaned.append((p.name, v))

    ends = []
    for name, v, default in (("xmin", xmin, DEFAULT_XMIN), ("xmax", xmax, DEFAULT_XMAX)):
        if not math.isfinite(v) or abs(v) > X_LIMIT:
            problems.append(Problem("too_large", {
                "field": name, "value": fmt_number(v), "limit": "1e6",
                "default": fmt_number(default)}))
            v = default
        ends.append(v)
    xmin, xmax = ends
    if not xmin < xmax:
        problems.append(Problem("range_order", {
            "xmin": fmt_number(xmin), "xmax": fmt_number(xmax),
            "dmin": fmt_number(DEFAULT_XMIN), "dmax": fmt_number(DEFAULT_XMAX)}))
        xmin, xmax = DEFAULT_XMIN, DEFAULT_XMAX
    elif xmax - xmin < MIN_WIDTH:
        problems.append(Problem("range_narrow", {
            "xmin": fmt_number(xmin), "xmax": fmt_number(xmax), "width": fmt_number(MIN_WIDTH),
            "dmin": fmt_number(DEFAULT_XMIN), "dmax": fmt_number(DEFAULT_XMAX)}))
        xmin, xmax = DEFAULT_XMIN, DEFAULT_XMAX

    if x0 is None:
        x0 = default_x0(xmin, xmax)
    elif not (math.isfinite(x0) and xmin <= x0 <= xmax):
        problems.append(Problem("x0_outside", {
            "value": fmt_number(x0) if math.isfinite(x0) else str(x0),
            "xmin": fmt_number(xmin), "xmax": fmt_number(xmax),
            "default": fmt_number(default_x0(xmin, xmax))}))
        x0 = default_x0(xmin, xmax)

    view = ExplorerView(fn, tuple(cleaned), float(xmin), float(xmax), float(x0),
                        bool(show_h), bool(show_grad))
    return view, problems


def dragged_param(fn: str, name: str, raw: object, current: float) -> tuple[float, list[Problem]]:
    """The value a drag under the chart ended on, as the browser sent it: checked like a
    typed one (it may be anything); a bad one keeps ``current`` and says why."""
    p = next(q for q in REGISTRY[fn].params if q.name == name)
    try:
        return p.check(raw if isinstance(raw, str | int | float) else None), []
    except ValueError:
        return current, [Problem("out_of_range", {
            "field": name, "value": str(raw)[:40], "lo": fmt_number(p.min),
            "hi": fmt_number(p.max), "default": _fmt_param(p, current)})]


def parse_query(raw: Mapping) -> tuple[ExplorerView, list[Problem]]:
    """The view a URL asks for, and what was wrong with it (each bad value -> its default)."""
    problems: list[Problem] = []
    fn = last_value(raw.get("fn", DEFAULT_FN)).lower()
    if fn not in REGISTRY:
        problems.append(Problem("unknown_fn", {"value": fn, "default": DEFAULT_FN}))
        fn = DEFAULT_FN

    params: dict[str, float | bool] = {}
    for p in REGISTRY[fn].params:
        if p.kind == "bool":
            text = last_value(raw.get(p.name, "")).lower()
            if text in TRUE_WORDS or text in FALSE_WORDS:
                params[p.name] = text in TRUE_WORDS
            elif p.name in raw:
                problems.append(Problem("bad_choice", {
                    "field": p.name, "value": text, "default": _fmt_param(p, p.default)}))
        else:
            params[p.name] = number(raw, p.name, p.default, problems)

    xmin = number(raw, "xmin", DEFAULT_XMIN, problems)
    xmax = number(raw, "xmax", DEFAULT_XMAX, problems)
    x0 = number(raw, "x0", None, problems)

    show_h = show_grad = True
    if "show" in raw:
        tokens = [s for s in last_value(raw["show"]).lower().split(",") if s]
        if tokens == ["none"]:
            show_h = show_grad = False
        elif tokens and all(s in SHOW_TOKENS for s in tokens):
            show_h, show_grad = "h" in tokens, "grad" in tokens
        else:
            problems.append(Problem("bad_choice", {
                "field": "show", "value": last_value(raw["show"]), "default": "h,grad"}))

    view, more = clean_view(fn, params, xmin, xmax, x0, show_h, show_grad)
    # x₀'s default depends on the range, known only now.
    problems = [Problem(q.code, q.fields | {"default": fmt_number(view.x0)})
                if q.fields.get("field") == "x0" else q for q in problems]
    return view, problems + more


def to_query(view: ExplorerView) -> dict[str, str]:
    """The URL query of a view: parse_query(to_query(v)) == (v, []) for elementwise views."""
    spec = REGISTRY[view.fn]
    query = {"fn": view.fn}
    values = view.param_dict
    for p in spec.params:
        query[p.name] = _fmt_param(p, values[p.name])
    if spec.kind != "elementwise":  # no plot, so no range: the link stays short
        return query
    query |= {"xmin": fmt_number(view.xmin), "xmax": fmt_number(view.xmax),
              "x0": fmt_number(view.x0)}
    if not (view.show_h and view.show_grad):
        shown = [s for s, on in zip(SHOW_TOKENS, (view.show_h, view.show_grad), strict=True) if on]
        query["show"] = ",".join(shown) or "none"
    return query


def x0_from_click(points: list, xmin: float, xmax: float) -> float | None:
    """The probe where the learner clicked the chart: the clicked point's x, kept in range and
    rounded to a readable step (about 1/1000 of the range), or None if nothing usable."""
    xs = [p.get("x") for p in points if isinstance(p, dict)]
    xs = [float(x) for x in xs if isinstance(x, int | float) and math.isfinite(x)]
    if not xs or not xmin < xmax:
        return None
    decimals = max(0, 3 - math.floor(math.log10(xmax - xmin)))
    return min(xmax, max(xmin, round(xs[0], decimals)))
