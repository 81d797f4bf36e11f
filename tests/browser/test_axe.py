"""axe-core (Deque's accessibility rules, the engine of Lighthouse's audit) on every screen
a learner meets: no critical and no serious violation, in the light and the dark theme.
axe.min.js comes bundled in the PyPI package axe-playwright-python (requirements-dev.txt)."""

from __future__ import annotations

import pytest

from tests.browser.screens import new_page, quiz_server, walk_pages, walk_quiz

Axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe

BLOCKING = ("critical", "serious")


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    with quiz_server(tmp_path_factory.mktemp("axe")) as u:
        yield u


def axe_check(found: list[str]):
    axe = Axe()

    def check(page, name: str) -> None:
        for v in axe.run(page).response["violations"]:
            if v["impact"] in BLOCKING:
                nodes = "; ".join(n["html"][:120] for n in v["nodes"][:3])
                why = " ".join(v["nodes"][0]["failureSummary"].split())[:300]
                found.append(f"{name}: {v['impact']} {v['id']} ×{len(v['nodes'])} — {nodes} — {why}")

    return check


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_critical_or_serious_violation_on_any_page(browser, url, scheme):
    context, page = new_page(browser, color_scheme=scheme)
    found: list[str] = []
    try:
        walk_pages(page, url, axe_check(found))
    finally:
        context.close()
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_critical_or_serious_violation_on_any_quiz_screen(browser, url, scheme):
    context, page = new_page(browser, color_scheme=scheme)
    found: list[str] = []
    try:
        walk_quiz(page, url, axe_check(found))
    finally:
        context.close()
    assert found == [], "\n".join(found)
