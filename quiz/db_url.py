"""Where the history lives: a database URL (a shared deployment) or an SQLite file (the
embedded default), from the environment or the app's secrets.

Order: ``$ACTLAB_DB_URL``, then ``[connections.history] url`` in secrets, then the SQLite
file ``$ACTLAB_DB``, then ``history.sqlite3`` in the per-user data directory.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

ENV_URL = "ACTLAB_DB_URL"
ENV_PATH = "ACTLAB_DB"
# The plain postgresql:// URL a managed service hands out, and Heroku's postgres://, name no
# driver; SQLAlchemy would pick psycopg2. The project installs psycopg 3.
_POSTGRES_NAMES = {"postgres", "postgresql", "postgresql+psycopg2"}


def default_path() -> Path:
    return platformdirs.user_data_path("activation-lab", appauthor=False) / "history.sqlite3"


def normalize(url: str) -> URL:
    """The URL as SQLAlchemy should use it; raises ValueError when it is not a URL."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError as error:
        raise ValueError(str(error)) from None
    if parsed.drivername in _POSTGRES_NAMES:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def sqlite_path(explicit: str | None) -> tuple[Path, bool]:
    """The SQLite file and whether its directory exists. A directory the user named is never
    created (a typo should not scatter databases); the default one is."""
    target = Path(explicit) if explicit else default_path()
    if not explicit:
        with contextlib.suppress(OSError):
            target.parent.mkdir(parents=True, exist_ok=True)
    return target, target.parent.is_dir()


def configured_url(secret_url: str | None, environ=os.environ) -> str | None:
    """The database URL of a shared deployment, if one is configured."""
    return (environ.get(ENV_URL) or "").strip() or (secret_url or "").strip() or None
