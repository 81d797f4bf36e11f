"""A figure that many sessions show unchanged (built once, kept by ``st.cache_resource``).

``st.plotly_chart`` turns the figure it is given into a dict on every call: a deep copy with
every NumPy array encoded again. For the optimizer lab's 0.4 MB figure that is ~7 ms of each
rerun, paid by every learner for a figure no one changes (bench/bench_sessions.py). A shared
figure makes its dict once.
"""

from __future__ import annotations

import plotly.graph_objects as go


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
    """A shared figure built from ``spec`` (data, layout, frames) without Plotly's checks.

    Building a figure checks every property of every trace and frame: 30-60 ms for the
    optimizer lab's hundred frames, and a few hundred the first time in a process (Plotly
    loads its validators as they are first needed). On a new server the first learner to
    choose a setting builds its figure while every other learner's rerun waits for the GIL.
    The builders whose specs come here are checked in tests instead: for every preset the
    JSON sent is the checked figure's (tests/test_shared_figure.py).
    """
    # ``_validate`` is the constructor's own switch (plotly.basedatatypes.BaseFigure);
    # a Plotly without it raises TypeError here and in the tests.
    return share(go.Figure(data=spec["data"], layout=spec["layout"],
                           frames=spec.get("frames"), _validate=False))
