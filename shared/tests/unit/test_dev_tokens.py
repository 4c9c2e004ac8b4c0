"""``backbone token``: signed with the stack's secret, a new caller per token."""

from __future__ import annotations

from pathlib import Path

import jwt
import pytest

from backbone.cli import main
from backbone.devstack.infra import stack_secret


def _mint(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    main(["token", *args])
    token = capsys.readouterr().out.strip()
    return jwt.decode(token, options={"verify_signature": False})


def test_each_token_is_its_own_caller_unless_one_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BACKBONE_JWT_SECRET", raising=False)
    secret = stack_secret(tmp_path)
    assert (tmp_path / "jwt-secret").stat().st_mode & 0o077 == 0
    first = _mint(capsys, "--data-dir", str(tmp_path))
    second = _mint(capsys, "--data-dir", str(tmp_path))
    assert first["sub"] != second["sub"]
    named = _mint(capsys, "--data-dir", str(tmp_path), "--sub", "ana")
    assert named["sub"] == "ana"
    main(["token", "--data-dir", str(tmp_path)])
    jwt.decode(capsys.readouterr().out.strip(), secret, algorithms=["HS256"],
               audience="backbone")


def test_no_secret_no_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BACKBONE_JWT_SECRET", raising=False)
    with pytest.raises(SystemExit, match="No secret"):
        main(["token", "--data-dir", str(tmp_path)])
