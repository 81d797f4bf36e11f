"""/quiz in Chromium: the page renders, formulas are typeset by KaTeX, bank HTML shows as
text and never runs, and a question can be answered; no exception box anywhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.browser.conftest import _free_port, open_app
from tests.conftest import ROOT
from tests.quiz_helpers import GOOD_BANK

HTML_QUESTION = "fx-html-text"  # text: "<script>alert(1)</script> … ($a < b$ & c)"


@pytest.fixture(scope="module")
def html_bank_url(tmp_path_factory):
    """A server whose only question carries HTML and LaTeX (a bank of one, so it comes first)."""
    banks = tmp_path_factory.mktemp("banks")
    text = (GOOD_BANK / "mixed.yaml").read_text(encoding="utf-8")
    one = "questions:\n" + text[text.index(f"  - id: {HTML_QUESTION}"):]
    (banks / "one.yaml").write_text(one, encoding="utf-8")
    port = _free_port()
    env = dict(os.environ, ACTLAB_QUIZ_DIR=str(banks),
               ACTLAB_DB=str(tmp_path_factory.mktemp("db") / "h.sqlite3"))
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
        if time.monotonic() > deadline or server.poll() is not None:
            server.terminate()
            pytest.fail("streamlit did not come up within 60 s")
    yield url
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(banks, ignore_errors=True)


def wait_idle(page):
    page.wait_for_timeout(300)  # let the rerun start before waiting for it to end
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    assert page.locator('[data-testid="stException"]').count() == 0


def test_quiz_page_renders_and_a_quiz_starts(page, app_url):
    open_app(page, app_url, "/quiz")
    assert page.get_by_text("出題の設定").is_visible()
    page.get_by_role("button", name="開始").click()
    wait_idle(page)
    assert page.get_by_text("1 / 10 問目").is_visible()
    page.get_by_role("tab", name="学習履歴").click()
    wait_idle(page)


def test_bank_html_is_text_and_latex_is_typeset(page, html_bank_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_app(page, html_bank_url, "/quiz")
    page.get_by_role("button", name="開始").click()
    wait_idle(page)
    main = page.locator('[data-testid="stMain"]')
    assert main.get_by_text("<script>alert(1)</script>", exact=False).is_visible()
    assert main.locator("script").count() == 0
    assert main.locator(".katex").first.is_visible()  # $a < b$ typeset, not raw
    page.get_by_text("誤り", exact=True).click()
    wait_idle(page)
    page.get_by_role("button", name="解答する").click()
    wait_idle(page)
    assert page.get_by_text("正解！").is_visible()
    assert main.get_by_text("<b>太字にならない</b>", exact=False).is_visible()
    assert main.locator("b", has_text="太字にならない").count() == 0
    assert dialogs == []
    page.get_by_text("アプリで確かめる").click()  # the bank's link opens the app's view
    wait_idle(page)
    assert "/explorer?fn=tanh" in page.url


def test_history_csv_upload_adds_answers_once(page, html_bank_url, tmp_path):
    csv_file = tmp_path / "history.csv"
    csv_file.write_text(
        "session_id,question_id,theme,correct,answer,answered_at\n"
        f"s1,{HTML_QUESTION},softmax,0,true,2026-03-01T09:00:00+00:00\n"
        f"s1,{HTML_QUESTION},softmax,1,false,2026-03-02T09:00:00+00:00\n", encoding="utf-8")
    open_app(page, html_bank_url, "/quiz")
    page.get_by_role("tab", name="学習履歴").click()
    wait_idle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(csv_file))
    wait_idle(page)
    assert page.get_by_text("2 件を追加しました", exact=False).is_visible()
    assert page.locator('[data-testid="stPlotlyChart"]').first.is_visible()
    assert page.get_by_text(f"{HTML_QUESTION}", exact=False).first.is_visible()  # weakest list
