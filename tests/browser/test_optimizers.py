"""/optimizers in Chromium at 1280 and 390 px: the paths drawn, the step slider moving every
run's point to the core's position for that step with no script run, a click on the plot
choosing the start, and the chart first on a phone."""

from __future__ import annotations

import pytest

import optimizers as opt
from tests.browser.conftest import assert_no_exception, open_app, wait_rerun
from viewstate import optimizers_lab as lab

PLOT = '[data-testid="stMain"] .js-plotly-plot'
WIDTH, HEIGHT = 390, 844

# The moving trace (every run's last update, θ_{t−1} → θ_t, then a break) and the numbers,
# as plain arrays: gd.data holds lists or Plotly's typed arrays {dtype, bdata}.
PLAIN = """
    const gd = document.querySelector('[data-testid="stMain"] .js-plotly-plot');
    const kinds = {f8: Float64Array, f4: Float32Array, i4: Int32Array};
    const plain = v => {
        if (v == null) return [];
        if (v.bdata !== undefined) {
            const bytes = Uint8Array.from(atob(v.bdata), c => c.charCodeAt(0));
            return Array.from(new kinds[v.dtype](bytes.buffer));
        }
        return Array.from(v);
    };"""
READ_PATHS = "() => {" + PLAIN + """
    return gd.data.filter(t => t.mode === 'lines+markers' && t.name)
        .map(t => ({name: t.name, x: plain(t.x), y: plain(t.y)}));
}"""
READ_MOVES = "() => {" + PLAIN + """
    const moves = gd.data.find(t => t.line && t.line.width === 3);
    const numbers = gd.data.find(t => t.mode === 'text');
    return {x: plain(moves.x), y: plain(moves.y), text: Array.from(numbers.text),
            label: Array.from(gd.querySelectorAll('.slider-label'), e => e.textContent)
                .find(s => s.startsWith('t ='))};
}"""
COUNT_RUNS = """() => { window.__runs = 0; const app = document.querySelector('[data-testid="stApp"]');
    new MutationObserver(() => { if (app.dataset.testScriptState === 'running') window.__runs++; })
        .observe(app, {attributes: true}); }"""


def wait_frames(page, n: int) -> None:
    page.wait_for_selector(f"{PLOT} .slider-rail-rect", timeout=30_000)
    page.wait_for_function(f"() => (document.querySelector('{PLOT}')._transitionData"
                           f"._frames || []).length === {n}")


def assert_at_step(page, preset: str) -> int:
    """Every run's dot is at the core's position for the step the slider shows."""
    drawn = page.evaluate(READ_MOVES)
    t = int(drawn["label"].split("=")[1])
    p = lab.PRESETS[preset]
    for i, line in enumerate(p.lines):
        core = opt.trajectory(line.optimizer, p.surface, None, p.steps, **line.hyper)
        assert drawn["x"][3 * i + 1] == pytest.approx(core.positions[t, 0], rel=1e-12)
        assert drawn["y"][3 * i + 1] == pytest.approx(core.positions[t, 1], rel=1e-12)
        assert f"t = {t} " in drawn["text"][i]
    return t


def drag_slider(page, fractions) -> None:
    rail = page.locator(f"{PLOT} .slider-rail-rect").bounding_box()
    y = rail["y"] + rail["height"] / 2
    page.mouse.move(rail["x"] + rail["width"] - 2, y)  # the handle opens at the last step
    page.mouse.down()
    for frac in fractions:
        page.mouse.move(rail["x"] + frac * rail["width"], y, steps=4)
    page.mouse.up()
    page.wait_for_timeout(300)


def test_scrubbing_moves_every_run_without_a_rerun(page, app_url):
    open_app(page, app_url, "/optimizers?preset=textbook&x=-7&y=2")
    wait_frames(page, 31)
    assert assert_at_step(page, "textbook") == 30
    page.evaluate(COUNT_RUNS)
    drag_slider(page, (0.8, 0.55, 0.3))
    t = assert_at_step(page, "textbook")
    assert 3 <= t <= 15  # the handle followed the mouse
    drag_slider(page, (0.9,))
    assert assert_at_step(page, "textbook") != t
    assert page.evaluate("() => window.__runs") == 0
    assert_no_exception(page)


def test_play_runs_through_the_steps_without_a_rerun(page, app_url):
    open_app(page, app_url, "/optimizers?preset=nesterov&x=1&y=1")
    wait_frames(page, 31)
    page.evaluate(COUNT_RUNS)
    page.locator(f"{PLOT} .updatemenu-button").first.click()  # ▶
    page.wait_for_timeout(700)  # 80 ms a frame: somewhere in the middle
    page.locator(f"{PLOT} .updatemenu-button").nth(1).click()  # pause
    page.wait_for_timeout(300)
    t = assert_at_step(page, "nesterov")
    assert 0 < t < 30
    assert page.evaluate("() => window.__runs") == 0


def test_the_language_toggle_keeps_the_preset_and_start(page, app_url):
    open_app(page, app_url, "/optimizers?preset=bias&x=3&y=-1")
    wait_frames(page, 11)
    page.locator('[data-testid="stSidebar"]').get_by_text("English").click()
    page.wait_for_selector("text=Optimizer lab")
    wait_rerun(page)
    assert "preset=bias" in page.url and "x=3" in page.url and "y=-1" in page.url
    paths = page.evaluate(READ_PATHS)
    assert [p["name"] for p in paths] == ["Adam (bias correction)", "Adam (no bias correction)"]
    assert paths[0]["x"][0] == 3 and paths[0]["y"][0] == -1


def test_a_click_on_the_plot_sets_the_start(page, app_url):
    open_app(page, app_url, "/optimizers?preset=divergence&x=-7&y=2")
    wait_frames(page, 31)
    xy = page.evaluate(f"""() => {{
        const gd = document.querySelector('{PLOT}'), L = gd._fullLayout;
        const r = gd.getBoundingClientRect();
        return [r.left + L.xaxis._offset + L.xaxis.l2p(5), r.top + L.yaxis._offset + L.yaxis.l2p(5)];
    }}""")
    page.mouse.click(*xy)
    wait_rerun(page)
    page.wait_for_function("() => location.search.includes('x=5') && location.search.includes('y=5')")
    x_input = page.locator('[data-testid="stNumberInput"]').filter(has_text="開始点 x")
    assert x_input.locator("input").input_value() == "5"
    # the runs start there: the first point of every path
    page.wait_for_function("() => location.search.includes('y=5')")
    page.wait_for_function("() => {" + PLAIN + """
        return gd.data.some(t => t.mode === 'lines+markers' && t.name && plain(t.x)[0] === 5);
    }""")
    paths = page.evaluate(READ_PATHS)
    assert [p["name"] for p in paths] == ["SGD（η = 1.05）", "SGD（η = 0.95）"]
    for p, lr in zip(paths, (1.05, 0.95), strict=True):
        core = opt.trajectory("sgd", "textbook", (5, 5), 30, lr=lr)
        assert p["x"] == pytest.approx(core.positions[:, 0].tolist(), rel=1e-12)
        assert p["y"] == pytest.approx(core.positions[:, 1].tolist(), rel=1e-12)
    x_input = page.locator('[data-testid="stNumberInput"]').filter(has_text="開始点 y")
    assert x_input.locator("input").input_value() == "5"


CLICK_AT = """([x, y]) => {
    const gd = document.querySelector('[data-testid="stMain"] .js-plotly-plot');
    const L = gd._fullLayout, r = gd.getBoundingClientRect();
    return [r.left + L.xaxis._offset + L.xaxis.l2p(x), r.top + L.yaxis._offset + L.yaxis.l2p(y)];
}"""


def click_plot(page, x: float, y: float) -> None:
    page.wait_for_selector(f"{PLOT} .slider-rail-rect", timeout=30_000)
    page.mouse.click(*page.evaluate(CLICK_AT, [x, y]))
    wait_rerun(page)


def test_the_same_point_can_be_clicked_again_after_a_reset(page, app_url):
    """Learner L2 #4a: after the reset button, a click on the point clicked before did
    nothing (the page ignored a selection equal to the last one)."""
    open_app(page, app_url, "/optimizers?preset=divergence&x=-7&y=2")
    wait_frames(page, 31)
    for _ in range(2):
        click_plot(page, 5, -5)
        page.wait_for_function("() => location.search.includes('x=5&y=-5')", timeout=30_000)
        page.get_by_role("button", name="開始点を既定に戻す").click()
        wait_rerun(page)
        page.wait_for_function("() => location.search.includes('x=-7&y=2')", timeout=30_000)
    assert_no_exception(page)


def test_adams_beta2_slider_reads_0_999(page, app_url):
    """Learner L2 #2: the β₂ slider showed 0.999 as 1.00."""
    open_app(page, app_url, "/optimizers")
    page.get_by_text("Adam の設定").click()
    thumb = page.locator('[data-testid="stSlider"]').filter(has_text="β₂").get_by_role("slider")
    thumb.wait_for(timeout=30_000)
    assert thumb.get_attribute("aria-valuetext") == "0.999"
    assert "1.00" not in page.locator('[data-testid="stSlider"]').filter(has_text="β₂").inner_text()


def test_a_start_outside_the_plot_warns_in_the_browser(page, app_url):
    open_app(page, app_url, "/optimizers?preset=saddle&x=abc&y=0")
    warning = page.locator('[data-testid="stAlertContentWarning"]')
    assert "数値として読めません" in warning.first.inner_text()
    wait_frames(page, 61)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="ja-JP",
                                  is_mobile=True, has_touch=True)
    pg = context.new_page()
    yield pg
    context.close()


@pytest.mark.parametrize("path", ["/optimizers", "/optimizers?preset=bias"])
def test_phone_shows_the_chart_first(phone, app_url, path):
    open_app(phone, app_url, path)
    phone.wait_for_selector(f"{PLOT} .slider-rail-rect", timeout=30_000)
    chart = phone.locator(PLOT).first.bounding_box()
    rail = phone.locator(f"{PLOT} .slider-rail-rect").bounding_box()
    assert chart["y"] < HEIGHT / 2
    assert rail["y"] + rail["height"] < HEIGHT  # the step slider on the first screen
    preset = phone.locator('[data-testid="stSelectbox"]').first.bounding_box()
    assert preset["y"] > chart["y"] + chart["height"]  # the controls follow the chart
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= WIDTH


def test_phone_tap_on_the_rail_scrubs_without_a_rerun(phone, app_url):
    open_app(phone, app_url, "/optimizers?preset=bias&x=-7&y=2")
    wait_frames(phone, 11)
    phone.evaluate(COUNT_RUNS)
    rail = phone.locator(f"{PLOT} .slider-rail-rect").bounding_box()
    phone.mouse.click(rail["x"] + 0.3 * rail["width"], rail["y"] + rail["height"] / 2)
    phone.wait_for_timeout(300)
    t = assert_at_step(phone, "bias")
    assert 1 <= t <= 5
    assert phone.evaluate("() => window.__runs") == 0
