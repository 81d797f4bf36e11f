"""学習履歴 in Chromium, as a learner in New York who loaded a backup: the review list shows the
mistakes in local time, the study record and the Anki deck download when their buttons are
pressed (and are what they say), and 「この問題を解き直す」 starts that question."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from quiz.answer_words import reading_order
from quiz.answers import encode
from quiz.figures import describe
from quiz.loader import load_paths
from quiz.schema import GraphQuestion, TrueFalseQuestion
from quiz.spoken import spoken
from tests.browser.conftest import open_app, serve_app, wait_rerun

expect = pytest.importorskip("playwright.sync_api").expect

BANK = load_paths([Path(__file__).parents[2] / "quiz_data"])
GRAPH = next(q for q in BANK.questions if isinstance(q, GraphQuestion))
TF = next(q for q in BANK.questions if isinstance(q, TrueFalseQuestion))
WRONG_FIGURE = next(o for o in GRAPH.options if o != GRAPH.answer)


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    with serve_app(ACTLAB_DB=str(tmp_path_factory.mktemp("db") / "h.sqlite3")) as app:
        yield app


def _backup(tmp_path) -> Path:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(("session_id", "question_id", "theme", "correct", "answer", "answered_at"))
    # 14:00 UTC on 1 March is 09:00 in New York; 2 March 02:30 UTC is 1 March 21:30 there
    writer.writerow(("s1", TF.id, TF.theme, 0, encode(not TF.answer),
                     "2026-03-01T14:00:00+00:00"))
    writer.writerow(("s1", GRAPH.id, GRAPH.theme, 0, encode(WRONG_FIGURE),
                     "2026-03-02T02:30:00+00:00"))
    path = tmp_path / "backup.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_review_list_study_record_anki_and_retry(browser, url, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP",
                                  timezone_id="America/New_York", accept_downloads=True)
    page = context.new_page()
    try:
        open_app(page, url, "/quiz")
        page.get_by_role("tab", name="学習履歴").click()
        wait_rerun(page)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            str(_backup(tmp_path)))
        wait_rerun(page)
        main = page.locator('[data-testid="stMain"]')
        expect(main.get_by_text("2 問のうち 1〜2 問目を表示（時刻は America/New_York）")).to_be_visible()
        letter = "ABCD"[reading_order(GRAPH).index(WRONG_FIGURE)]
        expect(main.get_by_text(f"{letter}: ", exact=False).first).to_be_visible()
        expect(main.get_by_text("2026-03-01 21:30", exact=False).first).to_be_visible()

        with page.expect_download(timeout=120_000) as info:
            page.get_by_role("button", name="学習記録をダウンロード（CSV）").click()
        data = Path(info.value.path()).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0][0] == "日時（America/New_York）"
        assert [r[0] for r in rows[1:]] == ["2026-03-01 09:00:00", "2026-03-01 21:30:00"]
        assert rows[1][3] == ("正しい" if not TF.answer else "誤り")
        # what the figure shows, no letter (the record has no figures to letter)
        assert rows[2][3] == spoken(describe(WRONG_FIGURE)) and rows[2][5] == "× 不正解"

        with page.expect_download(timeout=120_000) as info:
            page.get_by_role("button", name="Anki デッキをダウンロード（.apkg）").click()
        assert info.value.suggested_filename.endswith(".apkg")
        with zipfile.ZipFile(info.value.path()) as z:
            media = json.loads(z.read("media"))
            (tmp_path / "c.anki2").write_bytes(z.read("collection.anki2"))
            assert all(z.read(i).startswith(b"\x89PNG") for i in media)
        with sqlite3.connect(tmp_path / "c.anki2") as conn:
            fronts = [f.split("\x1f")[0] for (f,) in conn.execute("SELECT flds FROM notes")]
        assert len(fronts) == 2 and len(media) >= 4  # the graph question's four figures

        page.get_by_role("button", name="この問題を解き直す").first.click()
        wait_rerun(page)
        expect(page.get_by_text("1 / 1 問目")).to_be_visible()
    finally:
        context.close()
