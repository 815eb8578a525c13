"""A throwaway PostgreSQL server for the tests: initdb in a temporary folder, loopback only.

Uses $DYAD_TEST_POSTGRES (a URL to a server you run) when set. Otherwise finds
Debian's server binaries (/usr/lib/postgresql/*/bin, or initdb on PATH) and
starts a private cluster on a free port with trust authentication, listening
on 127.0.0.1 and a socket in the temporary folder. PostgreSQL refuses to run
as root, so as root the cluster belongs to the `postgres` (or `nobody`) user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class Unavailable(Exception):
    """Why no server could be started (the tests skip with this message)."""


@dataclass
class Server:
    url: str  # postgresql://user@127.0.0.1:port/postgres
    stop: object = None


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise Unavailable("PostgreSQL server binaries not found (apt-get install postgresql, "
                      "or set DYAD_TEST_POSTGRES to a server's URL)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as() -> tuple[list[str], int | None, int | None]:
    """The command prefix (runuser as root) and the uid/gid to own the cluster."""
    if os.geteuid() != 0:
        return [], None, None
    runuser = shutil.which("runuser")
    for name in ("postgres", "nobody"):
        try:
            user = pwd.getpwnam(name)
        except KeyError:
            continue
        if runuser:
            return [runuser, "-u", name, "--"], user.pw_uid, user.pw_gid
    raise Unavailable("running as root without runuser or a postgres/nobody user to run "
                      "PostgreSQL as")


def start() -> Server:
    """A running server, or Unavailable with the reason."""
    given = os.environ.get("DYAD_TEST_POSTGRES")
    if given:
        return Server(given)
    bindir = _bin_dir()
    prefix, uid, gid = _run_as()
    root = Path(tempfile.mkdtemp(prefix="dyad-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if uid is not None:
        for p in (root, sock):
            os.chown(p, uid, gid or -1)
    os.chmod(root, 0o700)
    port = _free_port()

    def run(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, *args], capture_output=True, text=True,
                              timeout=timeout, cwd=root)

    init = run(str(bindir / "initdb"), "-D", str(data), "-U", "dyad", "--auth=trust",
               "-E", "UTF8", "--locale=C")
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise Unavailable(f"initdb failed: {init.stderr.strip().splitlines()[-1:]}")
    options = (f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")
    up = run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
             str(root / "log"), "-w", "-t", "60", "start")
    if up.returncode != 0:
        log = (root / "log").read_text(errors="replace") if (root / "log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise Unavailable(f"pg_ctl start failed: {(up.stderr or log).strip()[-300:]}")

    def stop() -> None:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop",
            timeout=60)
        shutil.rmtree(root, ignore_errors=True)

    return Server(f"postgresql://dyad@127.0.0.1:{port}/postgres", stop)


def create_schema(server: Server, name: str) -> str:
    """A fresh, empty schema on the server; a URL whose connections use it.

    A schema per test is far quicker than a database per test and just as separate.
    """
    import psycopg

    with psycopg.connect(server.url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{name}"')
    separator = "&" if "?" in server.url else "?"
    return f"{server.url}{separator}options=-csearch_path%3D{name}"
