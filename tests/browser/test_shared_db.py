"""Two app processes (as behind a load balancer) on one PostgreSQL database: the same
learner writes through both at once, nothing is lost, and either process shows it all."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_app, serve_app, wait_rerun
from tests.postgres import fresh_database, query

expect = pytest.importorskip("playwright.sync_api").expect

BROWSER_ID = "5" * 32  # the same learner's browser, whichever process serves it


def csv_rows(session: str, n: int) -> str:
    lines = ["session_id,question_id,theme,correct,answer,answered_at"]
    lines += [f"{session},rs-relu-grad-at-zero,relu_sigmoid,{i % 2},\"0\","
              f"2026-03-01T09:{i // 60:02d}:{i % 60:02d}+00:00" for i in range(n)]
    return "\n".join(lines) + "\n"


def test_two_processes_share_one_history_and_lose_nothing(browser, pg_server, tmp_path):
    url = fresh_database(pg_server)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(f"localStorage.setItem('actlab.learner', '{BROWSER_ID}')")
    pages = [context.new_page(), context.new_page()]
    files = []
    for k in range(2):
        files.append(tmp_path / f"p{k}.csv")
        files[-1].write_text(csv_rows(f"p{k}", 120), encoding="utf-8")
    with serve_app(ACTLAB_DB_URL=url) as one, serve_app(ACTLAB_DB_URL=url) as two:
        for page, app in zip(pages, (one, two), strict=True):
            open_app(page, app, "/quiz")
            page.get_by_role("tab", name="学習履歴").click()
            wait_rerun(page)
        uploads = [p.locator('[data-testid="stFileUploaderDropzoneInput"]') for p in pages]
        for upload, path in zip(uploads, files, strict=True):  # both at once
            upload.set_input_files(str(path))
        for page in pages:
            expect(page.get_by_text("120 件を追加しました", exact=False)).to_be_visible()
        fresh = context.new_page()
        open_app(fresh, two, "/quiz")
        fresh.get_by_role("tab", name="学習履歴").click()
        wait_rerun(fresh)
        expect(fresh.get_by_text("これまでに 240 回解答", exact=False)).to_be_visible()
    rows = query(url, "SELECT learner, count(*) FROM answers GROUP BY learner")
    assert len(rows) == 1 and rows[0][1] == 240
    context.close()
