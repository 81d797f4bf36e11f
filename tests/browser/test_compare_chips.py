"""/compare at 1280 px: every chosen function's chip is in view in the multiselect (it
showed 2 of the 4 default chips, the others scrolled out of its one-line box)."""

from __future__ import annotations

from tests.browser.conftest import open_app

CHIPS = '[data-testid="stMain"] [data-testid="stMultiSelect"] [data-tag]:visible'
# the widget's box: the group around the chips (its one-line scroller hid them)
BOX = ('[data-testid="stMain"] [data-testid="stMultiSelect"] '
       '[role="group"]:has([data-testid="stMultiSelectTagsContainer"]):visible')


def test_every_chip_is_in_view(page, app_url):
    open_app(page, app_url, "/compare")
    page.wait_for_selector(CHIPS, timeout=30_000)
    box = page.locator(BOX).first.bounding_box()
    chips = page.locator(CHIPS).all()
    assert len(chips) == 4
    for chip in chips:
        b = chip.bounding_box()
        # wholly inside the widget's box, and not clipped by a scroller inside it
        assert box["x"] <= b["x"] and b["x"] + b["width"] <= box["x"] + box["width"], b
        assert box["y"] <= b["y"] and b["y"] + b["height"] <= box["y"] + box["height"], b
        hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y)?.closest('[data-tag]')"
                            " !== null", [b["x"] + b["width"] / 2, b["y"] + b["height"] / 2])
        assert hit, f"{chip.inner_text()} is hidden"
