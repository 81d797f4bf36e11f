"""The answer history: WAL on disk, nothing lost under concurrent writers, the CSV round
trip without duplicates, and the in-memory fallback where no database can live."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from datetime import UTC, datetime, timedelta

import pytest

from quiz.attempt import Attempt
from quiz.csv_io import export_csv, import_csv
from quiz.store import ENV_VAR, MISSING_DIR, UNWRITABLE, Store, open_store

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def attempt(i: int, session: str = "s1", correct: bool = True, answer: str = '"0.25"'):
    return Attempt(session, f"q-{i % 7}", "softmax", correct, answer, T0 + timedelta(seconds=i))


def test_a_file_store_uses_wal_and_keeps_every_field(tmp_path):
    store = open_store(tmp_path / "h.sqlite3")
    assert not store.in_memory and store.warning is None
    odd = Attempt("s9", "q-x", "usage", False, '["a, \\"b\\"", "c"]',
                  datetime(2026, 3, 1, 18, 0, 0, 123456, tzinfo=UTC))
    assert store.add([attempt(1), odd]) == 2
    assert open_store(tmp_path / "h.sqlite3").attempts() == [attempt(1), odd]
    with sqlite3.connect(tmp_path / "h.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        columns = [r[1] for r in conn.execute("PRAGMA table_info(attempts)")]
    assert {"question_id", "theme", "correct", "answer", "answered_at", "session_id"} <= set(columns)


def test_the_path_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite3"))
    open_store().add([attempt(1)])
    assert (tmp_path / "env.sqlite3").exists()


def test_the_default_path_is_a_per_user_data_directory(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    store = open_store()
    assert store.path == tmp_path / "xdg" / "activation-lab" / "history.sqlite3"
    assert not store.in_memory


def _write_many(path: str, session: str, n: int) -> None:
    store = Store(__import__("pathlib").Path(path))
    for i in range(n):
        store.add([attempt(i, session)])


def test_concurrent_processes_lose_nothing(tmp_path):
    path = str(tmp_path / "h.sqlite3")
    open_store(path)
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_write_many, args=(path, f"p{k}", 40)) for k in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    assert open_store(path).count() == 4 * 40


def test_concurrent_threads_lose_nothing(tmp_path):
    store = open_store(tmp_path / "h.sqlite3")
    threads = [threading.Thread(target=lambda k=k: [store.add([attempt(i, f"t{k}")])
                                                    for i in range(40)]) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.count() == 6 * 40


def test_csv_round_trip_without_duplicates(tmp_path):
    source = open_store(tmp_path / "a.sqlite3")
    source.add([attempt(i, correct=i % 3 != 0, answer='["x, y", "z\\"q"]') for i in range(10)])
    text = export_csv(source)
    # A BOM first, so that Excel reads the file as UTF-8; the rating column is optional.
    assert text.splitlines()[0] == ("\ufeffsession_id,question_id,theme,correct,answer,"
                                    "answered_at,rating")

    target = open_store(tmp_path / "b.sqlite3")
    target.add([attempt(0), attempt(100)])  # one already there, one only here
    first = import_csv(target, text.encode("utf-8"))
    assert (first.added, first.duplicates, first.bad_rows) == (9, 1, ())
    again = import_csv(target, text)
    assert (again.added, again.duplicates) == (0, 10)
    assert target.count() == 11
    by_key = {(a.session_id, a.question_id, a.answered_at): a for a in target.attempts()}
    for a in source.attempts()[1:]:  # the first one was already in the target: kept as is
        assert by_key[(a.session_id, a.question_id, a.answered_at)] == a
    assert by_key[("s1", "q-0", T0)] == attempt(0)


def test_csv_import_reports_bad_rows_and_columns(tmp_path):
    store = open_store(tmp_path / "h.sqlite3")
    text = ("session_id,question_id,theme,correct,answer,answered_at\n"
            "s,q,softmax,1,\"1\",2026-03-01T09:00:00+00:00\n"
            "s,q,softmax,maybe,\"1\",2026-03-01T09:00:01+00:00\n"
            "s,q,softmax,0,\"1\",yesterday\n"
            ",q,softmax,0,\"1\",2026-03-01T09:00:02+00:00\n"
            "s,q,softmax,false,,2026-03-01T09:00:03\n")  # naive time: read as UTC
    result = import_csv(store, "\ufeff" + text)
    assert (result.added, result.bad_rows) == (2, (3, 4, 5))
    assert store.attempts()[-1].answered_at == datetime(2026, 3, 1, 9, 0, 3, tzinfo=UTC)
    assert import_csv(store, "a,b\n1,2\n").missing_columns == (
        "session_id", "question_id", "theme", "correct", "answer", "answered_at")
    assert import_csv(store, "é".encode("latin-1")).unreadable


@pytest.mark.parametrize(("make_path", "warning"), [
    # The tests run as root, where chmod does not stop writes: a parent that is a regular
    # file, or a place under /proc, is what cannot hold a database.
    (lambda tmp: tmp / "a-file" / "h.sqlite3", MISSING_DIR),
    (lambda tmp: tmp / "no" / "such" / "dir" / "h.sqlite3", MISSING_DIR),
    (lambda tmp: "/proc/actlab-history.sqlite3", UNWRITABLE),
    (lambda tmp: tmp / "not-a-db.sqlite3", UNWRITABLE),
])
def test_an_unusable_location_falls_back_to_memory_with_a_warning(tmp_path, make_path, warning):
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "not-a-db.sqlite3").write_bytes(b"this is not sqlite" * 100)
    store = open_store(make_path(tmp_path))
    assert store.in_memory and store.warning == warning
    assert store.add([attempt(1), attempt(2)]) == 2  # the quiz still works
    assert store.count() == 2
    assert not (tmp_path / "no").exists()  # a directory the user named is never created


def test_a_database_that_fails_later_keeps_every_answer_in_memory(tmp_path):
    path = tmp_path / "h.sqlite3"
    store = open_store(path)
    store.add([attempt(1)])
    # The disk turns read-only under a running app: a read-only connection stands in for it.
    store._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None,
                                  check_same_thread=False)
    assert store.add([attempt(2)]) == 1
    assert store.in_memory and store.warning == UNWRITABLE and store.wanted == path
    assert store.attempts() == [attempt(1), attempt(2)]  # what was on disk came along


def test_a_database_unreadable_later_still_answers_from_memory(tmp_path):
    store = open_store(tmp_path / "h.sqlite3")
    store.add([attempt(1)])
    store._conn.close()  # stands in for a file that can no longer be read
    assert store.attempts() == []  # no traceback; what was on disk could not come along
    assert store.in_memory and store.warning == UNWRITABLE
    assert store.add([attempt(2)]) == 1 and store.count() == 1
