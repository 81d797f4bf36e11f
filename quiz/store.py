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
from collections.abc import Iterable
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
    """The history at ``path``, or in memory when ``path`` is None.

    One connection per store, shared by the threads of this process under a lock (each
    Streamlit session runs in its own thread); other processes have their own and wait on
    SQLite's lock. Keeping it open also keeps the WAL file, instead of checkpointing and
    deleting it after every answer."""

    def __init__(self, path: Path | None, warning: str | None = None,
                 wanted: Path | None = None):
        self.path = path
        self.warning = warning  # None, MISSING_DIR or UNWRITABLE
        self.wanted = wanted or path  # where the history was meant to be, for the warning
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(":memory:" if path is None else path,
                                     timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                     check_same_thread=False)
        try:
            if path is not None:
                self._conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
                self._conn.execute("PRAGMA journal_mode=WAL")
                self._conn.execute("PRAGMA synchronous=NORMAL")  # safe with WAL
            self._conn.executescript(_SCHEMA)
            self._conn.execute("BEGIN IMMEDIATE")  # proves we may write, before any answer
            self._conn.execute("ROLLBACK")
        except BaseException:
            self._conn.close()
            raise

    @property
    def in_memory(self) -> bool:
        return self.path is None

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
        with self._lock:
            conn = self._conn
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
        try:
            kept = self._select()
        except sqlite3.Error:
            kept = []
        memory = Store(None, UNWRITABLE, self.wanted)
        memory.add(kept)
        with self._lock:
            old, self._conn = self._conn, memory._conn
            self.path, self.warning = None, UNWRITABLE
        old.close()

    def _select(self) -> list[Attempt]:
        with self._lock:
            return [from_row(r) for r in self._conn.execute(_SELECT)]

    def attempts(self) -> list[Attempt]:
        """Every stored answer, oldest first (from memory if the file became unreadable)."""
        try:
            return self._select()
        except sqlite3.Error:
            self._fall_back()
            return self._select()

    # -- The mock exam in progress (issue 10). A minimal stand-in: one row under a constant
    # key. The per-learner store of issue 9 replaces this block with its own.
    _RUN_KEY = "current"

    def _runs(self) -> sqlite3.Connection:
        """The connection, with the runs table made if missing (call under the lock)."""
        self._conn.execute("CREATE TABLE IF NOT EXISTS runs (key TEXT PRIMARY KEY, state TEXT)")
        return self._conn

    def save_run(self, text: str) -> None:
        """Keep the mock exam in progress (JSON text), replacing any earlier one."""
        with self._lock:
            self._runs().execute("INSERT OR REPLACE INTO runs VALUES (?, ?)", (self._RUN_KEY, text))

    def load_run(self) -> str | None:
        with self._lock:
            row = self._runs().execute("SELECT state FROM runs WHERE key = ?",
                                       (self._RUN_KEY,)).fetchone()
        return row[0] if row else None

    def clear_run(self) -> None:
        with self._lock:
            self._runs().execute("DELETE FROM runs WHERE key = ?", (self._RUN_KEY,))

    # -- end of the mock-exam block

    def count(self) -> int:
        with self._lock:
            return self._conn.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]


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
