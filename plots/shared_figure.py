"""A figure that many sessions show unchanged (built once, kept by ``st.cache_resource``).

``st.plotly_chart`` turns the figure it is given into a dict on every call: a deep copy with
every NumPy array encoded again. For the optimizer lab's 0.4 MB figure that is ~7 ms of each
rerun, paid by every learner for a figure no one changes (bench/bench_sessions.py). A shared
figure makes its dict once.
"""

from __future__ import annotations

import plotly.graph_objects as go
from _plotly_utils.utils import convert_to_base64


class SharedFigure(go.Figure):
    """A ``go.Figure`` read, never changed, after :func:`share`: ``to_dict`` is made once."""

    def to_dict(self) -> dict:
        try:
            return self._shared_dict
        except AttributeError:  # first call (two threads at once would make equal dicts)
            self._shared_dict = super().to_dict()
            return self._shared_dict


def share(fig: go.Figure) -> SharedFigure:
    """The same figure, from now on read only (no copy: rebuilding it would validate every
    trace and frame again, as long as building it took)."""
    fig.__class__ = SharedFigure
    return fig


def unchecked(spec: dict) -> SharedFigure:
    """A shared figure whose dict is ``spec`` (data, layout, frames) as ``to_dict`` would
    make it, without building Plotly's objects for it.

    Building a figure checks every property of every trace and frame, and even unchecked it
    makes an object of each: 30-60 ms for the optimizer lab's hundred frames (a few hundred
    the first time in a process), then ~10 ms more to copy it back into a dict. On a new
    server the first learner to choose a setting does this while every other learner's
    rerun waits for the GIL. The builders whose specs come here are checked in tests
    instead: for every preset and setting the JSON sent is the checked figure's
    (tests/test_shared_figure.py). ``spec`` is taken over (its arrays are encoded in place).
    """
    layout = dict(spec["layout"])
    if "template" not in layout:  # every Figure starts with the default template
        layout["template"] = _default_template()
    out = {"data": spec["data"], "layout": layout}
    if spec.get("frames"):
        out["frames"] = spec["frames"]
    convert_to_base64(out)  # the last step of Figure.to_dict: NumPy arrays as typed arrays
    fig = share(go.Figure())
    fig._shared_dict = out
    return fig


def _default_template() -> dict | None:
    # read each time: importing streamlit makes its own template the default
    return go.Figure().to_dict()["layout"].get("template")
