"""The answer history: every read and write scoped to one learner, nothing lost under
concurrent writers, the CSV round trip without duplicates, the versioned upgrade of a file
from the single-user releases, and the in-memory fallback where no database can live.

The store's tests run on embedded SQLite and on a real PostgreSQL server (tests/postgres.py).
"""

from __future__ import annotations

import multiprocessing
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from quiz.attempt import Attempt
from quiz.csv_io import export_csv, import_csv
from quiz.db_url import ENV_PATH, normalize
from quiz.migrations import LATEST
from quiz.store import (
    MISSING_DIR,
    UNREACHABLE,
    UNWRITABLE,
    HistoryDB,
    LearnerHistory,
    open_db,
    sqlite_engine,
)
from quiz.tables import LEGACY_LEARNER
from tests.postgres import fresh_database

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
FIXTURES = Path(__file__).parent / "fixtures"
A, B = "anon:" + "a" * 64, "anon:" + "b" * 64


def attempt(i: int, session: str = "s1", correct: bool = True, answer: str = '"0.25"',
            rating: int | None = None):
    return Attempt(session, f"q-{i % 7}", "softmax", correct, answer,
                   T0 + timedelta(seconds=i), rating)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A URL for an empty history database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'h.sqlite3'}"
    return fresh_database(request.getfixturevalue("pg_server"))


_OPENED: list[HistoryDB] = []


@pytest.fixture(autouse=True)
def _close_pools():
    """Every database a test opened gives back its pooled connections (no ResourceWarning
    from a connection collected during a later test)."""
    yield
    while _OPENED:
        _OPENED.pop().engine.dispose()


def opened(db: HistoryDB | None) -> HistoryDB | None:
    if db is not None:
        _OPENED.append(db)
    return db


def open_url(url: str) -> HistoryDB:
    if url.startswith("sqlite:///"):
        return opened(HistoryDB(sqlite_engine(url.removeprefix("sqlite:///"))))
    return opened(HistoryDB(sa.create_engine(normalize(url))))


def test_each_learner_reads_and_writes_only_their_own_answers(db_url):
    db = open_url(db_url)
    odd = Attempt("s9", "q-x", "usage", False, '["a, \\"b\\"", "c"]',
                  datetime(2026, 3, 1, 18, 0, 0, 123456, tzinfo=UTC), 2)
    assert db.add(A, [attempt(1), odd]) == 2
    assert db.add(B, [attempt(5)]) == 1
    assert open_url(db_url).attempts(A) == [attempt(1), odd]  # every field, rating included
    assert db.attempts(B) == [attempt(5)]
    assert (db.count(A), db.count(B), db.count("anon:" + "c" * 64)) == (2, 1, 0)


def test_the_same_answer_is_stored_once_per_learner(db_url):
    db = open_url(db_url)
    assert db.add(A, [attempt(1), attempt(1), attempt(2)]) == 2
    assert db.add(A, [attempt(2), attempt(3)]) == 1
    assert db.add(B, [attempt(1)]) == 1  # another learner's identical row is theirs
    assert (db.count(A), db.count(B)) == (3, 1)


def test_forget_deletes_one_learners_answers_and_run(db_url):
    db = open_url(db_url)
    db.add(A, [attempt(i) for i in range(5)])
    db.add(B, [attempt(i) for i in range(3)])
    db.save_run(A, '{"run": 1}')
    db.save_run(B, '{"run": 2}')
    assert db.forget(A) == 5
    assert (db.count(A), db.load_run(A)) == (0, None)
    assert (db.count(B), db.load_run(B)) == (3, '{"run": 2}')


def test_the_run_in_progress_is_kept_per_learner(db_url):
    db = open_url(db_url)
    assert db.load_run(A) is None
    db.save_run(A, "first")
    db.save_run(A, "second")
    assert (db.load_run(A), db.load_run(B)) == ("second", None)
    db.clear_run(A)
    assert db.load_run(A) is None


def _write_many(url: str, learner: str, n: int) -> None:
    db = open_url(url)  # a process of its own, migrating an empty database at the same time
    for i in range(n):
        db.add(learner, [attempt(i, session=learner[-6:])])


def test_two_processes_writing_at_once_lose_nothing(db_url):
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_write_many, args=(db_url, learner, 60))
               for learner in (A, B)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=180)
    assert [w.exitcode for w in workers] == [0, 0]
    db = open_url(db_url)
    assert (db.count(A), db.count(B)) == (60, 60)


def test_the_plain_postgresql_url_of_a_managed_service_works_as_given(pg_server):
    url = fresh_database(pg_server)
    assert url.startswith("postgresql://")  # no +driver, as services hand it out
    db, warning = open_db(url, None)
    opened(db)
    assert warning is None and db.engine.dialect.name == "postgresql"
    assert db.add(A, [attempt(1)]) == 1
    heroku_style = "postgres://" + url.removeprefix("postgresql://")
    db2, warning = open_db(heroku_style, None)
    opened(db2)
    assert warning is None and db2.attempts(A) == [attempt(1)]


def test_a_server_that_does_not_answer_is_reported_not_raised():
    assert open_db("postgresql://u:p@127.0.0.1:9/none?connect_timeout=2", None) == \
        (None, UNREACHABLE)
    assert open_db("this is not a url", None) == (None, UNREACHABLE)


LEGACY_ROWS = [  # what tests/fixtures/history_v0.sqlite3 was written with, by release 0.1
    ("3f2a9c1e", "fm-tanh-grad", "formulas", True, '"$1 - h(x)^2$"',
     datetime(2026, 10, 1, 21, 5, 3, 120000, tzinfo=UTC)),
    ("3f2a9c1e", "sm-shift", "softmax", False, '["a", "b"]',
     datetime(2026, 10, 1, 21, 6, 0, tzinfo=UTC)),
    ("77d01b2a", "fm-elu-value", "formulas", False, "-0.63",
     datetime(2026, 10, 1, 23, 0, 0, tzinfo=UTC)),  # written as 08:00 in Japan time
    ("77d01b2a", "rs-relu-grad", "relu_sigmoid", True, "true",
     datetime(2026, 10, 2, 8, 1, 30, 5, tzinfo=UTC)),
    ("77d01b2a", "vg-depth", "vanishing_gradient", False, "",
     datetime(2026, 10, 2, 8, 3, 0, tzinfo=UTC)),
]


def test_a_history_file_of_the_first_release_upgrades_with_nothing_lost(tmp_path):
    path = tmp_path / "history.sqlite3"
    shutil.copy(FIXTURES / "history_v0.sqlite3", path)
    db, warning = open_db(None, str(path))
    assert warning is None
    assert db.attempts(LEGACY_LEARNER) == [Attempt(*row) for row in LEGACY_ROWS]
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = conn.execute("SELECT max(version) FROM actlab_schema").fetchone()[0]
    assert "attempts" not in tables and version == LATEST
    # The local learner takes them over, once; nobody else gets them.
    assert db.claim_legacy(A) == 5 and db.claim_legacy(B) == 0
    assert db.count(A) == 5 and db.count(LEGACY_LEARNER) == 0
    # Opening again (a restart) migrates nothing twice.
    again, _ = open_db(None, str(path))
    assert again.count(A) == 5


def test_the_default_file_is_in_the_per_user_data_directory(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_PATH, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    db, warning = open_db(None, None)
    assert warning is None and db.embedded
    assert (tmp_path / "xdg" / "activation-lab" / "history.sqlite3").exists()


@pytest.mark.parametrize(("make_path", "warning"), [
    # The tests run as root, where chmod does not stop writes: a parent that is a regular
    # file, or a place under /proc, is what cannot hold a database.
    (lambda tmp: tmp / "a-file" / "h.sqlite3", MISSING_DIR),
    (lambda tmp: tmp / "no" / "such" / "dir" / "h.sqlite3", MISSING_DIR),
    (lambda tmp: "/proc/actlab-history.sqlite3", UNWRITABLE),
    (lambda tmp: tmp / "not-a-db.sqlite3", UNWRITABLE),
])
def test_an_unusable_location_is_reported(tmp_path, make_path, warning):
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "not-a-db.sqlite3").write_bytes(b"this is not sqlite" * 100)
    assert open_db(None, str(make_path(tmp_path))) == (None, warning)
    assert not (tmp_path / "no").exists()  # a directory the user named is never created


def test_answers_wait_until_the_learner_is_known_then_go_under_their_key(tmp_path):
    db = HistoryDB(sqlite_engine(str(tmp_path / "h.sqlite3")))
    history = LearnerHistory(db, None)
    assert history.add([attempt(1)]) == 1
    assert db.count(A) == 0 and history.attempts() == [attempt(1)]
    history.identify(A)
    assert db.attempts(A) == [attempt(1)] and db.count(B) == 0


def test_a_database_that_fails_later_keeps_the_learners_answers_in_memory(tmp_path):
    path = tmp_path / "h.sqlite3"
    db = HistoryDB(sqlite_engine(str(path)))
    db.add(B, [attempt(9)])
    history = LearnerHistory(db, A)
    history.add([attempt(1)])
    # The disk turns read-only under a running app: a read-only engine stands in for it.
    db.engine = sa.create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert history.add([attempt(2)]) == 1
    assert history.in_memory and history.warning == UNWRITABLE
    assert history.attempts() == [attempt(1), attempt(2)]  # only this learner's came along


def test_csv_round_trip_into_the_importers_own_history(tmp_path):
    db = HistoryDB(sqlite_engine(str(tmp_path / "h.sqlite3")))
    source = LearnerHistory(db, A)
    source.add([attempt(i, correct=i % 3 != 0, answer='["x, y", "z\\"q"]',
                        rating=None if i % 2 else 1 + i % 4) for i in range(10)])
    text = export_csv(source)
    # A BOM first, so that Excel reads the file as UTF-8; the rating column is optional.
    assert text.splitlines()[0] == ("\ufeffsession_id,question_id,theme,correct,answer,"
                                    "answered_at,rating")

    target = LearnerHistory(db, B)
    target.add([attempt(0), attempt(100)])  # one already there, one only here
    first = import_csv(target, text.encode("utf-8"))
    assert (first.added, first.duplicates, first.bad_rows) == (9, 1, ())
    again = import_csv(target, text)
    assert (again.added, again.duplicates) == (0, 10)
    assert (db.count(A), db.count(B)) == (10, 11)  # A's history is untouched by B's import
    rating = {a.row(): a.rating for a in target.attempts()}
    assert all(rating[a.row()] == a.rating for a in source.attempts()[1:])  # ratings came along
    # A file claiming another learner's rows still lands in the importer's history only.
    with_learner = "learner," + text.lstrip("\ufeff").replace("\n", "\nanon:cccc,", 10)
    third = LearnerHistory(db, "anon:" + "d" * 64)
    assert import_csv(third, with_learner).added == 10
    assert db.count("anon:cccc") == 0 and (db.count(A), db.count(B)) == (10, 11)


def test_csv_import_reports_bad_rows_and_columns(tmp_path):
    history = LearnerHistory(HistoryDB(sqlite_engine(str(tmp_path / "h.sqlite3"))), A)
    text = ("session_id,question_id,theme,correct,answer,answered_at\n"
            "s,q,softmax,1,\"1\",2026-03-01T09:00:00+00:00\n"
            "s,q,softmax,maybe,\"1\",2026-03-01T09:00:01+00:00\n"
            "s,q,softmax,0,\"1\",yesterday\n"
            ",q,softmax,0,\"1\",2026-03-01T09:00:02+00:00\n"
            "s,q,softmax,false,,2026-03-01T09:00:03\n"  # naive time: read as UTC
            "s,q,softmax,0,\"\"\"<img src=x onerror=alert(1)>\"\"\",2026-03-01T09:00:04\n"
            "s,q,no-such-theme,0,\"1\",2026-03-01T09:00:05\n")
    result = import_csv(history, "\ufeff" + text)
    assert (result.added, result.bad_rows) == (2, (3, 4, 5, 7, 8))
    assert result.refused == {"bad_correct": 1, "bad_time": 1, "missing": 1, "html": 1,
                              "bad_theme": 1}  # why, per reason
    assert history.attempts()[-1].answered_at == datetime(2026, 3, 1, 9, 0, 3, tzinfo=UTC)
    assert import_csv(history, "a,b\n1,2\n").missing_columns == (
        "session_id", "question_id", "theme", "correct", "answer", "answered_at")
    assert import_csv(history, "é".encode("latin-1")).unreadable


def test_answers_follow_a_renamed_question_through_the_migration_and_imports(db_url):
    from quiz.renamed_ids import RENAMED
    from quiz.tables import answers, schema_version

    db = open_url(db_url)
    old_id, new_id = "sm-scale-not-invariant", "sm-scale-by-two"
    row = attempt(1)
    with db.engine.begin() as conn:  # a database at version 1 holding the old id
        conn.execute(answers.insert().values(
            learner=A, session_id=row.session_id, question_id=old_id, theme=row.theme,
            correct=True, answer=row.answer, answered_at=row.row()[5], rating=None))
        conn.execute(schema_version.delete().where(schema_version.c.version > 1))
    assert [a.question_id for a in open_url(db_url).attempts(A)] == [new_id]
    assert RENAMED[old_id] == new_id
    csv_text = ("session_id,question_id,theme,correct,answer,answered_at\n"
                f"s1,{old_id},softmax,1,\"1\",2026-03-01T09:00:00+00:00\n")
    assert import_csv(LearnerHistory(db, B), csv_text).added == 1
    assert [a.question_id for a in db.attempts(B)] == [new_id]


def test_every_renamed_id_now_names_a_question_and_no_old_one_does():
    from quiz.loader import bank_dir, load_paths
    from quiz.renamed_ids import RENAMED

    ids = set(load_paths([bank_dir()]).by_id)
    assert set(RENAMED.values()) <= ids and not set(RENAMED) & ids
