"""Two app processes behind a real HAProxy (deploy/haproxy.cfg, run as shipped) on one
PostgreSQL database: a learner answers on the proxy's URL, the server that served them is
stopped, and a reload on the same URL shows the same history through the other one.

Skips, with the reason, where HAProxy is absent (.ci/run installs Debian's haproxy)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
import urllib.request

import pytest

from tests.browser.conftest import free_port, open_app, serve_app, wait_rerun, wait_synced
from tests.conftest import ROOT
from tests.postgres import fresh_database, query
from tests.quiz_helpers import GOOD_BANK

expect = pytest.importorskip("playwright.sync_api").expect

CONFIG = ROOT / "deploy" / "haproxy.cfg"
SERVED_BY = "x-actlab-server"  # set by the config: the name of the server that answered
COOKIE = "ACTLAB_SERVER"


@pytest.fixture
def haproxy_bin() -> str:
    found = shutil.which("haproxy") or "/usr/sbin/haproxy"  # /usr/sbin: not on every PATH
    if not os.access(found, os.X_OK):
        pytest.skip("haproxy is absent (apt-get install haproxy; .ci/run does)")
    return found


def _host_port(url: str) -> str:
    return url.removeprefix("http://")


def served_by(url: str) -> str:
    """One request without the proxy's cookie: the server the balancer picks."""
    with urllib.request.urlopen(url + "/_stcore/health", timeout=5) as response:
        return response.headers[SERVED_BY]


@contextlib.contextmanager
def haproxy(binary: str, log_path, **apps):
    """The shipped config, its ports from the environment as a deployer sets them."""
    port = free_port()
    env = dict(os.environ, ACTLAB_LB_BIND=f"127.0.0.1:{port}",
               **{name: _host_port(url) for name, url in apps.items()})
    with open(log_path, "wb") as log:
        proxy = subprocess.Popen([binary, "-f", str(CONFIG), "-db"], env=env,
                                 stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError):
                served_by(url)
                break
            if time.monotonic() > deadline or proxy.poll() is not None:
                pytest.fail(f"haproxy did not come up: {log_path.read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)


@pytest.fixture
def banks(tmp_path):
    """Three questions: a number (key 1) and two true/false (keys 正しい, 誤り)."""
    text = (GOOD_BANK / "mixed.yaml").read_text(encoding="utf-8")
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "three.yaml").write_text(
        "questions:\n" + text[text.index("  - id: fx-tanh-grad0"):], encoding="utf-8")
    return tmp_path / "banks"


def answer_all(page) -> None:
    """Start a quiz and answer every question: 1 to the number, 正しい to both true/false
    questions (so one of the three is wrong)."""
    page.get_by_role("button", name="開始").click()
    wait_rerun(page)
    for _ in range(3):
        field = page.get_by_role("textbox", name="数値")  # the answer field, not the pairing code's
        if field.count():
            field.fill("1")
        else:
            page.get_by_text("正しい", exact=True).click()
            wait_rerun(page)
        page.get_by_role("button", name="解答する").click()
        wait_rerun(page)
        page.get_by_role("button", name="次へ").click()
        wait_rerun(page)


def history(page) -> str:
    page.get_by_role("tab", name="学習履歴").click()
    wait_rerun(page)
    expect(page.get_by_text("これまでに 3 回解答、正答率 67%")).to_be_visible()
    return page.locator('[data-testid="stMain"]').inner_text()


def stored(url: str) -> list[tuple]:
    return sorted(query(url, "SELECT learner, question_id, correct FROM answers"))


def test_behind_haproxy_a_learner_survives_losing_their_server(browser, haproxy_bin, pg_server,
                                                                banks, tmp_path):
    db = fresh_database(pg_server)
    env = {"ACTLAB_DB_URL": db, "ACTLAB_QUIZ_DIR": str(banks)}
    servers = {name: contextlib.ExitStack() for name in ("app1", "app2")}
    with servers["app1"], servers["app2"]:
        apps = {f"ACTLAB_{name.upper()}": servers[name].enter_context(serve_app(**env))
                for name in servers}
        with haproxy(haproxy_bin, tmp_path / "haproxy.log", **apps) as lb:
            # Without the cookie the balancer does spread the load over both servers.
            assert {served_by(lb) for _ in range(4)} == {"app1", "app2"}

            context = browser.new_context(viewport={"width": 1280, "height": 900},
                                          locale="ja-JP")
            page = context.new_page()
            answered, sockets = [], []
            page.on("response", lambda r: r.url.startswith(lb)
                    and answered.append((r.request.resource_type, r.headers.get(SERVED_BY))))
            page.on("websocket", lambda ws: sockets.append(ws.url))

            # Several page loads in one browser: each goes to the same server.
            for path in ("/quiz", "/", "/quiz"):
                open_app(page, lb, path)
            first = answered[0][1]
            assert first in servers and {by for _, by in answered} == {first}, answered
            cookies = {c["name"]: c["value"] for c in context.cookies(lb)}
            assert cookies[COOKIE] == first
            # The page ran: its websocket went through the proxy's port.
            assert sockets and all(s.startswith("ws://" + _host_port(lb) + "/_stcore/stream")
                                   for s in sockets), sockets

            answer_all(page)
            before = history(page)
            rows = stored(db)
            assert len(rows) == 3 and len({row[0] for row in rows}) == 1
            assert sum(bool(row[2]) for row in rows) == 2

            servers[first].close()  # stop the server that served this learner
            other = next(name for name in servers if name != first)
            answered.clear()
            page.reload()
            page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
            wait_synced(page)
            # What the browser asked the proxy anew (its cache keeps the immutable assets,
            # with the header of the server that first sent them).
            asked = {by for kind, by in answered if kind in ("document", "fetch", "xhr")}
            assert asked == {other}, answered
            assert {c["name"]: c["value"] for c in context.cookies(lb)}[COOKIE] == other
            after = history(page)
            # From the shared database, not restored from the browser's own copy.
            assert page.get_by_text("このブラウザに保存されていた解答", exact=False).count() == 0
            assert "は本文として表示される" in after and "は本文として表示される" in before
            assert stored(db) == rows
            context.close()
