"""What each section of /explorer costs the first chart: prints figures, asserts nothing.

For each variant, a copy of the project has one section removed from views/explorer.py
(the formulas in the open tab, the probe read-out, or the study tabs below the chart); one
server per variant, then page loads in fresh browser contexts, interleaved across the
variants so a busy moment hits them all alike. The figure is the median time from
navigation to the Plotly chart attached, as in bench_app.py.

usage (project root):  python bench/explorer_sections.py [--loads 8]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_app import CHART, CHROMIUM, _free_port, _time_to, _wait_healthy  # noqa: E402

PAGE = "views/explorer.py"
# variant -> lines of views/explorer.py to delete (each must occur exactly once)
VARIANTS: dict[str, tuple[str, ...]] = {
    "as shipped": (),
    "without the formulas (st.latex)": ("            st.latex(spec.latex_for(params))\n",
                                        "            st.latex(spec.latex_grad_for(params))\n"),
    "without the probe read-out": (
        "    if spec.kind == \"elementwise\" and (view.show_h or view.show_grad) and not morph:\n"
        "        _probe_readout(spec, view)\n",),
    "without the study tabs": ("_study(REGISTRY[_view.fn], _view.param_dict)\n",),
}


def _variant_copy(base: Path, name: str, cuts: tuple[str, ...]) -> Path | str:
    """A copy of the project with the cuts applied, or why it cannot be made."""
    target = base / name.replace(" ", "_").replace("(", "").replace(")", "").replace(".", "")
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(
        ".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis"))
    page = target / PAGE
    text = page.read_text(encoding="utf-8")
    for cut in cuts:
        if text.count(cut) != 1:
            return f"skipped: {cut.strip()[:50]!r} is not in {PAGE} exactly once"
        text = text.replace(cut, "")
    page.write_text(text, encoding="utf-8")
    return target


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--loads", type=int, default=8)
    a = ap.parse_args()
    if not os.path.exists(CHROMIUM):
        print(f"skipped: {CHROMIUM} is absent")
        return
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        servers, times, notes = {}, {}, {}
        try:
            for name, cuts in VARIANTS.items():
                copy = _variant_copy(Path(tmp), name, cuts)
                if isinstance(copy, str):
                    notes[name] = copy
                    continue
                port = _free_port()
                env = dict(os.environ, ACTLAB_DB=str(Path(tmp) / f"{port}.sqlite3"))
                servers[name] = (subprocess.Popen(
                    [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless",
                     "true", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
                    cwd=copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT), port)
                _wait_healthy(port, servers[name][0])
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync"])
            for _, port in servers.values():  # each server's first run imports everything
                _time_to(browser, f"http://127.0.0.1:{port}/explorer", CHART)
            for _ in range(a.loads):
                for name, (_, port) in servers.items():
                    times.setdefault(name, []).append(
                        _time_to(browser, f"http://127.0.0.1:{port}/explorer", CHART))
            browser.close()
        finally:
            for server, _ in servers.values():
                server.terminate()
                server.wait(timeout=10)
            time.sleep(0.2)
    print(f"/explorer page load -> chart attached, warm servers, fresh browser contexts, "
          f"median of {a.loads} (interleaved)")
    base = statistics.median(times["as shipped"]) if "as shipped" in times else None
    for name in VARIANTS:
        if name in notes:
            print(f"  {name:<34} {notes[name]}")
            continue
        med = statistics.median(times[name])
        delta = "" if base is None or name == "as shipped" else f"  ({med - base:+.2f} s)"
        print(f"  {name:<34} {med:5.2f} s (min {min(times[name]):.2f}){delta}")


if __name__ == "__main__":
    main()
