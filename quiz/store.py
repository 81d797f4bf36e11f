"""The answer history in SQLite (stdlib sqlite3, WAL mode), table ``attempts``.

Every operation on a file opens its own short connection with a busy timeout, so several
browser tabs (threads) or processes writing at once wait for each other instead of losing
an answer. Where the database cannot live (a missing or read-only directory, a file that is
not a database) the store falls back to memory and says so in ``warning``: the quiz keeps
working, and the page tells the learner the history will not be kept.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import platformdirs

from .attempt import Attempt, from_row

ENV_VAR = "ACTLAB_DB"
BUSY_TIMEOUT_S = 30.0
MISSING_DIR, UNWRITABLE = "missing_dir", "unwritable"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    theme TEXT NOT NULL,
    correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
    answer TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    UNIQUE (session_id, question_id, answered_at)
);
CREATE INDEX IF NOT EXISTS attempts_question ON attempts (question_id);
"""
_INSERT = ("INSERT OR IGNORE INTO attempts "
           "(session_id, question_id, theme, correct, answer, answered_at) "
           "VALUES (?, ?, ?, ?, ?, ?)")
_SELECT = ("SELECT session_id, question_id, theme, correct, answer, answered_at "
           "FROM attempts ORDER BY answered_at, id")


def default_path() -> Path:
    return platformdirs.user_data_path("activation-lab", appauthor=False) / "history.sqlite3"


class Store:
    """The history at ``path``, or in memory when ``path`` is None."""

    def __init__(self, path: Path | None, warning: str | None = None,
                 wanted: Path | None = None):
        self.path = path
        self.wanted = wanted or path  # where the history was meant to be, for the warning
        self.warning = warning  # None, MISSING_DIR or UNWRITABLE
        self._lock = threading.Lock()
        self._memory: sqlite3.Connection | None = None
        if path is None:
            self._memory = sqlite3.connect(":memory:", check_same_thread=False,
                                           isolation_level=None)
            self._memory.executescript(_SCHEMA)
        else:
            with self._connect() as conn:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.executescript(_SCHEMA)
                conn.execute("BEGIN IMMEDIATE")  # proves we may write, before any answer
                conn.execute("ROLLBACK")

    @property
    def in_memory(self) -> bool:
        return self._memory is not None

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if self._memory is not None:
            with self._lock:
                yield self._memory
            return
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
            conn.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; fewer fsyncs
            yield conn
        finally:
            conn.close()

    def add(self, attempts: Iterable[Attempt]) -> int:
        """Store ``attempts`` in one short transaction; returns how many were new."""
        rows = [a.row() for a in attempts]
        if not rows:
            return 0
        try:
            return self._insert(rows)
        except sqlite3.Error:
            # The disk went away under us: keep answering, in memory, and say so.
            self._fall_back()
            return self._insert(rows)

    def _insert(self, rows: list[tuple]) -> int:
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                before = conn.total_changes
                conn.executemany(_INSERT, rows)
                added = conn.total_changes - before
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return added

    def _fall_back(self) -> None:
        kept = self.attempts() if self._readable() else []
        memory = Store(None, UNWRITABLE, self.wanted)
        memory.add(kept)
        self._memory, self.warning = memory._memory, UNWRITABLE

    def _readable(self) -> bool:
        try:
            self.attempts()
        except sqlite3.Error:
            return False
        return True

    def attempts(self) -> list[Attempt]:
        with self._connect() as conn:
            return [from_row(r) for r in conn.execute(_SELECT)]

    def count(self) -> int:
        with self._connect() as conn:
            return conn.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]


def open_store(path: str | Path | None = None) -> Store:
    """The store at ``path``, else ``$ACTLAB_DB``, else the per-user data directory.

    A directory named by the user is never created (a typo should not scatter databases);
    the default one is."""
    explicit = path if path is not None else os.environ.get(ENV_VAR) or None
    target = Path(explicit) if explicit else default_path()
    if not explicit:
        with contextlib.suppress(OSError):
            target.parent.mkdir(parents=True, exist_ok=True)
    if not target.parent.is_dir():
        return Store(None, MISSING_DIR, target)
    try:
        return Store(target)
    except (sqlite3.Error, OSError):
        return Store(None, UNWRITABLE, target)
