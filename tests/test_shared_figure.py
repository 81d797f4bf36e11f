"""A shared figure (plots/shared_figure.py) reaches the page exactly as the figure it was made
from would: st.plotly_chart's spec is the same JSON, made from one dict kept for every call;
and a figure built without Plotly's checks sends what the checked one sends."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import plotly.tools
import pytest

from gradflow import init_bn
from optimizers import OPTIMIZERS, SURFACES
from plots import regularization_lab as rp
from plots.optimizers_lab import LabLabels, make_trajectory_figure, trajectory_spec
from plots.shared_figure import SharedFigure, share, unchecked
from viewstate import optimizers_lab as lab
from viewstate.optimizers_lab import PRESETS, Line


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


# ---- unchecked: the lab's path figure, built without Plotly's checks, sends the same -------

LABELS = LabLabels(minimum="最小点", click="ここから始める", escaped="発散: {t} 回目で |θ| > 10⁶",
                   step_axis="更新回数 t")


def _presets():
    for name, p in PRESETS.items():
        for steps in (1, 2, p.steps, 101, 1000):
            yield name, p.surface, p.lines, p.start, steps


def _every_optimizer():
    # every optimizer on every surface, one of them pushed to diverge
    for surface in SURFACES:
        lines = [Line(o) for o in OPTIMIZERS] + [Line("sgd", {"lr": 2.0}, "above")]
        yield f"all on {surface}", surface, tuple(lines), None, 300


@pytest.mark.parametrize(("name", "surface", "lines", "start", "steps"),
                         [*_presets(), *_every_optimizer()],
                         ids=lambda v: v if isinstance(v, str) else None)
def test_an_unchecked_lab_figure_sends_what_the_checked_one_sends(name, surface, lines, start,
                                                                   steps):
    runs = lab.run_lines(surface, list(lines), start or SURFACES[surface].start, steps)
    names = [f"{r.line.optimizer} {i}" for i, r in enumerate(runs)]
    for labels, active, clickable in ((LABELS, None, True), (LabLabels(), 0, False)):
        kw = {"labels": labels, "active": active, "clickable": clickable}
        checked = _as_streamlit_sends(go.Figure(**trajectory_spec(SURFACES[surface], runs,
                                                                  names, **kw)))
        fast = unchecked(trajectory_spec(SURFACES[surface], runs, names, **kw))
        assert isinstance(fast, SharedFigure)
        # the same JSON but for the order of keys inside a trace (Plotly's checks sort them)
        assert json.loads(_as_streamlit_sends(fast)) == json.loads(checked)


def test_a_spec_plotly_would_refuse_is_refused_by_the_checked_build():
    # the check the fast path skips is real: the same spec with one bad property fails it
    p = PRESETS["textbook"]
    runs = lab.run_lines(p.surface, list(p.lines), (-7.0, 2.0), 10)
    spec = trajectory_spec(SURFACES[p.surface], runs, ["a", "b", "c", "d"])
    spec["data"][0]["colour"] = "red"
    with pytest.raises(ValueError, match="colour"):
        go.Figure(**spec)


def _settings():
    for activation in init_bn.ACTIVATIONS:
        for init in init_bn.INITS:
            for batchnorm in (False, True):
                yield init_bn.Setting(activation=activation, init=init, batchnorm=batchnorm)


@pytest.mark.parametrize("setting", list(_settings()), ids=str)
def test_an_unchecked_histogram_figure_sends_what_the_checked_one_sends(setting):
    # the regularisation lab's five panels, for every setting its first tab offers
    args = (init_bn.experiment(setting), "{layer} 層目", "0 の割合: {share:.0%}", "割合",
            rp.COLOURS["bn" if setting.batchnorm else "plain"])
    checked = _as_streamlit_sends(go.Figure(**rp.histogram_spec(*args)))
    fast = unchecked(rp.histogram_spec(*args))
    assert json.loads(_as_streamlit_sends(fast)) == json.loads(checked)
