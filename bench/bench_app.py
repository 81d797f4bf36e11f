"""How fast the app answers: prints figures, asserts nothing.

1. Server-side rerun after a widget change, per page (AppTest, median of N reruns, each with
   a new value so no cache can answer for the page).
2. Cold start to the first drawn chart in headless Chromium: spawn `streamlit run app.py`,
   open /explorer, wait for `.js-plotly-plot`; and the same page load on a warm server.
   The same is measured for a title-only and a one-chart Streamlit app: the floors that
   Streamlit's front end and Plotly's bundle set on this machine, whatever the app does.

usage (project root):  /work/venv/bin/python bench/bench_app.py [--reruns 20] [--cold 3]
                        [--no-browser | --no-reruns] [--pages explorer home]
Targets: ≤ 30 ms per rerun, ≤ 3 s cold start (2-core machine).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from routes import ROUTES  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'

# A page's representative widget, where we know it; other pages get the first movable widget.
PREFERRED = {
    "explorer": ({"fn": "leaky_relu"}, "slider", "explorer.leaky_relu.alpha"),
}


def _values(widget, n: int) -> list:
    """n distinct legal values for a slider / number input (alternating for a choice)."""
    kind = type(widget).__name__
    if kind in ("Slider", "NumberInput"):
        lo = widget.min if widget.min is not None else -1e3
        hi = widget.max if widget.max is not None else 1e3
        lo, hi = float(lo), float(hi)
        step = float(widget.step or (hi - lo) / (4 * n))
        count = max(1, min(n, int((hi - lo) / step)))
        vals = [lo + step * round(i * (hi - lo) / step / count) for i in range(1, count + 1)]
        vals = [min(hi, v) for v in vals]
        return (vals * (n // len(vals) + 1))[:n]
    options = list(getattr(widget, "options", []))
    if hasattr(widget, "options") and len(options) > 1:
        return [widget.options[i % 2] for i in range(n)]
    if kind in ("Toggle", "Checkbox"):
        return [bool(i % 2) for i in range(n)]
    return []


def _movable(at):
    for kind in ("slider", "number_input", "select_slider", "radio", "selectbox", "toggle",
                 "checkbox"):
        for w in getattr(at, kind):
            if getattr(w, "key", None) and w.key != "lang" and not w.disabled:
                return w
    return None


@contextlib.contextmanager
def _bytecode_cached(enabled: bool):
    """Share one ScriptCache across AppTest runs, as a server does.

    AppTest builds a fresh ScriptCache for every run, so each rerun re-reads, re-parses
    (with Streamlit's "magic" AST pass) and recompiles app.py and the page. A running
    server compiles a script once and reuses the bytecode until the file changes.
    """
    from streamlit.testing.v1 import app_test

    if not enabled:
        yield
        return
    shared = app_test.ScriptCache()
    original = app_test.ScriptCache
    app_test.ScriptCache = lambda: shared
    try:
        yield
    finally:
        app_test.ScriptCache = original


def _time_page(page: str, n: int, cached: bool) -> tuple[list[float], list[float], str] | str:
    """Wall and CPU seconds of n reruns, each after a widget change; or what went wrong."""
    from tests.apptest import open_page

    query, kind, key = PREFERRED.get(page, (None, None, None))
    with _bytecode_cached(cached):
        try:
            at = open_page(page, query=query)
        except Exception as e:  # a page still in progress must not stop the bench
            return f"could not open: {type(e).__name__}: {e}"
        if at.exception:
            return f"raises on open: {at.exception[0].value[:80]}"
        widget = getattr(at, kind)(key=key) if kind else _movable(at)
        values = _values(widget, n) if widget is not None else []
        times, cpu = [], []
        for i in range(n):
            if widget is not None and values:
                w = next((x for x in at.get(widget.type) if x.key == widget.key), None)
                if w is not None:
                    w.set_value(values[i])
            t0, c0 = time.perf_counter(), time.process_time()
            at.run()
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            if at.exception:
                return f"raised during the bench: {at.exception[0].value[:80]}"
    what = f"{widget.type} {widget.key!r}" if widget is not None else "plain rerun (no widget)"
    return times, cpu, what


def bench_reruns(n: int, only: list[str] | None = None) -> None:
    # AppTest reads widgets and state outside a script run; Streamlit logs a warning each time
    from streamlit.logger import get_logger

    for name in ("streamlit.runtime.scriptrunner_utils.script_run_context",
                 "streamlit.runtime.state.session_state_proxy"):
        get_logger(name).addFilter(lambda record: "without `streamlit run`" not in
                                   record.getMessage() and "missing ScriptRunContext" not in
                                   record.getMessage())
    print(f"Server-side rerun after a widget change (AppTest, median of {n}; target ≤ 30 ms)")
    print("  served = bytecode compiled once, as `streamlit run` does; raw = AppTest as is, "
          "recompiling app.py and the page on every run")
    print("  wall = elapsed; cpu = this process's CPU time (the load of other processes "
          f"cannot inflate it); load average now {os.getloadavg()[0]:.1f}")
    for route in ROUTES:
        page = route.script.removeprefix("views/").removesuffix(".py")
        if only and page not in only:
            continue
        parts = []
        for cached, label in ((True, "served"), (False, "raw")):
            result = _time_page(page, n, cached)
            if isinstance(result, str):
                parts.append(f"{label}: {result}")
                break
            times, cpu, what = result
            parts.append(f"{label} wall {1000 * statistics.median(times):6.1f} ms "
                         f"(min {1000 * min(times):5.1f}), cpu {1000 * statistics.median(cpu):6.1f} ms")
        else:
            parts.append(f"moving {what}")
        print(f"  {route.path:<11} " + "; ".join(parts))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The floors set by Streamlit and Plotly on this machine, measured the same way as the app:
# a page with only a title, and a page with one three-point chart.
FLOORS = {
    "empty": ('import streamlit as st\nst.title("floor")\n', "h1"),
    "one_chart": ('import plotly.graph_objects as go\nimport streamlit as st\n'
                  'st.title("floor")\nst.plotly_chart(go.Figure(go.Scatter(y=[1, 3, 2])))\n',
                  ".js-plotly-plot"),
}
CHART = ".js-plotly-plot"


def _start_server(port: int, db_dir: str, script: str = "app.py") -> subprocess.Popen:
    env = dict(os.environ, ACTLAB_DB=str(Path(db_dir) / "history.sqlite3"))
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)


def _wait_healthy(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                      timeout=1).read() == b"ok":
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("streamlit did not come up")


def _time_to(browser, url: str, selector: str) -> float:
    """Seconds from navigation to `selector` attached, in a fresh (cache-less) browser context."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(selector, state="attached", timeout=60_000)
    dt = time.perf_counter() - t0
    ctx.close()
    return dt


def _cold_and_warm(browser, db_dir: str, script: str, path: str,
                   selector: str) -> tuple[float, float, float, float]:
    """(spawn -> selector, server up, first page load, page load on the warm server)."""
    port = _free_port()
    t0 = time.perf_counter()
    server = _start_server(port, db_dir, script)
    try:
        _wait_healthy(port, server)
        boot = time.perf_counter() - t0
        first = _time_to(browser, f"http://127.0.0.1:{port}{path}", selector)
        warm = _time_to(browser, f"http://127.0.0.1:{port}{path}", selector)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return boot + first, boot, first, warm


def bench_cold_start(runs: int, path: str = "/explorer") -> None:
    if not os.path.exists(CHROMIUM):
        print(f"Cold start: skipped ({CHROMIUM} is absent)")
        return
    from playwright.sync_api import sync_playwright

    results: dict[str, list[tuple[float, float, float, float]]] = {
        "app": [], **{name: [] for name in FLOORS}}
    with sync_playwright() as p, tempfile.TemporaryDirectory() as db_dir:
        scripts = {}
        for name, (source, _) in FLOORS.items():
            scripts[name] = Path(db_dir) / f"floor_{name}.py"
            scripts[name].write_text(source, encoding="utf-8")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            # without these, Chromium keeps trying the closed network and slows the load
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        for _ in range(runs):  # interleaved, so a busy moment hits all three alike
            results["app"].append(_cold_and_warm(browser, db_dir, "app.py", path, CHART))
            for name, (_, selector) in FLOORS.items():
                results[name].append(
                    _cold_and_warm(browser, db_dir, str(scripts[name]), "/", selector))
        browser.close()

    def med(name: str, i: int) -> float:
        return statistics.median(r[i] for r in results[name])

    print(f"Cold start in headless Chromium, median of {runs} (target ≤ 3 s to the first chart)")
    print("  spawn = `streamlit run` started -> element attached; warm = page load in a fresh "
          "browser context on a server that has already served the page")
    rows = (("app", f"this app, {path} -> chart"),
            ("one_chart", "floor: one-chart Streamlit app -> chart"),
            ("empty", "floor: title-only Streamlit app -> title"))
    for name, label in rows:
        print(f"  {label:<42} spawn {med(name, 0):5.2f} s (server up {med(name, 1):.2f} s "
              f"+ page {med(name, 2):.2f} s); warm {med(name, 3):5.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reruns", type=int, default=20)
    ap.add_argument("--cold", type=int, default=3)
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--no-reruns", action="store_true")
    ap.add_argument("--pages", nargs="*", help="only these pages (e.g. explorer home)")
    a = ap.parse_args()
    os.chdir(ROOT)
    if not a.no_reruns:
        bench_reruns(a.reruns, a.pages)
    if not a.no_browser:
        bench_cold_start(a.cold)


if __name__ == "__main__":
    main()
