"""What a learner feels under the finger: key press -> chart redrawn, in Chromium. Prints figures.

One run serves the app and a floor app (one slider, one chart) side by side and drives both in
Debian's Chromium. For each control: focus it, arm a timer in the page (performance.now() at
the keydown, and at the first DOM mutation that changes the chart's SVG paths), press the key,
wait for the script to finish. Presses alternate between the app and the floor, so a busy
moment on this shared machine hits both alike. Median of N presses per control, and the ratio
to the floor's → on its slider.

Then cold start: `streamlit run` spawned -> first drawn chart on /explorer, against the same
floor app, measured by bench_app's _cold_and_warm.

usage (project root):  python bench/bench_interaction.py [--presses 15] [--cold 3] [--only alpha T]
                        [--set runner.postScriptGC=false]  (a Streamlit option, for both servers)
Goals (issue 12): every control ≤ 1.2× the floor; cold start ≤ 1.15× the floor.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_app import (  # noqa: E402
    CHART,
    CHROMIUM,
    READY,
    _cold_and_warm,
    _free_port,
    _start_server,
    _wait_healthy,
)

FLOOR_APP = """import numpy as np
import plotly.graph_objects as go
import streamlit as st

a = st.slider("a", 0.0, 1.0, 0.01, 0.01)
x = np.linspace(-5, 5, 1000)
st.plotly_chart(go.Figure(go.Scatter(x=x, y=np.where(x > 0, x, a * x))))
"""

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Arms the timer: t0 at the next keydown (capture phase, before any widget sees it), t1 at the
# first mutation after it that changes the drawn paths of the chart number `index` in the page.
ARM = """([index, chart]) => {
    const sig = () => {
        const el = document.querySelectorAll('[data-testid="stMain"] ' + chart)[index];
        if (!el) return '';
        if (!el.classList.contains('js-plotly-plot')) return el.innerHTML;  // a Graphviz svg
        return Array.from(el.querySelectorAll('.main-svg path'), p => p.getAttribute('d'))
            .join('|');
    };
    const before = sig();
    const b = window.__bench = {t0: null, t1: null, done: null};
    document.addEventListener('keydown', () => { if (b.t0 === null) b.t0 = performance.now(); },
                              {capture: true, once: true});
    const app = document.querySelector('[data-testid="stApp"]');
    const obs = new MutationObserver((records) => {
        if (b.t0 === null) return;
        // the state may go running -> notRunning within one batch: any change of it after the
        // keydown that leaves it notRunning is the end of the run
        const changed = records.some(r => r.target === app && r.attributeName ===
                                     'data-test-script-state');
        if (changed && b.done === null && app.dataset.testScriptState === 'notRunning') {
            b.done = performance.now();
        }
        if (b.t1 === null && sig() !== before) b.t1 = performance.now();
        if (b.t1 !== null && b.done !== null) obs.disconnect();
    });
    obs.observe(document.body, {subtree: true, childList: true, attributes: true,
                                characterData: true});
}"""


@dataclass(frozen=True)
class Control:
    name: str
    path: str  # page and deep link
    focus: str  # selector of the element that takes the key
    keys: tuple[str, ...]  # pressed in turn (one per measured press), cycling
    chart: int = 0  # which chart of the page must change
    chart_css: str = ".js-plotly-plot"  # what a chart is on this page (Graphviz: an svg)
    before: tuple[str, ...] = ()  # typed into the focused element before arming (per press)


CONTROLS = (
    Control("explorer α (leaky_relu)", "/explorer?fn=leaky_relu",
            '[data-testid="stSlider"] input[type="range"]', ("ArrowRight",)),
    Control("explorer x₀", "/explorer?fn=leaky_relu",
            '[data-testid="stNumberInput"] input[aria-label*="x₀"]',
            ("ArrowUp", "ArrowDown")),
    Control("explorer x range (max)", "/explorer?fn=leaky_relu",
            '[data-testid="stNumberInput"] input[aria-label="最大"]', ("ArrowUp", "ArrowDown")),
    Control("compare function set", "/compare",
            '[data-testid="stMultiSelect"] input', ("Backspace", "Enter"),
            before=("", "ReLU")),
    Control("softmax logits", "/softmax", '[data-testid="stTextInput"] >> nth=0 >> input',
            ("Enter",), before=("1, 2, 3.5", "1, 2, 3")),
    Control("softmax T", "/softmax", '[data-testid="stSlider"] input[type="range"] >> nth=0',
            ("ArrowRight", "ArrowLeft")),
    Control("loss target t", "/loss", '[data-testid="stSlider"] input[type="range"] >> nth=0',
            ("ArrowLeft", "ArrowRight")),
    Control("backprop step", "/backprop", '[data-testid="stSlider"] input[type="range"] >> nth=0',
            ("ArrowRight", "ArrowRight", "ArrowLeft", "ArrowLeft"),
            chart_css='[data-testid="stGraphVizChart"] svg'),
    Control("optimizers steps", "/optimizers?preset=textbook",
            '[data-testid="stSlider"] input[type="range"] >> nth=0', ("ArrowRight", "ArrowLeft")),
    Control("regularization init", "/regularization",
            '[data-testid="stRadio"] >> nth=1 >> input:checked', ("ArrowRight",)),
)
FLOOR = Control("floor: one slider, one chart", "/",
                '[data-testid="stSlider"] input[type="range"]', ("ArrowRight",))


def _open(browser, url: str, width: int = 1280, chart: str = CHART):
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(url)
    page.wait_for_selector(chart, state="attached", timeout=60_000)
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_timeout(500)
    return page


def _press(page, control: Control, i: int) -> tuple[float, float]:
    """Milliseconds from keydown to the chart's paths changed, and to the script's end as
    the page learns it (running -> notRunning), for the i-th press."""
    target = page.locator(control.focus).first
    target.focus()
    if control.before:
        text = control.before[i % len(control.before)]
        if text:
            target.fill(text)
    page.evaluate(ARM, [control.chart, control.chart_css])
    page.keyboard.press(control.keys[i % len(control.keys)])
    try:
        page.wait_for_function("() => window.__bench.t1 !== null", timeout=20_000)
    except PlaywrightTimeout:  # say what was seen, then go on with the next press
        print(f"  ({control.name}: press {i} timed out: {page.evaluate('() => window.__bench')})")
        page.wait_for_selector(READY, timeout=30_000)
        return float("nan"), float("nan")
    # a run quicker than the page's state updates may never show "running": then no end time
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function("() => window.__bench.done !== null", timeout=3_000)
    ms, done = page.evaluate("() => [window.__bench.t1 - window.__bench.t0, "
                             "window.__bench.done === null ? NaN : "
                             "window.__bench.done - window.__bench.t0]")
    page.wait_for_selector(READY, timeout=30_000)
    if control.before:  # close a dropdown left open, so the next press starts alike
        page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    return ms, done


def _median(values) -> float:
    values = [v for v in values if v == v]  # a timed-out press is NaN: left out
    return statistics.median(values) if values else float("nan")


def bench_presses(browser, app_url: str, floor_url: str, n: int, only: list[str] | None):
    floor_page = _open(browser, floor_url)
    rows = []
    for control in CONTROLS:
        if only and not any(word in control.name for word in only):
            continue
        page = _open(browser, app_url + control.path, chart=control.chart_css)
        app_ms, floor_ms = [], []
        for i in range(n):
            app_ms.append(_press(page, control, i))
            floor_ms.append(_press(floor_page, FLOOR, i))
        page.context.close()
        rows.append((control.name, *(_median(m[j] for m in ms)
                                     for ms in (app_ms, floor_ms) for j in (0, 1))))
    floor_page.context.close()
    print(f"Key press -> chart redrawn in Chromium, median of {n} (interleaved with the floor); "
          f"load average {os.getloadavg()[0]:.1f}")
    print("  ms = keydown -> chart paths changed; script end = keydown -> the page hears the "
          "run finished")
    print(f"  {'control':<28} {'ms':>7} {'floor ms':>9} {'ratio':>6}   script end: app / floor"
          "   (goal: ratio ≤ 1.20)")
    for name, ms, done, floor, floor_done in rows:
        print(f"  {name:<28} {ms:7.0f} {floor:9.0f} {ms / floor:6.2f}   {done:9.0f} / {floor_done:.0f}")


def bench_cold(browser, tmp: str, floor_script: str, runs: int) -> None:
    app, floor = [], []
    for _ in range(runs):  # interleaved
        app.append(_cold_and_warm(browser, tmp, "app.py", "/explorer", CHART))
        floor.append(_cold_and_warm(browser, tmp, floor_script, "/", CHART))
    a, f = (statistics.median(r[0] for r in x) for x in (app, floor))
    wa, wf = (statistics.median(r[3] for r in x) for x in (app, floor))
    print(f"Cold start (spawn -> first chart attached), median of {runs}: /explorer {a:.2f} s, "
          f"floor {f:.2f} s, ratio {a / f:.2f} (goal ≤ 1.15); warm page load {wa:.2f} s vs "
          f"{wf:.2f} s, ratio {wa / wf:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--presses", type=int, default=15)
    ap.add_argument("--cold", type=int, default=3, help="cold-start runs (0: skip)")
    ap.add_argument("--only", nargs="*", help="only controls whose name contains one of these")
    ap.add_argument("--set", nargs="*", default=[], metavar="OPTION=VALUE",
                    help="Streamlit config options for the app and the floor alike")
    a = ap.parse_args()
    for option in a.set:  # Streamlit reads STREAMLIT_<SECTION>_<OPTION> from the environment
        name, value = option.split("=", 1)
        os.environ["STREAMLIT_" + re.sub(r"([a-z])([A-Z])", r"\1_\2", name).replace(
            ".", "_").upper()] = value
        print(f"both servers with {name} = {value}")
    if not os.path.exists(CHROMIUM):
        print(f"skipped: {CHROMIUM} is absent")
        return
    from playwright.sync_api import sync_playwright

    os.chdir(ROOT)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        floor_script = Path(tmp) / "floor_slider_chart.py"
        floor_script.write_text(FLOOR_APP, encoding="utf-8")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        servers = []
        try:
            urls = []
            for script in ("app.py", str(floor_script)):
                port = _free_port()
                servers.append(_start_server(port, tmp, script))
                _wait_healthy(port, servers[-1])
                urls.append(f"http://127.0.0.1:{port}")
            if a.presses:
                bench_presses(browser, urls[0], urls[1], a.presses, a.only)
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=10)
            time.sleep(0.2)
        if a.cold:
            bench_cold(browser, tmp, str(floor_script), a.cold)
        browser.close()


if __name__ == "__main__":
    main()
