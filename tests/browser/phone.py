"""A phone for browser tests (390 × 844, touch), and what its learner sees and taps.

A test module's fixture: ``yield from new_phone(browser)``."""

from __future__ import annotations

WIDTH, HEIGHT = 390, 844
# What the learner sees: below Streamlit's header (it stays over the page's top), above
# the bottom of the screen.
HEADER = "() => document.querySelector('[data-testid=stHeader]').getBoundingClientRect().bottom"


def new_phone(browser):
    """A page in a new phone-sized touch context, closed after the test."""
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="ja-JP",
                                  is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def to_top(page, selector: str) -> None:
    """Scroll ``selector`` to just under the header, as a learner brings it into view."""
    page.locator(selector).first.evaluate(
        f"el => {{ el.scrollIntoView({{block: 'start'}}); document.querySelector("
        f"'[data-testid=stMain]').scrollBy(0, -({HEADER})() - 4); }}")


def finger(page, locator) -> None:
    """Tap where the element is, as a finger does: no scrolling first (a locator's tap
    would scroll it out from under the header), so it must already be on screen."""
    b = locator.bounding_box()
    assert b and page.evaluate(HEADER) <= b["y"] + b["height"] / 2 <= HEIGHT, f"off screen: {b}"
    page.touchscreen.tap(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2)


def on_one_screen(page, **selectors: str) -> None:
    """Each element (by name) lies wholly on the screen the learner sees (to a pixel: boxes
    sit at fractional pixels)."""
    top = page.evaluate(HEADER)
    for name, selector in selectors.items():
        b = page.locator(selector).first.bounding_box()
        assert b and top - 1 <= b["y"] <= b["y"] + b["height"] <= HEIGHT + 1, f"{name} at {b}"
