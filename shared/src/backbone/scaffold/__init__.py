"""``backbone new-service NAME``: a working service skeleton, generated rather than copied.

The skeleton (``template/``) is a package with a sample resource inside initiatives, its
events, migrations, the agenda read model with one reaction of its own, a demo loader and
tests. :func:`new_service` writes it under ``services/NAME`` and registers the service in
the workspace, docker-compose and the Helm chart (``registration``); the caller then
refreshes the lock file (``uv lock``), as the CLI does.
"""

from __future__ import annotations

import re
from pathlib import Path

from backbone.scaffold import registration

TEMPLATE = Path(__file__).parent / "template"
NAME = re.compile(r"[a-z][a-z0-9]{1,29}")


class ScaffoldError(Exception):
    """The service cannot be generated as asked (bad name or port, or it exists)."""


def _target(root: Path, name: str, template_file: Path) -> Path:
    relative = template_file.relative_to(TEMPLATE).with_suffix("")  # drop ".tmpl"
    top, *rest = relative.parts
    service = root / "services" / name
    if top == "src":
        return service / "src" / name / Path(*rest)
    return service / relative


def new_service(root: Path, name: str, port: int) -> list[Path]:
    """Write the service ``name`` (listening on ``port`` in the embedded stack) into the
    repository at ``root``; returns the files written."""
    if not NAME.fullmatch(name):
        raise ScaffoldError(f"{name!r}: a service name is 2-30 lowercase letters and digits, "
                            "starting with a letter (it names the package and the topic)")
    if (root / "services" / name).exists():
        raise ScaffoldError(f"services/{name} exists already")
    taken = registration.taken_ports(root)
    if port in taken:
        raise ScaffoldError(f"port {port} is taken by {taken[port]}")
    written = []
    for template_file in sorted(TEMPLATE.rglob("*.tmpl")):
        target = _target(root, name, template_file)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = template_file.read_text().replace("{{name}}", name).replace("{{port}}", str(port))
        target.write_text(text)
        written.append(target)
    registration.register(root, name, port)
    return written
