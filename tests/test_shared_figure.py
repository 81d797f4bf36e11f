"""A shared figure (plots/shared_figure.py) reaches the page exactly as the figure it was made
from would: st.plotly_chart's spec is the same JSON, made from one dict kept for every call."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio
import plotly.tools

from optimizers import SURFACES
from plots.optimizers_lab import make_trajectory_figure
from plots.shared_figure import SharedFigure, share
from viewstate import optimizers_lab as lab
from viewstate.optimizers_lab import PRESETS


def _as_streamlit_sends(fig: go.Figure) -> str:
    # what st.plotly_chart does with a figure (streamlit/elements/plotly_chart.py)
    return pio.to_json(plotly.tools.return_figure_from_figure_or_data(fig, validate_figure=True),
                       validate=False)


def _lab_figure() -> go.Figure:
    p = PRESETS["textbook"]
    runs = lab.run_lines(p.surface, list(p.lines), (-7.0, 2.0), 300)
    return make_trajectory_figure(SURFACES[p.surface], runs, [r.line.optimizer for r in runs])


def test_a_shared_figure_sends_what_the_figure_sends():
    expected = _as_streamlit_sends(_lab_figure())
    shared = share(_lab_figure())
    assert isinstance(shared, SharedFigure)
    for _ in range(3):  # the first call makes the dict, the others reuse it
        assert _as_streamlit_sends(shared) == expected


def test_its_dict_is_made_once():
    shared = share(_lab_figure())
    assert shared.to_dict() is shared.to_dict()
    plain = _lab_figure()
    assert plain.to_dict() is not plain.to_dict()  # a plain figure copies itself every time
