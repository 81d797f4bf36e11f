"""Versioned schema migrations for the answer history, run when a process opens the database.

The version lives in the table ``actlab_schema``. A database from before versioning (the
single-user ``attempts`` table of the first releases) counts as version 0 with its rows kept.
Each migration runs in the same transaction as the version bump, under a lock, so two app
processes starting together migrate once. Add a migration by appending a function.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .renamed_ids import RENAMED
from .tables import (
    LEGACY_LEARNER,
    answers,
    metadata,
    pairing_codes,
    pairing_fails,
    runs,
    schema_version,
)

# Any fixed number: PostgreSQL's advisory lock id for "migrating the history".
_PG_LOCK_ID = 0x61637469


def _v1_per_learner(conn: Connection) -> None:
    """Answers and the exam run in progress per learner. The old single-user table's rows
    become LEGACY_LEARNER's (claimed by the local learner), then the old table goes."""
    metadata.create_all(conn, tables=[answers, runs])
    inspector = sa.inspect(conn)
    if "attempts" not in inspector.get_table_names():
        return
    old = sa.Table("attempts", sa.MetaData(), autoload_with=conn)
    rows = conn.execute(sa.select(old.c.session_id, old.c.question_id, old.c.theme,
                                  old.c.correct, old.c.answer, old.c.answered_at)).all()
    if rows:
        conn.execute(answers.insert(), [
            {"learner": LEGACY_LEARNER, "session_id": r[0], "question_id": r[1], "theme": r[2],
             "correct": bool(r[3]), "answer": r[4], "answered_at": r[5], "rating": None}
            for r in rows])
    old.drop(conn)


def _v2_renamed_question_ids(conn: Connection) -> None:
    """Questions whose ids stated their answer were renamed: their answers follow them."""
    for old, new in RENAMED.items():
        conn.execute(answers.update().where(answers.c.question_id == old)
                     .values(question_id=new))


def _v3_pairing(conn: Connection) -> None:
    """One-time codes that make a second browser the same learner (quiz/pairing.py)."""
    metadata.create_all(conn, tables=[pairing_codes, pairing_fails])


MIGRATIONS: list[Callable[[Connection], None]] = [
    _v1_per_learner, _v2_renamed_question_ids, _v3_pairing]
LATEST = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    if not sa.inspect(conn).has_table(schema_version.name):
        return 0
    return conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0


def migrate(conn: Connection) -> int:
    """Bring the schema to LATEST inside the caller's transaction; returns the old version."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": _PG_LOCK_ID})
    before = current_version(conn)
    if before > LATEST:
        raise RuntimeError(f"history schema {before} is newer than this app ({LATEST})")
    metadata.create_all(conn, tables=[schema_version])
    for version in range(before + 1, LATEST + 1):
        MIGRATIONS[version - 1](conn)
        conn.execute(schema_version.insert().values(version=version))
    return before
