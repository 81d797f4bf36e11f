"""The backprop page's logic: reading the batch and labels a learner typed, and what one step
of a graph shows (the node's rule, the numbers it read and wrote). No Streamlit here; the page
words each problem in the learner's language."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from backprop.bugs import BUGS_FOR
from backprop.graph import ACTIVATIONS, APPLE, CLASSES, INPUT_SIZE, NET, SHOP, Graph
from viewstate.logits import format_logits, parse_logits
from viewstate.query import Problem, fmt_number, last_value, number

DEFAULT_X = ((1.0, 0.5), (-1.2, 0.8))
DEFAULT_T = (0, 2)
DEFAULT_SEED = 2  # with DEFAULT_X, ReLU masks 2 of the 6 hidden inputs: the mask shows
MAX_ROWS = 4
MAX_ABS = 10.0  # beyond, softmax saturates: gradients shrink into the check's round-off
EXAMPLES = (APPLE, SHOP, NET)
# The shops' inputs: default and the widget's upper bound (prices, counts, the tax rate)
SHOP_INPUTS = {"apple": (100.0, 100000.0), "apple_num": (2.0, 1000.0), "orange": (150.0, 100000.0),
               "orange_num": (3.0, 1000.0), "tax": (1.1, 100000.0)}
MAX_SEED = 9999
_ROWS = re.compile(r"[;\n/]+")
_LABELS = re.compile(r"[,\s;、]+")


def format_batch(x) -> str:
    """The text parse_batch reads back: rows separated by ";"."""
    return "; ".join(format_logits(row) for row in x)


def format_labels(t) -> str:
    return ", ".join(str(int(v)) for v in t)


@dataclass(frozen=True)
class Batch:
    x: np.ndarray  # (N, INPUT_SIZE)
    t: np.ndarray  # (N,) label indices
    problems: tuple[tuple[str, str], ...]  # (code, detail): the page's messages

    @property
    def ok(self) -> bool:
        return not self.problems


def _fallback_labels(n: int) -> tuple[int, ...]:
    return (*DEFAULT_T, 1, 0)[:n]


def _parse_x(text: str) -> tuple[np.ndarray | None, tuple[str, str] | None]:
    rows = [r for r in _ROWS.split(unicodedata.normalize("NFKC", text or "").strip()) if r.strip()]
    if not rows:
        return None, ("x_empty", "")
    if len(rows) > MAX_ROWS:
        return None, ("x_rows", str(len(rows)))
    out = []
    for i, row in enumerate(rows, 1):
        parsed = parse_logits(row, DEFAULT_X[0], MAX_ABS)
        if parsed.problems:
            kind, detail = parsed.problems[0]
            if kind in ("too_few", "too_many"):
                return None, ("x_width", str(i))
            return None, (f"x_{kind}", detail)
        if len(parsed.values) != INPUT_SIZE:
            return None, ("x_width", str(i))
        out.append(parsed.values)
    return np.array(out, dtype=float), None


def _parse_t(text: str, n: int) -> tuple[np.ndarray | None, tuple[str, str] | None]:
    tokens = [tok for tok in _LABELS.split(unicodedata.normalize("NFKC", text or "").strip())
              if tok]
    labels = []
    for tok in tokens:
        if not (tok.isascii() and tok.isdigit()) or int(tok) >= CLASSES:
            return None, ("t_label", tok)
        labels.append(int(tok))
    if len(labels) != n:
        return None, ("t_count", str(len(labels)))
    return np.array(labels, dtype=int), None


def parse_batch(x_text: str, t_text: str) -> Batch:
    """The batch x ("1, 0.5; -1.2, 0.8": one row per sample) and its labels ("0, 2").

    Bad x falls back to DEFAULT_X; labels that do not fit x, to DEFAULT_T's pattern.
    """
    problems = []
    x, problem = _parse_x(x_text)
    if x is None:
        problems.append(problem)
        x = np.array(DEFAULT_X)
    t, problem = _parse_t(t_text, len(x))
    if t is None:
        if not problems:  # labels typed for the x that fell back are not the learner's error
            problems.append(problem)
        t = np.array(_fallback_labels(len(x)), dtype=int)
    return Batch(x, t, tuple(problems))


# The marker words of the planted bugs' comments (backprop/bugs.py), each with its string key:
# an English page reads them in English; the code itself stays as the exam prints it.
BUG_WORDS = (("バグ：", "backprop.code.bug"), ("正しくは ", "backprop.code.should_be"),
             (" が抜けている", "backprop.code.missing"))


def mark_bug_words(source: str, translate) -> str:
    """``source`` with each marker word replaced by ``translate(its key)``."""
    for word, key in BUG_WORDS:
        source = source.replace(word, translate(key))
    return source


def format_array(v, precision: int = 3) -> str:
    """A value as the page prints it: a scalar in 6 digits, an array as NumPy prints it."""
    a = np.asarray(v)
    if a.ndim == 0:
        return f"{float(a):.6g}"
    return np.array2string(a, precision=precision, suppress_small=True, separator=" ")


def format_on_graph(v) -> str:
    """Shorter, for an edge of the drawn graph: it must fit a phone's width."""
    return format_array(v, precision=2)


def shape_text(v) -> str:
    a = np.asarray(v)
    return "×".join(str(n) for n in a.shape) if a.ndim else "1"


@dataclass(frozen=True)
class StepView:
    """What the page shows for one step: the node, its direction, and the numbers it used.

    ``read`` are (edge key, value) the node took in (forward: its inputs; backward: the
    upstream gradient of its output), ``wrote`` what it gave out (forward: its output;
    backward: the gradient of each input that takes one).
    """

    node_key: str
    kind: str
    direction: str
    read: tuple[tuple[str, object], ...]
    wrote: tuple[tuple[str, object], ...]


def step_view(graph: Graph, step: int) -> StepView | None:
    at = graph.at(step)
    if at is None:
        return None
    node, direction = at
    e = graph.edges
    if direction == "forward":
        return StepView(node.key, node.kind, direction,
                        tuple((k, e[k].value) for k in node.inputs),
                        ((node.output, e[node.output].value),))
    return StepView(node.key, node.kind, direction,
                    ((node.output, e[node.output].grad),),
                    tuple((k, e[k].grad) for k in node.inputs if e[k].grad is not None))


def swapped_products(graph: Graph, node_key: str) -> tuple[tuple[str, float, str, float, float], ...]:
    """For a multiply node: (input, upstream, other input, its value, the input's gradient)
    per input, the numbers of "the inputs swap" as the page writes them out."""
    node = next(n for n in graph.nodes if n.key == node_key)
    a, b = node.inputs
    up = graph.edges[node.output].grad
    e = graph.edges
    return ((a, up, b, e[b].value, e[a].grad), (b, up, a, e[a].value, e[b].grad))


# --- the view and its URL (/backprop?ex=net&step=5&bug=no_relu_mask&x=0,0&t=0) ------------
@dataclass(frozen=True)
class BackpropView:
    ex: str = APPLE
    step: int = 0  # of the example shown; the page checks it against that graph's last step
    bug: str = "none"
    x: str = format_batch(DEFAULT_X)  # as typed: parse_batch warns about it on the page
    t: str = format_labels(DEFAULT_T)
    seed: int = DEFAULT_SEED
    act: str = ACTIVATIONS[0]
    apple: float = SHOP_INPUTS["apple"][0]
    apple_num: float = SHOP_INPUTS["apple_num"][0]
    orange: float = SHOP_INPUTS["orange"][0]
    orange_num: float = SHOP_INPUTS["orange_num"][0]
    tax: float = SHOP_INPUTS["tax"][0]


FIELDS = tuple(BackpropView.__dataclass_fields__)


def _choice(raw, name: str, allowed, default: str, problems: list[Problem]) -> str:
    if name not in raw:
        return default
    value = last_value(raw[name])
    if value not in allowed:
        problems.append(Problem("not_allowed", {"field": name, "value": value,
                                                "default": default}))
        return default
    return value


def _whole(raw, name: str, top: int, default: int, problems: list[Problem]) -> int:
    v = number(raw, name, default, problems)
    if not 0 <= v <= top or v != int(v):  # 2.0 counts; 2.5, -1, 10000 and inf do not
        problems.append(Problem("not_allowed", {"field": name, "value": last_value(raw[name]),
                                                "default": str(default)}))
        return default
    return int(v)


def parse_query(raw: Mapping) -> tuple[BackpropView, list[Problem]]:
    """The view a link asks for; each bad value falls back to its default, with a Problem.
    x and t are kept as typed (the page reads them as it reads the text boxes)."""
    problems: list[Problem] = []
    default = BackpropView()
    fields: dict = {}
    fields["ex"] = _choice(raw, "ex", EXAMPLES, default.ex, problems)
    fields["step"] = _whole(raw, "step", 10**6, 0, problems)
    fields["act"] = _choice(raw, "act", ACTIVATIONS, default.act, problems)
    fields["bug"] = _choice(raw, "bug", BUGS_FOR[fields["act"]], default.bug, problems)
    fields["seed"] = _whole(raw, "seed", MAX_SEED, default.seed, problems)
    for name in ("x", "t"):
        if name in raw:
            fields[name] = last_value(raw[name])
    for name, (value, top) in SHOP_INPUTS.items():
        v = number(raw, name, value, problems)
        if not 0 <= v <= top:
            problems.append(Problem("out_of_range", {
                "field": name, "value": last_value(raw[name]), "lo": "0", "hi": fmt_number(top),
                "default": fmt_number(value)}))
            v = value
        fields[name] = float(v)
    return BackpropView(**fields), problems


def to_query(view: BackpropView) -> dict[str, str]:
    """The URL query of the view, defaults left out."""
    default = BackpropView()
    query = {}
    for name in FIELDS:
        value = getattr(view, name)
        if value != getattr(default, name):
            query[name] = value if isinstance(value, str) else fmt_number(float(f"{value:.12g}"))
    return query
