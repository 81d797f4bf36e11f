"""What the walks through every screen check at each one (tests/browser/test_every_screen.py):
it draws, offline; no English of Streamlit's own on a Japanese screen; no critical or serious
axe-core violation (Deque's rules, the engine of Lighthouse's audit; axe.min.js comes bundled
in the PyPI package axe-playwright-python)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import streamlit

from tests.browser.conftest import assert_no_exception
from tests.browser.screens import main, new_page, settle

# ---- offline: nothing asked of any other server, no error in the console --------------------

# Streamlit's own start-up on a deep link (/explorer) first asks for /explorer/_stcore/health
# and /explorer/_stcore/host-config on the app's server, gets 404, then the right ones
# (streamlit/streamlit#7074): local requests, not an offline failure, and no app can avoid them.
BASE_PATH_PROBE = re.compile(r"^http://127\.0\.0\.1:\d+/[^/]+/_stcore/(health|host-config)$")


def offline_page(browser, **context_options):
    """A page whose every request beyond the app's own server is blocked and listed, and
    whose console errors are listed."""
    context, page = new_page(browser, **context_options)
    blocked: list[str] = []
    errors: list[str] = []

    def route(r):
        if urlsplit(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    def console(m):
        where = m.location.get("url", "")
        if m.type == "error" and not BASE_PATH_PROBE.match(where):
            errors.append(f"{m.text} ({where})")

    context.route("**/*", route)
    page.on("console", console)
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    return context, page, blocked, errors


def drawn(page, name: str) -> None:
    assert main(page).locator("h1").count() >= 1, name
    assert_no_exception(page)


# ---- Japanese: Streamlit's own English replaced ---------------------------------------------

# Streamlit's frontend phrases, as its bundle spells them (test_japanese_only.py finds each in the bundle).
TEXTS = ("Select all", "Clear all", "Choose an option", "Choose options", "per file", "Upload",
         "Page not found", "Running the app's main page", "Help for", "No results",
         "Press Enter", "Skip to main content", "Drag and drop", "Running...",
         "Number is outside the allowed range", "Number is above the allowed range",
         "Number is below the allowed range")
NAMES = ("Sidebar", "Collapse sidebar", "App pages", "Main menu", "Link to heading", "Open", "Dismiss",
         "Increment", "Decrement", "Selected values", "Clear all", "Clear value",
         "Copy to clipboard", "Show/hide columns", "Download as CSV", "Search", "Fullscreen",
         "file upload", "Choose an option", "Choose options", "Selectbox options")
# Names Streamlit builds around a label, and how its bundle spells each.
NAME_PARTS = {"Help for ": "`Help for ${", "Remove ": "`Remove ${", " icon": "} icon`",
              " — start": "} — ${i===0?`start`:`end`}", " — end": "} — ${i===0?`start`:`end`}"}
BUNDLE = Path(streamlit.__file__).parent / "static" / "static" / "js"

# Every text node outside icons (a Material icon is a ligature: its text is never read) and
# every spoken attribute.
READ = """() => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement.closest('[data-testid="stIconMaterial"], script, style, noscript'))
      texts.push(n.data);
  }
  const names = [];
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]'))
    for (const a of ['aria-label', 'placeholder', 'title'])
      if (el.hasAttribute(a)) names.push(el.getAttribute(a));
  return {text: texts.join('\\n'), names};
}"""


def english_check(found: list[str]):
    def check(page, name: str) -> None:
        # the page speaks Japanese (ui/streamlit_ja.js has run): <html lang="ja">
        page.wait_for_selector('html[lang="ja"]', state="attached", timeout=30_000)
        seen = page.evaluate(READ)
        found.extend(f"{name}: text {p!r}" for p in TEXTS if p in seen["text"])
        for value in seen["names"]:
            v = value.strip()
            if v in NAMES or any(part in f" {v} " for part in NAME_PARTS):
                found.append(f"{name}: name {value!r}")

    return check


# ---- accessibility: axe-core --------------------------------------------------------------

BLOCKING = ("critical", "serious")


def axe_check(found: list[str]):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()

    def check(page, name: str) -> None:
        settle(page)
        for v in axe.run(page).response["violations"]:
            if v["impact"] in BLOCKING:
                nodes = "; ".join(n["html"][:120] for n in v["nodes"][:3])
                why = " ".join(v["nodes"][0]["failureSummary"].split())[:300]
                found.append(f"{name}: {v['impact']} {v['id']} ×{len(v['nodes'])} — {nodes} — {why}")

    return check


