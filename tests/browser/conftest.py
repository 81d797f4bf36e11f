"""A real browser: the app served on loopback, driven by Playwright in Debian's Chromium.

Every test here skips, with the reason, where /usr/bin/chromium or playwright is absent;
.ci/run installs both. No browser is ever downloaded.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
RUNNING = '[data-testid="stApp"][data-test-script-state="running"]'
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _skip_reason() -> str | None:
    if not os.path.exists(CHROMIUM):
        return f"{CHROMIUM} is absent (apt-get install chromium; .ci/run does)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -r requirements-dev.txt)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _skip_reason()
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve_app(port: int | None = None, script: str = "app.py", **env):
    """Run `streamlit run app.py` (or a test's ``script``) on ``port`` (else a free loopback
    port) with extra env vars; yield its URL. The same port again is the same origin: the
    browser keeps its storage."""
    port = port or free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=dict(os.environ, **env), stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
            if time.monotonic() > deadline or server.poll() is not None:
                pytest.fail("streamlit did not come up within 60 s")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """The app, served once for the session, with its history in a temp dir."""
    with serve_app(ACTLAB_DB=str(tmp_path_factory.mktemp("db") / "history.sqlite3")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)  # generous: the 2-core CI machine runs the server too
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    pg = context.new_page()
    yield pg
    context.close()


def assert_no_exception(page):
    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, exceptions.first.inner_text()


def wait_rerun(page, timeout_ms: int = 60_000):
    """After an interaction: wait for the rerun to start (if it has not already come and
    gone), then to finish. On a loaded 2-core machine a fixed pause is not enough."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):  # the rerun was quicker than the poll
        page.wait_for_selector(RUNNING, timeout=3_000)
    page.wait_for_selector(READY, timeout=timeout_ms)
    assert_no_exception(page)


def wait_synced(page, timeout_ms: int = 60_000):
    """The quiz asks the browser who the learner is (ui/learner_bridge.js); its answers
    rerun the page, which would close a dialog opened before they have come."""
    page.wait_for_selector("body[data-actlab-synced]", state="attached", timeout=timeout_ms)
    wait_rerun(page, timeout_ms)


def open_app(page, app_url: str, path: str, timeout_ms: int = 60_000):
    """Go to ``path``, wait until the page's title is drawn and the script has finished,
    and fail on any exception box. (Before the first run the app also reads notRunning.)"""
    page.goto(app_url + path)
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=timeout_ms)
    if path.startswith("/quiz"):
        wait_synced(page, timeout_ms)
    page.wait_for_selector(READY, timeout=timeout_ms)
    assert_no_exception(page)
    return page
