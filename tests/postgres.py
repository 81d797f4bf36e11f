"""A real PostgreSQL server for the store's tests.

``$ACTLAB_TEST_PG_URL`` names one (.ci/run starts Debian's cluster and sets it); otherwise,
where Debian's postgresql binaries are installed, a private throwaway cluster is started in
a temp directory. Each test gets a database of its own. Without either, the tests skip with
the reason.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid

import pytest

ENV = "ACTLAB_TEST_PG_URL"


def _bindir() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def private_cluster():
    """initdb + pg_ctl start on a free loopback port, in a temp dir that is removed after;
    as the postgres user when root (PostgreSQL refuses to run as root)."""
    with tempfile.TemporaryDirectory(prefix="actlab-pg-") as tmp_dir, _cluster(tmp_dir) as url:
        yield url


@contextlib.contextmanager
def _cluster(tmp_dir: str):
    bindir = _bindir()
    if bindir is None:
        pytest.skip(f"no PostgreSQL server: set {ENV} or apt-get install postgresql")
    as_user = []
    data = os.path.join(tmp_dir, "pgdata")
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            pytest.skip("running as root without runuser: cannot start PostgreSQL")
        as_user = ["runuser", "-u", "postgres", "--"]
        os.chmod(tmp_dir, 0o755)
        os.makedirs(data, mode=0o700)
        shutil.chown(data, "postgres", "postgres")
    subprocess.run([*as_user, f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "actlab",
                    "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
    port = _free_port()
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run([*as_user, f"{bindir}/pg_ctl", "-D", data, "-l", f"{data}/log", "-w",
                    "-o", options, "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://actlab@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"],
                       capture_output=True)


def fresh_database(server_url: str) -> str:
    """A new empty database on the server; its URL in the plain form services hand out."""
    import sqlalchemy as sa

    from quiz.db_url import normalize

    name = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(normalize(server_url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def query(url: str, sql: str) -> list[tuple]:
    """The rows one query reads from the database at ``url`` (as the app's servers see it)."""
    import sqlalchemy as sa

    from quiz.db_url import normalize

    engine = sa.create_engine(normalize(url))
    with engine.connect() as conn:
        rows = [tuple(row) for row in conn.exec_driver_sql(sql)]
    engine.dispose()
    return rows
