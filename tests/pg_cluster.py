"""A throwaway PostgreSQL cluster for the tests: ``initdb`` in a temporary directory, ``pg_ctl``
on a free loopback port, removed when stopped.

    with PgCluster() as cluster:
        url = cluster.create_database()     # postgresql://postgres@127.0.0.1:PORT/gw_…

The server refuses to run as root, so as root every server command runs as the ``postgres``
system user (``runuser``) in a directory that user owns. The cluster trusts connections from
127.0.0.1 without a password: it listens on loopback only and lives for one test run. fsync is
off: a test never survives a power cut, and it makes each test database cheap.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

SERVER_USER = "postgres"


class ClusterError(RuntimeError):
    pass


def server_bin() -> Path:
    """The directory of ``initdb`` and ``pg_ctl``: Debian's newest /usr/lib/postgresql/N/bin, else PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise ClusterError("PostgreSQL is not installed (no initdb): the gateway's PostgreSQL tests need it; "
                       "run scripts/setup.sh test, or apt-get install postgresql")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PgCluster:
    def __init__(self, *, durable: bool = False) -> None:
        """``durable`` keeps PostgreSQL's own fsync and synchronous commit (for benchmarks: what a
        real server pays for every commit); off, as for tests, commits are cheap."""
        self.durable = durable
        self.bin = server_bin()
        self.base = Path(tempfile.mkdtemp(prefix="jiaxian-pg-"))
        self.data = self.base / "data"
        self.log = self.base / "server.log"
        self.port = 0
        self._as_server: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam(SERVER_USER)
            os.chown(self.base, user.pw_uid, user.pw_gid)
            self._as_server = ["runuser", "-u", SERVER_USER, "--"]
        self.base.chmod(0o700)

    def __enter__(self) -> PgCluster:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self, *args: str, timeout: float = 60) -> None:
        done = subprocess.run([*self._as_server, *args], capture_output=True, text=True, timeout=timeout,
                              cwd=self.base)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise ClusterError(f"{Path(args[0]).name} failed ({done.returncode}): {done.stderr.strip()}\n{log}")

    def start(self) -> None:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        for attempt in range(3):
            self.port = _free_port()
            options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.base} "
                       "-c shared_buffers=32MB -c max_connections=200")
            if not self.durable:
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            try:
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                          "-o", options, "-w", "-t", "30", "start")
                return
            except ClusterError:
                if attempt == 2:
                    raise

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, prefix: str = "gw") -> str:
        """A new empty database; its URL."""
        import psycopg

        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def dump(self, url: str) -> bytes:
        """``pg_dump`` of the database at ``url``, plain SQL: what a backup of it holds."""
        done = subprocess.run([str(self.bin / "pg_dump"), "--no-owner", url], capture_output=True, timeout=60)
        if done.returncode != 0:
            raise ClusterError(f"pg_dump failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
        return done.stdout
