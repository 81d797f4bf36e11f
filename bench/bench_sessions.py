"""Many learners on one server: prints figures, asserts nothing.

Starts one `streamlit run app.py` (the project's own .streamlit/config.toml) on a free
loopback port, then simulates N learners over Streamlit's own websocket protocol (the
BackMsg / ForwardMsg protobufs the browser sends and receives):

- each session opens a page (a rerun request with the page name and query string, as the
  browser sends on load) and waits for ``script_finished``: the page-load time;
- then moves the page's main control ``--changes`` times (a WidgetStates rerun, with the
  fragment id when the control lives in a fragment, as the browser sends it), each after
  a think time, and records the rerun latency (request sent → ``script_finished``);
- every chart received is checked against the value sent: a few points of the explorer's
  h(x) against ``activations``, the gradient lab's depth product against max|h'|^L, and
  with ``--pages gradients-mlp`` (tab ②, a new seed and so a new network per move) the
  sigmoid's vanishing and ReLU's steady gradient; with ``--pages loss`` the loss lab's probe
  of |∂E/∂a| (sigmoid + BCE and sigmoid + MSE) at the logit sent; with ``--pages optimizers``
  the SGD path; with ``--pages backprop`` every edge's value and gradient on the drawn graph
  at the step sent; with ``--pages regularization`` every layer's histogram.

Printed per page and N: rerun p50/p95, page-load p50/p95, errors (exceptions on the page,
wrong chart data, time-outs, closed sockets) and the server's peak RSS (from /proc).
``--warm`` lets the first learner move through every value before the timed learners come, so
figures shared by all sessions are built: the steady state of a server in use (without it,
the first learner to ask for each value builds it while the others wait).
``--soak R`` instead reruns one page R times (no think time) and prints the server's RSS
as it goes: whether memory stays bounded without Streamlit's per-run gc.collect().

usage (project root):
  /work/venv/bin/python bench/bench_sessions.py [--pages explorer gradients] [--n 1 30 100]
      [--changes 5] [--think 1.0] [--set runner.postScriptGC=true ...]
  /work/venv/bin/python bench/bench_sessions.py --soak 2000 --pages explorer
Goals (2 cores): N = 30 rerun p95 ≤ 250 ms; N = 100 page-load p95 ≤ 10 s, 0 errors,
peak RSS ≤ 300 MB. Loopback only; every wait is bounded and the server is always stopped.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import functools
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import activations as act  # noqa: E402

REQUEST_TIMEOUT = 120.0  # s: a rerun or page load slower than this counts as an error
FINISHED = {0: "ok", 1: "compile error", 2: "early for rerun", 3: "ok"}  # ScriptFinishedStatus


# ------------------------------------------------------------------------- server + memory
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Server:
    """`streamlit run app.py` on loopback, with a thread sampling its RSS every 50 ms."""

    def __init__(self, overrides: list[str], cpus: set[int] | None = None):
        self.port = _free_port()
        self.peak = 0.0
        self._tmp = tempfile.TemporaryDirectory()
        flags = [f"--{o.split('=', 1)[0]}={o.split('=', 1)[1]}" for o in overrides]
        env = dict(os.environ, ACTLAB_DB=str(Path(self._tmp.name) / "history.sqlite3"))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true",
             "--server.address=127.0.0.1", f"--server.port={self.port}", *flags],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if cpus:  # before start-up, so every thread it starts inherits it
            os.sched_setaffinity(self.proc.pid, cpus)
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._wait_healthy()
        self._sampler.start()

    def _wait_healthy(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("streamlit exited during start-up")
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=2)
                return
            time.sleep(0.2)
        raise RuntimeError("streamlit did not become healthy within 60 s")

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            with contextlib.suppress(OSError, ValueError):
                self.peak = max(self.peak, _rss_mb(self.proc.pid))

    def rss(self) -> float:
        return _rss_mb(self.proc.pid)

    def close(self) -> None:
        self._stop.set()
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        self._tmp.cleanup()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/_stcore/stream"


# ------------------------------------------------------------------------- chart checks
def _array(v) -> np.ndarray:
    """A Plotly JSON array: a plain list, or a typed array {"dtype", "bdata"} (Plotly 6)."""
    if isinstance(v, dict) and "bdata" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
    return np.asarray(v, dtype=float)


def _traces(charts: list[tuple[str, str]], key: str = "") -> list[dict]:
    """Every trace of the charts received (element id, figure JSON) whose id ends with key."""
    return [tr for cid, spec in charts if cid.endswith(key) for tr in json.loads(spec)["data"]]


def check_explorer(charts: list[tuple[str, str]], value: float) -> str | None:
    """The h(x) trace of Leaky ReLU at α = value: five sampled points against activations."""
    traces = [tr for tr in _traces(charts) if tr.get("name") == "h(x)"]
    if not traces:
        return "no h(x) trace in the rerun's chart"
    x, y = _array(traces[0]["x"]), _array(traces[0]["y"])
    ok = np.isfinite(x) & np.isfinite(y)
    idx = np.flatnonzero(ok)[:: max(1, ok.sum() // 5)][:5]
    want = act.REGISTRY["leaky_relu"].fn(x[idx], alpha=value)
    if not idx.size or not np.allclose(y[idx], want, rtol=1e-9, atol=1e-12):
        return f"h(x) at α = {value}: got {y[idx]}, expected {want}"
    return None


@functools.cache
def _max_sigmoid_grad() -> float:
    """max |σ'| on a fine grid, computed once: the check must not steal the server's CPU."""
    grid = np.linspace(-20.0, 20.0, 400_001)
    return float(np.max(np.abs(act.REGISTRY["sigmoid"].grad(grid))))


def check_mlp(charts: list[tuple[str, str]], seed: int) -> str | None:
    """②'s gradient norms at its defaults (He, 50 layers): sigmoid vanishes towards the
    input (ratio < 1e-3), ReLU stays within 1e-3..1e3, one value per layer."""
    norms = {tr.get("name"): _array(tr["y"]) for tr in _traces(charts, "gradients.mlp.grad_chart")}
    want = {act.REGISTRY[n].name_ja: n for n in ("sigmoid", "relu")}
    if not set(want) <= set(norms):
        return f"seed {seed}: no gradient-norm lines for {sorted(want)} in {sorted(norms)}"
    ratio = {want[n]: norms[n][0] / norms[n][-1] for n in want}
    if any(len(norms[n]) != 50 for n in want) or not (
            ratio["sigmoid"] < 1e-3 and 1e-3 < ratio["relu"] < 1e3):
        return f"seed {seed}: gradient ratios {ratio}"
    return None


def check_depth(charts: list[tuple[str, str]], layers: int) -> str | None:
    """The sigmoid line of ①: its last point is (max |σ'|)^L, max taken on a fine grid."""
    name = act.REGISTRY["sigmoid"].name_ja
    traces = [tr for tr in _traces(charts, "gradients.depth.chart") if tr.get("name") == name]
    if not traces:
        return f"no {name} trace in the rerun's chart"
    y = _array(traces[0]["y"])
    want = _max_sigmoid_grad() ** layers
    if len(y) != layers or not np.isclose(y[-1], want, rtol=1e-9):
        return f"depth product at L = {layers}: got {len(y)} points ending {y[-1]}, want {want}"
    return None


def check_loss(charts: list[tuple[str, str]], logit: float) -> str | None:
    """The loss lab's ② at a = logit (t = 1): the probe's |∂E/∂a| for sigmoid + BCE and
    sigmoid + MSE against |σ(a) − 1| and |(σ(a) − 1)σ(a)(1 − σ(a))| written out."""
    probes = [tr for tr in _traces(charts, "loss.logit_chart") if tr.get("mode") == "markers"]
    if not probes:
        return "no probe in the loss lab's logit chart"
    x, y = _array(probes[0]["x"]), _array(probes[0]["y"])
    s = float(act.sigmoid(logit))
    want = [1 - s, (1 - s) * s * (1 - s)]
    if not (np.allclose(x, logit, rtol=1e-12) and np.allclose(y, want, rtol=1e-9)):
        return f"loss probe at a = {logit}: got {x}, {y}, expected {want}"
    return None


def check_optimizers(charts: list[tuple[str, str]], steps: float) -> str | None:
    """/optimizers' textbook preset at T = steps: the SGD path against optimizers.trajectory."""
    import optimizers as opt

    # the path chart's key is optimizers.tap<n>.figure (n: clicks applied)
    traces = [tr for tr in _traces(charts, ".figure") if tr.get("name") == "SGD"]
    if not traces:
        return "no SGD path in the rerun's chart"
    want = opt.trajectory("sgd", "textbook", (-7.0, 2.0), int(steps), lr=0.95).positions
    x, y = _array(traces[0]["x"]), _array(traces[0]["y"])
    if len(x) != len(want) or not (np.allclose(x, want[:, 0], rtol=1e-12)
                                   and np.allclose(y, want[:, 1], rtol=1e-12)):
        return f"SGD path at T = {steps}: {len(x)} points, expected {len(want)}"
    return None


def check_backprop(charts: list[tuple[str, str]], step: float) -> str | None:
    """/backprop's shop example at ``step``: every edge shows its value once the forward pass
    has reached it and its gradient once the backward pass has, from backprop.apple_graph."""
    from backprop import apple_graph
    from plots.backprop import GRAD, VALUE, _lines
    from viewstate.backprop import format_on_graph

    dots = [spec for cid, spec in charts if cid == "graphviz"]
    if not dots:
        return "no graph in the rerun"
    graph, step = apple_graph(), int(step)
    labels = [line for line in dots[-1].splitlines() if "->" in line]
    for key, edge in graph.edges.items():
        line = next((x for x in labels if f'-> "{edge.dst}"' in x
                     and x.startswith(f'"{edge.src or "in_" + key}"')), None)
        if line is None:
            return f"edge {key} missing from the graph"
        for known, v, colour in ((graph.value_known(key, step), edge.value, VALUE),
                                 (graph.grad_known(key, step), edge.grad, GRAD)):
            if v is not None and known != (_lines(format_on_graph(v), colour) in line):
                return f"edge {key} at step {step}: shown {not known}, expected {known}"
    return None


def check_init(charts: list[tuple[str, str]], init_label: str) -> str | None:
    """/regularization's ① with sigmoid and the chosen initialisation: every layer's bars
    against gradflow.init_bn.experiment."""
    from gradflow import init_bn

    init = INIT_LABELS[init_label]
    bars = _traces(charts, "reg.init.fig_plain")
    want = init_bn.experiment(init_bn.Setting("sigmoid", init)).histograms
    if len(bars) != len(want):
        return f"{init}: {len(bars)} histograms, expected {len(want)}"
    for tr, h in zip(bars, want, strict=True):
        if not np.allclose(_array(tr["y"]), h.share, rtol=1e-12):
            return f"{init}: a layer's bars differ from init_bn.experiment"
    return None


@dataclass(frozen=True)
class Scenario:
    """A page, its query string, the control a learner moves and the chart check."""

    page: str
    query: str
    key: str  # user key of the widget: its id ends with "-" + key
    values: tuple  # the values sent, in turn
    kind: str  # WidgetState field the value goes in
    check: object  # (charts received as (element id, figure JSON), value) -> error or None
    setup: tuple = ()  # (key, kind, value) sent once after the page load, not timed


INIT_LABELS = {"標準偏差 0.01": "std001", "Xavier（1/√n）": "xavier", "He（√(2/n)）": "he",
               "標準偏差 1": "std1"}  # the radio sends its label (ui/strings, ja)
ALPHAS = tuple(round(0.01 + 0.03 * i, 2) for i in range(10))
DEPTHS = (1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100)
LOGITS = (-9.0, -6.5, -4.0, -2.5, -1.0, 0.5, 2.0, 3.5, 6.0, 8.5)
SCENARIOS = {
    "explorer": Scenario("explorer", "fn=leaky_relu", "explorer.leaky_relu.alpha", ALPHAS,
                         "double_array_value", check_explorer),
    "gradients": Scenario("gradients", "", "gradients.depth.L", DEPTHS, "string_array_value",
                          check_depth),
    "loss": Scenario("loss", "", "loss.a", LOGITS, "double_array_value", check_loss),
    # the steps slider of a preset: new trajectories, a new figure with one frame per step
    "optimizers": Scenario("optimizers", "preset=textbook&x=-7&y=2", "optimizers.steps",
                           (10, 30, 100, 300, 1000, 60, 200, 500), "double_array_value",
                           check_optimizers),
    # the step slider of the shop example: forward node by node, then backward
    "backprop": Scenario("backprop", "", "backprop.step.apple", (1, 2, 3, 4, 0, 2, 4, 1, 3, 0),
                         "double_array_value", check_backprop),
    # ①: a new initialisation is two new 5-layer runs (with and without batch norm)
    "regularization": Scenario("regularization", "", "reg.init.init",
                               tuple(INIT_LABELS) * 3, "string_value", check_init),
    # ②: every new seed is a new network (the heaviest change a learner makes)
    "gradients-mlp": Scenario("gradients", "", "gradients.mlp.seed", tuple(range(1, 13)),
                              "double_value", check_mlp,
                              setup=(("gradients.tab", "string_value", "② 深いMLP"),)),
}


# ------------------------------------------------------------------------- one learner
def connect(url: str):
    # A browser sends no websocket pings: with them, a busy server would be dropped by the
    # client's ping time-out instead of being measured.
    return websockets.connect(url, subprotocols=["streamlit"], max_size=None,
                              open_timeout=REQUEST_TIMEOUT, ping_interval=None)


@dataclass
class Result:
    loads: list[float] = field(default_factory=list)  # s
    reruns: list[float] = field(default_factory=list)  # ms
    errors: list[str] = field(default_factory=list)


class Learner:
    """One browser tab, spoken to in Streamlit's protocol."""

    def __init__(self, ws, scenario: Scenario):
        self.ws, self.sc = ws, scenario
        self.page_hash = ""
        self.query = scenario.query
        self.widgets: dict[str, tuple[str, str]] = {}  # user key -> (widget id, fragment id)

    async def request(self, state_fn) -> tuple[float, list, list[str]]:
        """Send one rerun; returns (seconds to script_finished, charts, problems)."""
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string, cs.page_name, cs.page_script_hash = self.query, self.sc.page, self.page_hash
        state_fn(cs)
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        charts, problems = [], []
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(await asyncio.wait_for(self.ws.recv(), REQUEST_TIMEOUT))
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                self._element(fwd.delta, charts, problems)
            elif kind == "delta" and fwd.delta.add_block.tab_container.id:  # tabs as a widget
                self._widget(fwd.delta.add_block.tab_container.id, fwd.delta.fragment_id)
            elif kind == "navigation":
                self.page_hash = fwd.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = fwd.page_info_changed.query_string
            elif kind == "script_finished":
                status = FINISHED.get(fwd.script_finished, str(fwd.script_finished))
                if status != "ok":
                    problems.append(f"script finished: {status}")
                return time.perf_counter() - start, charts, problems

    def _element(self, delta, charts: list[str], problems: list[str]) -> None:
        el = delta.new_element
        kind = el.WhichOneof("type")
        if kind == "exception":
            where = " <- ".join(line.strip() for line in el.exception.stack_trace[-4:])
            problems.append(f"exception on the page: {el.exception.type}: "
                            f"{el.exception.message} (at {where})")
        elif kind == "plotly_chart":
            charts.append((el.plotly_chart.id, el.plotly_chart.spec))
        elif kind == "graphviz_chart":
            charts.append(("graphviz", el.graphviz_chart.spec))
        self._widget(getattr(getattr(el, kind), "id", "") if kind else "", delta.fragment_id)

    def _widget(self, widget_id, fragment: str) -> None:
        if isinstance(widget_id, str) and widget_id.startswith("$$ID-"):
            self.widgets[widget_id.split("-", 2)[2]] = (widget_id, fragment)

    async def load(self) -> tuple[float, list[str]]:
        seconds, _, problems = await self.request(lambda cs: None)
        for key, kind, value in self.sc.setup:
            if not problems:
                problems += (await self.set(key, kind, value))[2]
        if not problems and self.sc.key not in self.widgets:
            problems.append(f"no widget with key {self.sc.key}")
        return seconds, problems

    async def set(self, key: str, kind: str, value) -> tuple[float, list, list[str]]:
        """What the browser sends when the widget ``key`` takes ``value``."""
        if key not in self.widgets:
            return 0.0, [], [f"no widget with key {key}"]
        widget_id, fragment = self.widgets[key]

        def state(cs):
            w = cs.widget_states.widgets.add()
            w.id = widget_id
            if kind == "string_array_value":
                w.string_array_value.data.append(str(value))
            elif kind == "double_array_value":
                w.double_array_value.data.append(float(value))
            else:
                setattr(w, kind, value)
            if fragment:
                cs.fragment_id = fragment

        return await self.request(state)

    async def move(self, value) -> tuple[float, list[str]]:
        seconds, charts, problems = await self.set(self.sc.key, self.sc.kind, value)
        problem = self.sc.check(charts, value)
        return seconds, problems + ([problem] if problem else [])


async def learner(url: str, sc: Scenario, changes: int, think: float, delay: float,
                  rng: random.Random, out: Result) -> None:
    await asyncio.sleep(delay)
    try:
        async with connect(url) as ws:
            me = Learner(ws, sc)
            start = time.perf_counter()
            _, problems = await me.load()
            out.loads.append(time.perf_counter() - start)  # connect + first run
            out.errors += problems
            if problems:
                return
            values = list(sc.values)
            rng.shuffle(values)
            for i in range(changes):
                await asyncio.sleep(think * rng.uniform(0.5, 1.5))
                seconds, problems = await me.move(values[i % len(values)])
                out.reruns.append(1000 * seconds)
                out.errors += problems
    except (OSError, TimeoutError, websockets.WebSocketException) as exc:
        out.errors.append(f"{type(exc).__name__}: {exc}")


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return float(np.percentile(values, q))


def run_load(name: str, sc: Scenario, n: int, changes: int, think: float, ramp: float,
             overrides: list[str], warm: bool = False, cpus: set[int] | None = None) -> None:
    server = Server(overrides, cpus)
    try:
        # One learner first: imports and caches, as on a server in use; with ``warm`` it moves
        # the control through every value, so the figures shared by all sessions are built.
        cold = Result()
        asyncio.run(learner(server.url, sc, len(sc.values) if warm else 1, 0.0, 0.0,
                            random.Random(0), cold))
        out = Result()
        rng = random.Random(12)

        async def everyone():
            await asyncio.gather(*(
                learner(server.url, sc, changes, think, ramp * i / max(1, n - 1),
                        random.Random(rng.random()), out) for i in range(n)))

        asyncio.run(everyone())
        errors = sorted(set(out.errors))
        print(f"  {name + (' (warm)' if warm else ''):<13} N = {n:>3}: rerun p50/p95 {_pct(out.reruns, 50):7.0f} /"
              f"{_pct(out.reruns, 95):6.0f} ms ({len(out.reruns)} reruns); page load p50/p95 "
              f"{_pct(out.loads, 50):5.2f} / {_pct(out.loads, 95):5.2f} s ({len(out.loads)}); "
              f"errors {len(out.errors)}; peak RSS {server.peak:.0f} MB "
              f"(first load on the new server {_pct(cold.loads, 50):.1f} s)", flush=True)
        for e in (errors + sorted(set(cold.errors)))[:5]:
            print(f"      {e[:300]}")
    finally:
        server.close()


def run_soak(sc: Scenario, reruns: int, overrides: list[str], sessions: int = 10) -> None:
    """``reruns`` widget changes spread over ``sessions`` learners, no think time."""
    server = Server(overrides)
    try:
        done, errors = 0, []
        print(f"  /{sc.page}: RSS after start-up {server.rss():.0f} MB")

        async def one(rng: random.Random):
            nonlocal done
            async with connect(server.url) as ws:
                me = Learner(ws, sc)
                _, problems = await me.load()
                errors.extend(problems)
                while done < reruns and not problems:
                    done += 1
                    if done % 250 == 0:
                        print(f"    {done:>5} reruns: RSS {server.rss():6.1f} MB "
                              f"(peak {server.peak:.0f} MB)", flush=True)
                    _, problems = await me.move(rng.choice(sc.values))
                    errors.extend(problems)

        async def everyone():
            await asyncio.gather(*(one(random.Random(i)) for i in range(sessions)))

        asyncio.run(everyone())
        print(f"  /{sc.page}: {done} reruns, errors {len(errors)}, final RSS {server.rss():.0f} MB,"
              f" peak {server.peak:.0f} MB")
        for e in sorted(set(errors))[:5]:
            print(f"      {e[:300]}")
    finally:
        server.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--pages", nargs="+", default=["explorer", "gradients"], choices=list(SCENARIOS),
                    help="gradients-mlp: ②, a new seed (a new network) per move")
    ap.add_argument("--n", nargs="+", type=int, default=[1, 30, 100], help="learners at once")
    ap.add_argument("--changes", type=int, default=5, help="control moves per learner")
    ap.add_argument("--think", type=float, default=1.0,
                    help="mean pause between moves, s (uniform over 0.5x-1.5x)")
    ap.add_argument("--ramp", type=float, default=0.0,
                    help="learners arrive spread over this many seconds (0: all at once)")
    ap.add_argument("--set", nargs="*", default=[], metavar="OPTION=VALUE",
                    help="server options on top of the project config, e.g. runner.postScriptGC=true")
    ap.add_argument("--warm", action="store_true",
                    help="one learner first moves through every value (shared caches built)")
    ap.add_argument("--pin", action="store_true",
                    help="server on CPU 0, the simulated learners on the others: the learners "
                         "are other machines, and here they must not take the server's CPU")
    ap.add_argument("--soak", type=int, default=0, metavar="R",
                    help="instead: R reruns on one server, printing its RSS")
    a = ap.parse_args()
    server_cpus = None
    if a.pin:
        cpus = sorted(os.sched_getaffinity(0))
        if len(cpus) < 2:
            ap.error("--pin needs two CPUs")
        server_cpus = {cpus[0]}
        os.sched_setaffinity(0, set(cpus[1:]))
    pinned = f" (server on CPU {cpus[0]} alone)" if a.pin else ""
    print(f"{os.cpu_count()} cores{pinned}, "
          f"load average {os.getloadavg()[0]:.1f}; project config"
          + (f" + {' '.join(a.set)}" if a.set else "") + f"; think {a.think} s, ramp {a.ramp} s")
    for page in a.pages:
        if a.soak:
            run_soak(SCENARIOS[page], a.soak, a.set)
            continue
        for n in a.n:
            run_load(page, SCENARIOS[page], n, a.changes, a.think, a.ramp, a.set, a.warm,
                     server_cpus)


if __name__ == "__main__":
    main()
