"""The regularisation lab's choices and their URL (no Streamlit here).

``/regularization?tab=overfit&act=relu&init=xavier&fit=l1&l2=0.003&l1=0.003&dropout=0.5&early=50``
keeps both tabs' choices across a reload. A value the page does not offer becomes a Problem
and the default.
"""

from __future__ import annotations

from collections.abc import Mapping

from gradflow import init_bn, overfit
from viewstate.query import Problem, fmt_number, last_value

TABS = ("init", "overfit")
FIT_METHODS = (*overfit.METHODS, "early")
DEFAULTS = {"reg.init.activation": "sigmoid", "reg.init.init": "std1", "reg.fit.method": "l2",
            "reg.fit.l2": 0.003, "reg.fit.l1": 0.003, "reg.fit.dropout": 0.5,
            "reg.fit.early": 50}
OPTIONS = {"reg.init.activation": init_bn.ACTIVATIONS, "reg.init.init": init_bn.INITS,
           "reg.fit.method": FIT_METHODS,
           **{f"reg.fit.{m}": values for m, values in overfit.OFFERED.items()}}
# URL name -> session key; the choices by name, the strengths by number
PARAMS = {"act": "reg.init.activation", "init": "reg.init.init", "fit": "reg.fit.method",
          "l2": "reg.fit.l2", "l1": "reg.fit.l1", "dropout": "reg.fit.dropout",
          "early": "reg.fit.early"}
NUMBERS = ("l2", "l1", "dropout", "early")
MAX_SHOWN = 40  # characters of a bad value quoted back


def _number(text: str, options) -> object | None:
    """The offered option equal to ``text`` read as a number (0.0030 is 0.003), else None."""
    try:
        v = float(text)
    except ValueError:
        return None
    return next((o for o in options if o == v), None)


def parse_query(raw: Mapping) -> tuple[str | None, dict[str, object], list[Problem]]:
    """(the open tab or None, {session key: value} for the parameters present, problems).

    A bad value is replaced by its default, with a Problem naming the parameter, the value
    and the default (``bad_choice`` for a name, ``not_offered`` for a number, with the
    offered numbers)."""
    problems: list[Problem] = []
    tab = None
    if "tab" in raw:
        tab = last_value(raw["tab"])
        if tab not in TABS:
            problems.append(Problem("bad_choice", {"field": "tab", "value": tab[:MAX_SHOWN],
                                                   "default": TABS[0]}))
            tab = TABS[0]
    chosen: dict[str, object] = {}
    for name, key in PARAMS.items():
        if name not in raw:
            continue
        text = last_value(raw[name])
        default = DEFAULTS[key]
        if name in NUMBERS:
            value = _number(text, OPTIONS[key])
            if value is None:
                problems.append(Problem("not_offered", {
                    "field": name, "value": text[:MAX_SHOWN], "default": fmt_number(default),
                    "offered": ", ".join(fmt_number(o) for o in OPTIONS[key])}))
                value = default
        else:
            value = text if text in OPTIONS[key] else None
            if value is None:
                problems.append(Problem("bad_choice", {"field": name, "value": text[:MAX_SHOWN],
                                                       "default": default}))
                value = default
        chosen[key] = value
    return tab, chosen, problems


def to_query(tab: str, values: Mapping[str, object]) -> dict[str, str]:
    """The URL of the open tab and every choice (``values`` by session key)."""
    query = {"tab": tab}
    for name, key in PARAMS.items():
        v = values[key]
        query[name] = fmt_number(v) if name in NUMBERS else str(v)
    return query
