"""What every page's URL parsing shares: the Problem a bad value becomes, the reading of a
parameter, and the shortest text of a number (no Streamlit here)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One bad value: ``code`` names the message, ``fields`` fill it in (all strings)."""

    code: str
    fields: dict[str, str] = field(default_factory=dict)


def fmt_number(v: float) -> str:
    """Shortest text that reads back to the same float: 0.2, -5, 1e-05."""
    s = repr(float(v))
    return s[:-2] if s.endswith(".0") else s


def last_value(value) -> str:
    """A repeated parameter (``?alpha=1&alpha=2``) counts by its last value, as in a browser."""
    if isinstance(value, list | tuple):
        value = value[-1] if value else ""
    return str(value).strip()


def number(raw: Mapping, name: str, default, problems: list[Problem]):
    """float(raw[name]); a missing value gives ``default``, a non-number gives it with a Problem."""
    if name not in raw:
        return default
    text = last_value(raw[name])
    try:
        v = float(text)
    except ValueError:
        v = math.nan
    if math.isnan(v):
        shown = "" if default is None else fmt_number(default)
        problems.append(Problem("not_a_number", {"field": name, "value": text, "default": shown}))
        return default
    return v
