"""The optimizer lab without Streamlit: the figure carries the core's trajectories step by
step, and every fact a preset's text states holds for the runs drawn."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

import optimizers as opt
from plots.optimizers_lab import LabLabels, make_loss_figure, make_trajectory_figure
from viewstate import optimizers_lab as lab

pytestmark = pytest.mark.filterwarnings("error")


def preset_runs(name: str, start=None, steps=None):
    p = lab.PRESETS[name]
    return lab.run_lines(p.surface, p.lines, start, steps or p.steps)


def figure_for(name: str, **kw):
    p = lab.PRESETS[name]
    runs = preset_runs(name, **kw)
    names = [r.line.key for r in runs]
    return p, runs, names, make_trajectory_figure(opt.SURFACES[p.surface], runs, names)


def numbers(text: str) -> list[float]:
    return [float(s) for s in re.findall(r"-?\d+(?:\.\d+)?(?:e[+-]\d+)?", text)]


# ---- the figure is the core's trajectory -----------------------------------------------------


@pytest.mark.parametrize("name", list(lab.PRESETS))
def test_paths_are_the_core_trajectories(name):
    p, runs, names, fig = figure_for(name)
    paths = {tr.name: tr for tr in fig.data if tr.type == "scatter" and tr.name in names}
    assert list(paths) == names
    for line, key in zip(p.lines, names, strict=True):
        # computed here again, straight from the core, not through the lab
        core = opt.trajectory(line.optimizer, p.surface, None, p.steps, **line.hyper)
        np.testing.assert_array_equal(paths[key].x, core.positions[:, 0])
        np.testing.assert_array_equal(paths[key].y, core.positions[:, 1])


@pytest.mark.parametrize("name", list(lab.PRESETS))
def test_every_frame_moves_each_run_to_its_step(name):
    p, runs, names, fig = figure_for(name)
    steps = max(r.traj.steps for r in runs)
    assert [f.name for f in fig.frames] == [str(t) for t in lab.frame_steps(steps)]
    for frame in fig.frames:
        t = int(frame.name)
        moves, text = frame.data
        for i, line in enumerate(p.lines):
            core = opt.trajectory(line.optimizer, p.surface, None, p.steps, **line.hyper)
            s = min(t, core.steps)
            end = core.positions[s]
            begin = core.positions[s - 1] if s else end
            assert moves.x[3 * i: 3 * i + 3] == (begin[0], end[0], None)
            assert moves.y[3 * i: 3 * i + 3] == (begin[1], end[1], None)
            assert f"t = {s} " in text.text[i]


def test_the_numbers_of_a_step_are_the_cores():
    """Adam's step 3: θ, f, g, Δθ, m, v, m̂, v̂ in the frame's text, to 3 significant digits."""
    _, runs, names, fig = figure_for("textbook")
    adam = opt.trajectory("adam", "textbook", None, 30, lr=0.3)
    text = next(f for f in fig.frames if f.name == "3").data[1].text[names.index("adam")]
    s = adam.at(3)
    expected = [3, *s["theta"], s["loss"], *s["g"], *s["update"], *s["m"], *s["v"],
                *s["m_hat"], *s["v_hat"]]
    got = numbers(text.split("<br>", 1)[1])
    assert got == pytest.approx(expected, rel=5e-3)
    for symbol in ("θ =", "g =", "Δθ =", "m =", "v =", "m̂ =", "v̂ ="):
        assert symbol in text


@pytest.mark.parametrize("optimizer,keys", [("momentum", ["v"]), ("adagrad", ["h"]),
                                            ("rmsprop", ["h"]), ("nesterov", ["v"]),
                                            ("adam_textbook", ["m", "v"])])
def test_each_optimizer_shows_its_state(optimizer, keys):
    traj = opt.trajectory(optimizer, "ill_conditioned", steps=5)
    lines = lab.step_lines(traj, 5)
    for key in keys:
        line = next(ln for ln in lines if ln.startswith(f"{key} = ") or f"  {key} = " in ln)
        part = line[line.index(f"{key} = ("):]
        assert numbers(part)[:2] == pytest.approx(traj.state[key][4], rel=5e-3)


def test_the_figure_opens_at_the_last_step_with_its_numbers():
    _, runs, names, fig = figure_for("bias")
    last = fig.frames[-1]
    moves = next(tr for tr in fig.data if tr.type == "scatter" and tr.line.width == 3)
    assert moves.x == last.data[0].x and moves.y == last.data[0].y
    assert fig.layout.sliders[0].active == len(fig.frames) - 1


def test_long_runs_are_sampled_for_the_slider():
    steps = lab.frame_steps(1000)
    assert steps[0] == 0 and steps[-1] == 1000 and len(steps) == lab.MAX_FRAMES + 1
    assert lab.frame_steps(30) == list(range(31))


def test_a_run_that_escaped_says_so_after_its_last_step():
    traj = opt.trajectory("sgd", "textbook", None, 300, lr=1.5)  # |1 − 1.5·2| = 2 per step
    assert traj.escaped_at is not None
    run = lab.Run(lab.Line("sgd", {"lr": 1.5}), traj)
    fig = make_trajectory_figure(opt.SURFACES["textbook"], [run], ["SGD"],
                                 labels=LabLabels(escaped="escaped at {t}"))
    last = fig.frames[-1].data[1].text[0]
    assert f"escaped at {traj.escaped_at}" in last
    assert f"t = {traj.escaped_at} " in last


def test_a_click_lands_on_the_grid_inside_the_region():
    surf = opt.SURFACES["rosenbrock"]
    gx, gy = lab.click_grid(surf)
    assert gx.min() == surf.xlim[0] and gx.max() == surf.xlim[1]
    assert gy.min() == surf.ylim[0] and gy.max() == surf.ylim[1]
    assert lab.start_from_click([{"x": 0.123456, "y": -0.5}], surf) == (0.12, -0.5)
    assert lab.start_from_click([{"x": 5.0, "y": 0.0}, "junk", {"x": "a"}], surf) is None
    assert lab.start_from_click([], surf) is None


def test_loss_figure_is_log_unless_the_loss_goes_negative():
    runs = preset_runs("textbook")
    fig = make_loss_figure(runs, [r.line.key for r in runs])
    assert fig.layout.yaxis.type == "log"
    for tr, run in zip(fig.data, runs, strict=True):
        np.testing.assert_array_equal(tr.y, run.traj.loss)
    saddle = preset_runs("saddle")
    assert make_loss_figure(saddle, ["a", "b", "c"]).layout.yaxis.type == "linear"
    assert min(r.traj.loss.min() for r in saddle) < 0


# ---- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("x,y", [(11, 0), (0, -10.5), (math.nan, 1), ("abc", 1), (None, None),
                                 (math.inf, 0)])
def test_a_start_outside_falls_back_with_a_problem(x, y):
    surf = opt.SURFACES["textbook"]
    start, problem = lab.clean_start(surf, x, y)
    assert start == surf.start and problem.code == "start_outside"
    assert problem.fields["sx"] == "-7" and problem.fields["xmax"] == "10"


def test_a_start_inside_is_kept():
    assert lab.clean_start(opt.SURFACES["saddle"], 2, -2) == ((2.0, -2.0), None)


def test_the_url_is_read_with_every_problem():
    assert lab.parse_query({}) == lab.Query(lab.CUSTOM, None, None, [])
    assert lab.parse_query({"preset": "saddle", "x": "1", "y": "-0.5"}) == lab.Query(
        "saddle", (1.0, -0.5), None, [])
    q = lab.parse_query({"preset": "nosuch", "x": "abc", "y": "1"})
    assert (q.preset, q.start) == (lab.CUSTOM, None)
    assert [p.code for p in q.problems] == ["bad_preset", "not_number"]
    assert lab.to_query("bias", (-7.0, 2.0)) == {"preset": "bias", "x": "-7", "y": "2"}


@pytest.mark.parametrize("name", list(opt.SURFACES))
def test_custom_mode_keeps_its_function_in_the_url(name):
    query = lab.to_query(lab.CUSTOM, (1.5, 0.01), name)
    assert query["fn"] == name
    assert lab.parse_query(query) == lab.Query(lab.CUSTOM, (1.5, 0.01), name, [])
    # a preset draws its own function: the link does not name one
    assert "fn" not in lab.to_query("saddle", (1.5, 0.01), "saddle")
    assert lab.parse_query({"preset": "saddle", "fn": "textbook"}).surface is None


def test_a_links_unknown_function_is_a_problem():
    q = lab.parse_query({"preset": "custom", "fn": "zzz", "x": "1", "y": "1"})
    assert q.surface is None and q.start == (1.0, 1.0)
    assert [p.code for p in q.problems] == ["bad_surface"] and q.problems[0].fields == {
        "value": "zzz"}


@pytest.mark.parametrize("name", list(opt.OPTIMIZERS))
def test_every_slider_value_reads_exactly(name):
    """A slider shows its value through SLIDER_FORMAT: every value it can take reads back
    as itself (β₂ = 0.999 as 0.999, not 1.00)."""
    for p in opt.OPTIMIZERS[name].params:
        if p.kind != "float" or p.name == "lr":  # η is a number box
            continue
        decimals = max(0, -math.floor(math.log10(p.step)))
        n = round((p.max - p.min) / p.step)
        for k in range(n + 1):
            v = round(p.min + k * p.step, decimals)
            assert float(lab.SLIDER_FORMAT % v) == v, (p.name, v, lab.SLIDER_FORMAT % v)
    assert lab.SLIDER_FORMAT % 0.999 == "0.999" and lab.SLIDER_FORMAT % 0.9999 == "0.9999"


def test_the_saddle_loss_axis_keeps_the_region_and_names_the_runaway():
    runs = preset_runs("saddle")
    clip = lab.loss_clip(opt.SURFACES["saddle"], runs)
    # f = x² − y² on [−2, 2]²: from −4 (x = 0, |y| = 2) to 4
    assert (clip["lo"], clip["hi"]) == (-4.0, 4.0)
    lo, hi = clip["range"]
    assert clip["out"] == [r.line.key for r in runs if np.min(r.traj.loss) < -4]
    assert min(runs[1].traj.loss) < -1e9  # Momentum's f, that squashed the others
    fig = make_loss_figure(runs, ["SGD", "Momentum", "Adam"], clip=clip)
    assert tuple(fig.layout.yaxis.range) == (lo, hi)
    for r in runs:  # every line crosses most of the axis before it leaves
        shown = r.traj.loss[(r.traj.loss >= lo) & (r.traj.loss <= hi)]
        assert np.ptp(shown) > 0.5 * (hi - lo), r.line.key
    # convex surfaces keep their log axis, no clip
    assert lab.loss_clip(opt.SURFACES["textbook"], preset_runs("divergence")) is None


@pytest.mark.parametrize("y,case", [(0.0, "on_ridge"), (-0.0, "on_ridge"), (0.01, "near"),
                                    (-1.0, "near"), (1.5, "outside"), (-1.01, "outside")])
def test_the_saddle_text_fits_the_start(y, case):
    assert lab.saddle_case((1.5, y)) == case


def test_custom_lines_check_every_value():
    lines, bad = lab.custom_lines(["adam", "nosuch"], {"adam": {"lr": 5.0, "beta1": 0.5}})
    assert [ln.optimizer for ln in lines] == ["adam"]
    assert lines[0].hyper["lr"] == 0.3 and lines[0].hyper["beta1"] == 0.5
    assert bad == ["adam.lr"]
    assert lab.check_steps("x") == opt.params.STEPS.default and lab.check_steps(1000) == 1000


# ---- the presets' claims, computed ----------------------------------------------------------


def test_textbook_preset_is_chapter_six():
    p = lab.PRESETS["textbook"]
    assert p.surface == "textbook" and p.steps == 30 and opt.SURFACES["textbook"].start == (-7, 2)
    assert {ln.optimizer: ln.hyper["lr"] for ln in p.lines} == {
        "sgd": 0.95, "momentum": 0.1, "adagrad": 1.5, "adam": 0.3}


def test_sgd_zigzags_by_one_minus_two_eta():
    """The textbook preset's text: y is multiplied by 1 − 2η = −0.9 each step (sign flips)."""
    sgd = preset_runs("textbook")[0].traj
    y = sgd.positions[:, 1]
    np.testing.assert_allclose(y[1:] / y[:-1], 1 - 2 * 0.95, rtol=1e-12)
    assert lab.zigzag_factor(opt.SURFACES["textbook"], 0.95) == pytest.approx(-0.9)
    assert np.all(np.sign(y[1:]) == -np.sign(y[:-1]))


def test_divergence_threshold_and_factors():
    """η = 1.05 > 2/λ_max = 1 diverges (y grows ×1.1 a step); η = 0.95 converges (×0.9)."""
    surf = opt.SURFACES["textbook"]
    lam = max(np.linalg.eigvalsh(np.diag([1 / 10, 2.0])))  # ∂²f of x²/20 + y², by hand
    runs = preset_runs("divergence")
    facts = lab.divergence_facts(surf, runs)
    assert facts["lambda_max"] == pytest.approx(lam) and facts["threshold"] == pytest.approx(1.0)
    hi, lo = facts["lines"]
    assert (hi["lr"], hi["diverges"], lo["lr"], lo["diverges"]) == (1.05, True, 0.95, False)
    for run, f in zip(runs, facts["lines"], strict=True):
        y = run.traj.positions[:, 1]
        np.testing.assert_allclose(np.abs(y[1:] / y[:-1]), f["factor"], rtol=1e-12)
    assert hi["factor"] == pytest.approx(1.1) and lo["factor"] == pytest.approx(0.9)
    assert np.all(np.diff(runs[0].traj.loss) > 0)  # every step worse
    assert runs[1].traj.loss[-1] < runs[1].traj.loss[0]


@pytest.mark.parametrize("surface", ["textbook", "ill_conditioned"])
def test_threshold_separates_convergence_from_divergence(surface):
    """The caption's claim for every quadratic offered: SGD converges below 2/λ_max, not above."""
    _, thr = lab.quadratic_threshold(opt.SURFACES[surface])
    below = opt.trajectory("sgd", surface, steps=1000, lr=0.99 * thr)
    above = opt.trajectory("sgd", surface, steps=1000, lr=1.01 * thr)
    assert below.loss[-1] < 1e-6 * below.loss[0]
    assert above.escaped_at is not None or above.loss[-1] > above.loss[0]


def test_adagrad_effective_rate_only_shrinks_and_rmsprop_does_not():
    runs = preset_runs("adagrad")
    ada, rms = (lab.effective_lr(r.traj) for r in runs)
    assert np.all(np.diff(ada, axis=0) <= 0)  # h only grows
    assert np.any(np.diff(rms, axis=0) > 0)  # a moving average can fall
    facts = lab.adagrad_facts(runs)
    a = facts["adagrad"]
    assert a["steps"] == 1000 and a["last_eff"] < a["first_eff"]
    assert a["last_step"] < a["first_step"] / 100
    assert a["end"] == tuple(runs[0].traj.positions[-1])


def test_adam_first_step_with_and_without_bias_correction():
    """With the correction each component moves by η (m̂ = g, v̂ = g²); without it by
    (1 − β₁)/√(1 − β₂)·η ≈ 3.16η: worked by hand from g at the start."""
    runs = preset_runs("bias")
    facts = lab.bias_facts(runs)
    g = np.array(opt.SURFACES["textbook"].grad(-7.0, 2.0))
    on = runs[0].traj.updates[0]
    off = runs[1].traj.updates[0]
    np.testing.assert_allclose(on, -0.3 * np.sign(g), rtol=1e-6)
    m, v = 0.1 * g, 0.001 * g * g
    np.testing.assert_allclose(off, -0.3 * m / (np.sqrt(v) + 1e-8), rtol=1e-12)
    np.testing.assert_allclose(np.abs(off), 0.1 / math.sqrt(0.001) * 0.3, rtol=1e-6)
    assert facts["bias_on"]["first"] == pytest.approx(0.3, rel=1e-6)
    assert facts["bias_off"]["first"] == pytest.approx(0.9486833, rel=1e-6)
    assert facts["bias_off"]["factor"] == pytest.approx(0.1 / math.sqrt(0.001))
    assert runs[0].traj.steps == 10


def test_saddle_leave_steps():
    runs = preset_runs("saddle")
    for step in lab.saddle_facts(runs).values():
        assert step is not None
    for r in runs:
        k = lab.leave_step(r.traj)
        assert np.all(np.abs(r.traj.positions[:k, 1]) <= 1) and abs(r.traj.positions[k, 1]) > 1
    assert opt.SURFACES["saddle"].start[1] == 0.01


def test_nesterov_first_steps_differ_as_computed_by_hand():
    """½(x² + 10y²) from (1, 1), μ = 0.9, η = 0.05: g = (1, 10), v = −ηg = (−0.05, −0.5).
    NAG: θ + μv − ηg = (0.905, 0.05); the textbook's code: θ + μ²v − (1 + μ)ηg."""
    facts = lab.first_step_facts(preset_runs("nesterov"))
    assert facts["nesterov"] == pytest.approx((1 - 0.045 - 0.05, 1 - 0.45 - 0.5))
    assert facts["nesterov_textbook"] == pytest.approx(
        (1 - 0.81 * 0.05 - 1.9 * 0.05, 1 - 0.81 * 0.5 - 1.9 * 0.5))
    assert facts["nesterov_textbook"] == pytest.approx((0.8645, -0.355))


def test_a_start_on_y_zero_never_shows_the_threshold():
    """The on-axis text: from y = 0 neither SGD line moves in y, and η = 1.05 converges."""
    surf = opt.SURFACES["textbook"]
    assert not lab.off_steepest_axis(surf, (5.0, 0.0))
    assert lab.off_steepest_axis(surf, (5.0, 1e-3)) and lab.off_steepest_axis(surf, (0.0, 2.0))
    for run in preset_runs("divergence", start=(5.0, 0.0)):
        assert np.all(run.traj.positions[:, 1] == 0)
        assert run.traj.loss[-1] < run.traj.loss[0]


@pytest.mark.parametrize("surface", list(opt.SURFACES))
@pytest.mark.parametrize("lr", [opt.params.LR_MIN, opt.params.LR_MAX])
def test_extreme_settings_draw_finite_figures(surface, lr):
    """The largest and smallest learning rate for every optimizer at the most steps: runs
    that escape stop, and every number sent to the browser is finite."""
    lines, bad = lab.custom_lines(list(opt.OPTIMIZERS), {n: {"lr": lr} for n in opt.OPTIMIZERS})
    assert not bad
    runs = lab.run_lines(surface, lines, None, int(opt.params.STEPS.max))
    names = [r.line.key for r in runs]
    fig = make_trajectory_figure(opt.SURFACES[surface], runs, names)
    for tr in fig.data[1:]:
        for axis in (tr.x, tr.y):
            values = np.array([v for v in axis if v is not None], dtype=float)
            assert np.all(np.isfinite(values))
    for frame in fig.frames:
        assert "nan" not in " ".join(frame.data[1].text) and "inf" not in " ".join(
            frame.data[1].text)
    loss = make_loss_figure(runs, names)
    assert all(np.all(np.isfinite(tr.y)) for tr in loss.data)
