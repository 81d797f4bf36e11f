"""The history's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Every row belongs to one learner: ``learner`` is an opaque key (a hash of the browser's
random id, or of the login's issuer and subject), never shown and never in a URL. Times are
ISO text in UTC with microseconds (``attempt.stamp``), so the de-duplicating key is the same
text on every database and in the CSV.
"""

from __future__ import annotations

import sqlalchemy as sa

# The rows of a history file written before learners existed; see migrations._v1_per_learner.
LEGACY_LEARNER = "legacy:local"

metadata = sa.MetaData()

schema_version = sa.Table(
    "actlab_schema", metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
)

answers = sa.Table(
    "answers", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("learner", sa.String(80), nullable=False),
    sa.Column("session_id", sa.String(80), nullable=False),
    sa.Column("question_id", sa.String(120), nullable=False),
    sa.Column("theme", sa.String(40), nullable=False),
    sa.Column("correct", sa.Boolean, nullable=False),
    sa.Column("answer", sa.Text, nullable=False),
    sa.Column("answered_at", sa.String(40), nullable=False),
    sa.Column("rating", sa.SmallInteger, nullable=True),
    sa.UniqueConstraint("learner", "session_id", "question_id", "answered_at",
                        name="answers_once"),
    sa.Index("answers_by_learner", "learner", "answered_at"),
)

# One mock exam in progress per learner (its JSON), so a reload returns to it.
runs = sa.Table(
    "runs", metadata,
    sa.Column("learner", sa.String(80), primary_key=True),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
)

# Pairing two browsers into one learner (quiz/pairing.py): a live code's row, keyed by a slow
# hash of the code, holds the first browser's id sealed with another part of that hash.
pairing_codes = sa.Table(
    "pairing_codes", metadata,
    sa.Column("lookup", sa.String(64), primary_key=True),
    sa.Column("learner", sa.String(80), nullable=False),
    sa.Column("sealed", sa.String(32), nullable=False),  # "" once used or expired
    sa.Column("expires_at", sa.String(40), nullable=False),
    sa.Column("used_at", sa.String(40), nullable=True),
)

# Failed tries at a code, per source (a hash of the session or the client's address).
pairing_fails = sa.Table(
    "pairing_fails", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.String(64), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Index("pairing_fails_by_source", "source", "at"),
)
