"""The answer history of every learner, in one SQL database through SQLAlchemy.

An embedded SQLite file by default (WAL, a busy timeout, ``BEGIN IMMEDIATE`` so concurrent
writers wait instead of failing); any SQLAlchemy URL, PostgreSQL for a shared deployment.
``HistoryDB`` holds the engine and is shared by a process; ``LearnerHistory`` is one
learner's view of it, and every read and write goes through one.

Where the database cannot live (a missing or read-only directory, a server that does not
answer) the page falls back to a history in memory and says so; the browser's own copy
(ui/learner.py) still keeps the learner's answers until a database is back.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool

from .attempt import Attempt, stamp
from .db_url import normalize, sqlite_path
from .migrations import migrate
from .tables import LEGACY_LEARNER, answers, runs

BUSY_TIMEOUT_S = 30.0
MISSING_DIR, UNWRITABLE, UNREACHABLE = "missing_dir", "unwritable", "unreachable"
_COLUMNS = ("session_id", "question_id", "theme", "correct", "answer", "answered_at")


def _sqlite_setup(engine: Engine, on_disk: bool) -> None:
    """pysqlite's own transaction handling is off, so that every transaction is
    ``BEGIN IMMEDIATE``: a writer takes the lock up front and waits (busy timeout) for others."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        if on_disk:
            _wal(cursor)
            cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _wal(cursor) -> None:
    """Switch the file to WAL (a lasting setting). Switching needs the file to itself, and
    SQLite refuses at once rather than wait when another process is mid-write (its
    deadlock rule), so the busy timeout does not help: try again for as long."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def sqlite_engine(path: str | None) -> Engine:
    """An engine for the SQLite file at ``path``, or for a private in-memory database."""
    if path is None:
        engine = sa.create_engine("sqlite://", poolclass=StaticPool,
                                  connect_args={"check_same_thread": False})
    else:
        engine = sa.create_engine(f"sqlite:///{path}",
                                  connect_args={"timeout": BUSY_TIMEOUT_S})
    return prepare(engine)


def prepare(engine: Engine) -> Engine:
    """Make an engine from elsewhere (st.connection) behave as ours on SQLite."""
    if engine.dialect.name == "sqlite" and not getattr(engine, "_actlab_ready", False):
        _sqlite_setup(engine, on_disk=engine.url.database not in (None, "", ":memory:"))
        engine._actlab_ready = True  # type: ignore[attr-defined]
    return engine


def _insert_ignoring_duplicates(dialect: str):
    # RETURNING says whether each row was new (rowcount is -1 on some drivers).
    if dialect == "postgresql":
        insert = postgresql.insert(answers).on_conflict_do_nothing(constraint="answers_once")
    elif dialect == "sqlite":
        insert = sqlite.insert(answers).on_conflict_do_nothing()
    else:
        raise ValueError(f"unsupported database: {dialect}")
    return insert.returning(answers.c.id)


class HistoryDB:
    """Every learner's answers in one database; migrated to the latest schema on open."""

    def __init__(self, engine: Engine):
        self.engine = prepare(engine)
        with self.engine.begin() as conn:
            migrate(conn)
        self._insert = _insert_ignoring_duplicates(self.engine.dialect.name)

    @property
    def embedded(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def add(self, learner: str, attempts: Iterable[Attempt]) -> int:
        """Store the learner's answers in one transaction; returns how many were new (an
        answer already stored, by session, question and time, is skipped)."""
        rows = [dict(zip(_COLUMNS, a.row(), strict=True), learner=learner, rating=a.rating,
                     correct=a.correct) for a in attempts]
        added = 0
        with self.engine.begin() as conn:
            for row in rows:
                added += len(conn.execute(self._insert, row).all())
        return added

    def attempts(self, learner: str) -> list[Attempt]:
        """The learner's answers, oldest first."""
        query = (sa.select(answers.c.session_id, answers.c.question_id, answers.c.theme,
                           answers.c.correct, answers.c.answer, answers.c.answered_at,
                           answers.c.rating)
                 .where(answers.c.learner == learner)
                 .order_by(answers.c.answered_at, answers.c.id))
        with self.engine.connect() as conn:
            return [Attempt(r[0], r[1], r[2], bool(r[3]), r[4],
                            datetime.fromisoformat(r[5]), r[6]) for r in conn.execute(query)]

    def set_rating(self, learner: str, attempt: Attempt) -> int:
        """Record the learner's own rating of an answer already stored."""
        key = attempt.row()
        with self.engine.begin() as conn:
            return conn.execute(answers.update().where(
                answers.c.learner == learner, answers.c.session_id == key[0],
                answers.c.question_id == key[1], answers.c.answered_at == key[5],
            ).values(rating=attempt.rating)).rowcount

    def count(self, learner: str) -> int:
        query = sa.select(sa.func.count()).select_from(answers).where(answers.c.learner == learner)
        with self.engine.connect() as conn:
            return conn.execute(query).scalar_one()

    def forget(self, learner: str) -> int:
        """Delete every answer and the run in progress of the learner; returns the answers."""
        with self.engine.begin() as conn:
            conn.execute(runs.delete().where(runs.c.learner == learner))
            return conn.execute(answers.delete().where(answers.c.learner == learner)).rowcount

    def claim_legacy(self, learner: str) -> int:
        """Give the rows of a pre-learner history file to ``learner``, once (the first
        caller takes them all); returns how many."""
        with self.engine.begin() as conn:
            return conn.execute(answers.update().where(answers.c.learner == LEGACY_LEARNER)
                                .values(learner=learner)).rowcount

    def save_run(self, learner: str, payload: str) -> None:
        now = stamp(datetime.now(UTC))
        with self.engine.begin() as conn:
            done = conn.execute(runs.update().where(runs.c.learner == learner)
                                .values(payload=payload, updated_at=now)).rowcount
            if not done:
                conn.execute(runs.insert().values(learner=learner, payload=payload,
                                                  updated_at=now))

    def load_run(self, learner: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(runs.c.payload)
                                .where(runs.c.learner == learner)).scalar_one_or_none()

    def clear_run(self, learner: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(runs.delete().where(runs.c.learner == learner))


def open_db(url: str | None, path: str | None, connect: Callable[..., Engine] = sa.create_engine,
            ) -> tuple[HistoryDB | None, str | None]:
    """The history database at ``url`` (a shared deployment), else the SQLite file
    ``path`` (else the default file); or None and why it cannot be used (MISSING_DIR,
    UNWRITABLE, UNREACHABLE). ``connect(url, **engine_kwargs)`` makes the engine
    (the page passes st.connection's)."""
    if url is not None:
        try:
            return HistoryDB(connect(normalize(url), pool_pre_ping=True)), None
        except Exception:  # a bad URL, a missing driver, a server that does not answer
            return None, UNREACHABLE
    target, exists = sqlite_path(path)
    if not exists:
        return None, MISSING_DIR
    try:
        return HistoryDB(connect(f"sqlite:///{target}",
                                 connect_args={"timeout": BUSY_TIMEOUT_S})), None
    except (sa.exc.SQLAlchemyError, OSError):
        return None, UNWRITABLE


def memory_db() -> HistoryDB:
    """A private history that lives as long as the object (one browser session)."""
    return HistoryDB(sqlite_engine(None))


class LearnerHistory:
    """One learner's history. Until the learner is known (the browser has not said who it
    is yet) answers wait in memory and are written under the right key once it is."""

    def __init__(self, db: HistoryDB, learner: str | None, warning: str | None = None):
        self.db, self.learner, self.warning = db, learner, warning
        self._pending: list[Attempt] = []
        self._lock = threading.Lock()
        self.on_added: list = []  # callbacks(list[Attempt]) after answers are stored

    @property
    def in_memory(self) -> bool:
        return self.warning is not None

    @property
    def known(self) -> bool:
        return self.learner is not None

    def identify(self, learner: str) -> None:
        """The learner is now known: write what waited."""
        with self._lock:
            self.learner, waiting, self._pending = learner, self._pending, []
        if waiting:
            self.add(waiting)

    def add(self, attempts: Iterable[Attempt]) -> int:
        attempts = list(attempts)
        if not attempts:
            return 0
        with self._lock:
            if self.learner is None:
                self._pending.extend(attempts)
                return len(attempts)
            learner = self.learner
        try:
            added = self.db.add(learner, attempts)
        except sa.exc.SQLAlchemyError:
            self._fall_back()  # the disk or the server went away: keep answering, say so
            added = self.db.add(learner, attempts)
        for callback in self.on_added:
            callback(attempts)
        return added

    def attempts(self) -> list[Attempt]:
        if self.learner is None:
            return list(self._pending)
        try:
            return self.db.attempts(self.learner)
        except sa.exc.SQLAlchemyError:
            self._fall_back()
            return self.db.attempts(self.learner)

    def _fall_back(self) -> None:
        """Go on in memory with what can still be read of this learner's answers."""
        try:
            kept = self.db.attempts(self.learner) if self.learner else []
        except sa.exc.SQLAlchemyError:
            kept = []
        memory = memory_db()
        if self.learner and kept:
            memory.add(self.learner, kept)
        self.db, self.warning = memory, UNWRITABLE if self.db.embedded else UNREACHABLE

    def rate(self, attempt: Attempt) -> None:
        """The learner rated an answer stored earlier (same session, question and time)."""
        same = attempt.row()
        with self._lock:
            if self.learner is None:
                self._pending = [attempt if a.row() == same else a for a in self._pending]
                return
        self.db.set_rating(self.learner, attempt)
        for callback in self.on_added:
            callback([attempt])

    def count(self) -> int:
        return len(self._pending) if self.learner is None else self.db.count(self.learner)

    def forget(self) -> int:
        with self._lock:
            self._pending = []
        return 0 if self.learner is None else self.db.forget(self.learner)

    def _guarded(self, action: Callable[[HistoryDB, str], object]) -> object:
        """``action(db, learner)``, going on in memory if the database went away."""
        try:
            return action(self.db, self.learner)
        except sa.exc.SQLAlchemyError:
            self._fall_back()
            return action(self.db, self.learner)

    def save_run(self, payload: str) -> None:
        if self.learner is not None:
            self._guarded(lambda db, learner: db.save_run(learner, payload))

    def load_run(self) -> str | None:
        if self.learner is None:
            return None
        return self._guarded(lambda db, learner: db.load_run(learner))

    def clear_run(self) -> None:
        if self.learner is not None:
            self._guarded(lambda db, learner: db.clear_run(learner))
