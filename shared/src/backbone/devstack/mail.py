"""The embedded stack's mail server: a real SMTP server (aiosmtpd) on loopback that keeps
every message in a Maildir folder and says in the stack's output whom it was for."""

from __future__ import annotations

from email.message import Message
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox

from backbone.devstack.ports import free_port


class _Kept(Mailbox):
    def handle_message(self, message: Message) -> None:
        super().handle_message(message)
        print(f"mail to {message['To']}: {message['Subject']} (in {self.mail_dir})",
              flush=True)


def start_mail_server(folder: Path) -> tuple[Controller, int]:
    """Listening on a free loopback port until ``stop()``; the port is returned."""
    folder.parent.mkdir(parents=True, exist_ok=True)  # the Maildir makes its own folders
    port = free_port()
    controller = Controller(_Kept(folder), hostname="127.0.0.1", port=port)
    controller.start()
    return controller, port
