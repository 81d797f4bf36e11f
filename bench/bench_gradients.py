"""How fast the gradient-flow lab recomputes: prints figures, asserts nothing.

Per view, the work a rerun does when its cache misses (a new setting): the gradflow
computation plus building the Plotly figures and serialising them as Streamlit does,
at depth 50, width 256, batch 64 (the page's defaults), median of --runs runs (each with a new seed, so no
cache helps). Then the largest setting the page offers (viewstate/gradients_options.py):
a new network at the largest depth × width × batch with the slowest activations side by
side, and the longest training run at the widest hidden layers, per progress chunk. Then
training a 2-32-32-1 net for 2,000 steps on 400 points, and, with --apptest, the
server-side page rerun after a widget change.

usage (project root):  /work/venv/bin/python bench/bench_gradients.py [--runs 5] [--apptest]
Targets: ≤ 300 ms per view, ≤ 1 s for any offered setting (a training chunk), ≤ 3 s for
the training run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the server runs (preload.py)

import plotly.io as pio  # noqa: E402

import activations as act  # noqa: E402
from gradflow import depth, mlp, toydata, train  # noqa: E402
from plots import gradients as gp  # noqa: E402
from viewstate import gradients_options as opt  # noqa: E402

NAMES = {}  # the builders fall back to registry names
MLP_FNS = ("sigmoid", "relu")  # the page's defaults
DEAD_FNS = ("relu", "leaky_relu", "elu", "gelu")
CACHED_NET = mlp.make_network(mlp.MLPConfig(depth=50, width=256, batch=64, init="he", seed=100,
                                             dtype="float32"))  # as the page runs it


def _ms(fn, runs: int) -> tuple[float, float, float]:
    """Median and best wall time, and median CPU time, in ms.

    On a shared machine the wall time includes waiting for a core; the CPU time of a
    single-threaded run is what an idle core would take.
    """
    wall, cpu = [], []
    for i in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn(i)
        wall.append(1000 * (time.perf_counter() - t))
        cpu.append(1000 * (time.process_time() - c))
    return statistics.median(wall), min(wall), statistics.median(cpu)


def _serialise(*figs) -> None:
    for fig in figs:
        pio.to_json(fig, validate=False)


def depth_view(i: int) -> None:
    depth._default_max.cache_clear()
    depth.grad_extent.cache_clear()
    curves = depth.depth_curves(("sigmoid", "tanh", "relu"), 100)
    for name in curves:
        depth.max_abs_grad(name)
    _serialise(gp.make_depth_figure(curves, NAMES, "L", "product"))


def _cfg(i: int, bias: float = 0.0) -> mlp.MLPConfig:
    return mlp.MLPConfig(depth=50, width=256, batch=64, init="he", bias=bias, seed=100 + i,
                         dtype="float32")


def mlp_view(i: int, fns=MLP_FNS) -> None:
    cfg = _cfg(i)
    net = mlp.make_network(cfg)
    stats = {n: mlp.probe(cfg, n, net=net) for n in fns}
    figs = [gp.make_bands_figure(n, s.quantiles, "layer", "a", ("5-95", "25-75", "median"))
            for n, s in stats.items()]
    figs.append(gp.make_layer_log_figure({n: s.std for n, s in stats.items()}, NAMES, "layer"))
    figs.append(gp.make_layer_log_figure({n: s.grad_norm for n, s in stats.items()}, NAMES,
                                         "layer"))
    _serialise(*figs)


def one_probe(i: int, name: str) -> None:
    cfg = _cfg(i)
    mlp.probe(cfg, name, net=mlp.make_network(cfg))


def dead_view(i: int, net: mlp.Network | None = None) -> None:
    """A new network (seed, depth, width changed), or a bias moved on cached weights."""
    cfg = _cfg(i if net is None else 0, bias=-0.1 - 0.01 * i)
    shifted = mlp.with_bias(net or mlp.make_network(replace(cfg, bias=0.0)), cfg.bias)
    dead = {n: mlp.probe(cfg, n, with_gradient=False, net=shifted).dead for n in DEAD_FNS}
    _serialise(gp.make_dead_figure(dead, NAMES, "layer", "dead"))


def train_view_draw(state, X, y) -> None:
    grid = train.decision_grid(state, X, "relu")
    _serialise(gp.make_boundary_figure(grid.xs, grid.ys, grid.proba, X, y, ("0", "1"), "p"),
               gp.make_loss_figure(state.losses, "step", "loss", "loss"))


def training(name: str, runs: int) -> tuple[float, float, float]:
    X, y = toydata.make("spiral", 400, seed=0)
    cfg = train.TrainConfig(activation=name, hidden=(32, 32), optimizer="adam", lr=0.01)
    med, best, cpu = _ms(lambda i: train.train(X, y, cfg, 2000), runs)
    return med / 1000, best / 1000, cpu / 1000


def page_rerun(runs: int) -> tuple[float, float]:
    from tests.apptest import open_page

    at = open_page("gradients")
    times = []
    for i in range(runs):
        at.number_input(key="gradients.mlp.seed").set_value(i + 1)
        t = time.perf_counter()
        at.run()
        times.append(1000 * (time.perf_counter() - t))
        assert not at.exception, at.exception
    return statistics.median(times), min(times)


def largest_settings(runs: int) -> None:
    """The largest network ② and ③ offer, and ④'s longest run at its widest layers."""
    cfg = mlp.MLPConfig(depth=opt.MAX_DEPTH, width=max(opt.WIDTHS), batch=max(opt.BATCHES),
                        init="he", dtype="float32")
    print(f"largest offered (target ≤ 1 s): {cfg.depth} layers × {cfg.width} units × batch "
          f"{cfg.batch}, {opt.network_mb(cfg.depth, cfg.width):.0f} MB of weights: "
          "wall median / wall best / CPU median")
    nets = {}
    med, best, cpu = _ms(lambda i: nets.setdefault(i, mlp.make_network(replace(cfg, seed=200 + i))),
                         runs)
    print(f"  {'new weights':<48} {med:8.1f} ms  {best:8.1f} ms  {cpu:8.1f} ms")
    probes = {}
    for name in act.ELEMENTWISE:
        probes[name] = _ms(lambda i, n=name: mlp.probe(replace(cfg, seed=200 + i), n,
                                                         net=nets[i]), runs)
    slowest = sorted(probes, key=lambda n: probes[n][0], reverse=True)[:opt.MAX_FNS]
    total = [sum(probes[n][k] for n in slowest) + (med, best, cpu)[k] for k in range(3)]
    print(f"  {'② new network, ' + str(opt.MAX_FNS) + ' slowest activations':<48} "
          f"{total[0]:8.1f} ms  {total[1]:8.1f} ms  {total[2]:8.1f} ms  ({', '.join(slowest)})")
    dead = [sum(probes[n][k] for n in slowest) / 2 for k in range(3)]  # forward only: about half
    print(f"  {'③ bias moved, same 4 (forward only, ≈ half)':<48} {dead[0]:8.1f} ms  "
          f"{dead[1]:8.1f} ms  {dead[2]:8.1f} ms")
    X, y = toydata.make("spiral", 400, seed=0)
    steps, hidden = max(opt.STEPS), max(opt.HIDDEN)
    for name in ("relu", "gelu"):
        tcfg = train.TrainConfig(activation=name, hidden=(hidden, hidden), optimizer="adam")
        med, best, cpu = _ms(lambda i, c=tcfg: train.train(X, y, c, steps // opt.CHUNKS),
                             runs)
        print(f"  {f'④ one chunk: {steps // opt.CHUNKS} steps, 2-{hidden}-{hidden}-1, {name}':<48} "
              f"{med:8.1f} ms  {best:8.1f} ms  {cpu:8.1f} ms  (× {opt.CHUNKS} chunks)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--apptest", action="store_true", help="also time a full page rerun")
    a = ap.parse_args()
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    print(f"gradient-flow lab, {a.runs} runs each, OPENBLAS_NUM_THREADS={threads}, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("views at depth 50, width 256, batch 64 (target ≤ 300 ms): "
          "wall median / wall best / CPU median")
    rows = [
        ("① depth arithmetic (3 activations, L = 100)", depth_view),
        ("② deep MLP, one activation (sigmoid)", lambda i: one_probe(i, "sigmoid")),
        ("② deep MLP, one activation (relu)", lambda i: one_probe(i, "relu")),
        ("② deep MLP view at its defaults (sigmoid, relu)", mlp_view),
        ("② deep MLP view, 3 side by side (+ tanh)",
         lambda i: mlp_view(i, ("sigmoid", "tanh", "relu"))),
        ("③ dying ReLU view (relu, leaky, elu, gelu)", dead_view),
        ("③ the same, bias slider moved (weights cached)",
         lambda i: dead_view(i, CACHED_NET)),
    ]
    for label, fn in rows:
        med, best, cpu = _ms(fn, a.runs)
        print(f"  {label:<48} {med:8.1f} ms  {best:8.1f} ms  {cpu:8.1f} ms")
    largest_settings(a.runs)
    X, y = toydata.make("spiral", 400, seed=0)
    state = train.train(X, y, train.TrainConfig(activation="relu"), 50)
    med, best, cpu = _ms(lambda i: train_view_draw(state, X, y), a.runs)
    print(f"  {'④ decision grid + figures (training cached)':<48} {med:8.1f} ms  {best:8.1f} ms  "
          f"{cpu:8.1f} ms")
    print("training 2-32-32-1, 2000 Adam steps, 400 points (target ≤ 3 s): "
          "wall median / wall best / CPU median")
    for name in ("relu", "tanh", "sigmoid", "gelu"):
        med, best, cpu = training(name, max(1, a.runs // 2))
        print(f"  {name:<48} {med:8.2f} s   {best:8.2f} s   {cpu:8.2f} s")
    if a.apptest:
        med, best = page_rerun(a.runs)
        print(f"page rerun after a new seed in ② (AppTest, server side): {med:.0f} ms median, "
              f"{best:.0f} ms best")


if __name__ == "__main__":
    main()
