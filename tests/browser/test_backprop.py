"""/backprop in Chromium at 1280 and 390 px: the graph is drawn (Graphviz's SVG is in the
page), pressing 次へ during a real run steps it and the numbers appear on the graph, no
exception; on a phone the step control sits right under the graph."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_app, wait_rerun

GRAPH = '[data-testid="stGraphVizChart"] svg'
SLIDER = '[data-testid="stSlider"] input[type="range"]'


def graph_text(page) -> str:
    return page.locator(GRAPH).first.text_content() or ""


def wait_graph_has(page, text: str):
    page.wait_for_function(
        "([sel, text]) => (document.querySelector(sel)?.textContent || '').includes(text)",
        arg=[GRAPH, text], timeout=60_000)


def step_through_apples(page, tap: bool):
    page.wait_for_selector(f"{GRAPH} g.node", timeout=120_000)
    text = graph_text(page)
    assert "りんごの個数" in text and "200" not in text  # step 0: inputs only
    nxt = page.get_by_role("button", name="次へ")
    for step, shows in ((1, "200"), (2, "220"), (3, "1.1"), (4, "2.2")):
        nxt.tap() if tap else nxt.click()
        wait_rerun(page)
        assert page.locator(SLIDER).input_value() == str(step)
        wait_graph_has(page, shows)
    assert "110" in graph_text(page)  # ∂L/∂(りんごの個数) = 100 × 1.1
    assert nxt.is_disabled()
    assert page.locator('[data-testid="stAlertContentSuccess"]').first.is_visible()


def test_desktop_steps_the_graph_and_draws_the_network(page, app_url):
    open_app(page, app_url, "/backprop", timeout_ms=180_000)
    step_through_apples(page, tap=False)
    page.locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="2 層ネットワーク").click()
    wait_rerun(page)
    wait_graph_has(page, "Softmax-")
    assert page.locator(f"{GRAPH} g.node").count() == 4 + 7  # layers, inputs, the end
    page.get_by_text("ReLU の逆伝播でマスクを忘れる", exact=True).click()  # where a finger lands
    wait_rerun(page)
    assert "勾配確認が誤りを見つけました" in page.locator('[data-testid="stAlertContentError"]').inner_text()


def test_a_reload_keeps_the_example_the_step_and_the_bug(page, app_url):
    # the view lives in the URL (learner test L1 #2): press, choose, reload, all still there
    open_app(page, app_url, "/backprop", timeout_ms=180_000)
    page.locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="りんごとみかん").click()
    wait_rerun(page)
    nxt = page.get_by_role("button", name="次へ")
    for _ in range(5):
        nxt.click()
        wait_rerun(page)
    page.get_by_text("ReLU の逆伝播でマスクを忘れる", exact=True).click()
    wait_rerun(page)
    page.wait_for_function("() => location.search.includes('step=5') && "
                           "location.search.includes('bug=no_relu_mask')", timeout=30_000)
    assert "ex=shop" in page.evaluate("() => location.search")
    page.reload()
    page.wait_for_selector(f"{GRAPH} g.node", timeout=120_000)
    wait_rerun(page)
    assert page.locator(SLIDER).input_value() == "5"
    assert "みかん" in graph_text(page)  # the shop, not the default apples
    assert page.get_by_role("radio", name="ReLU の逆伝播でマスクを忘れる").is_checked()
    assert page.locator('[data-testid="stAlert"]').filter(has_text="URL").count() == 0


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, locale="ja-JP")
    yield context.new_page()
    context.close()


def control_right_under_the_graph(phone):
    phone.evaluate("window.scrollTo(0, 0)")
    graph = phone.locator('[data-testid="stGraphVizChart"]').first.bounding_box()
    assert graph and 0 <= graph["y"] < 844, graph  # the graph starts on the first screen
    assert graph["x"] + graph["width"] <= 390 + 1, graph  # no sideways scrolling
    nxt = phone.get_by_role("button", name="次へ").bounding_box()
    gap = nxt["y"] - (graph["y"] + graph["height"])
    assert 0 <= gap < 80 or nxt["y"] + nxt["height"] <= 844, (graph, nxt)


def test_phone_graph_first_with_the_step_control_right_under_it(phone, app_url):
    open_app(phone, app_url, "/backprop", timeout_ms=180_000)
    phone.wait_for_selector(f"{GRAPH} g.node", timeout=120_000)
    control_right_under_the_graph(phone)
    step_through_apples(phone, tap=True)
    phone.locator('[data-testid="stSelectbox"]').first.tap()
    phone.get_by_role("option", name="2 層ネットワーク").tap()
    wait_rerun(phone)
    wait_graph_has(phone, "Softmax-")
    control_right_under_the_graph(phone)
