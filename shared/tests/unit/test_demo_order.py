"""Demo loaders run in port order, each after the services its ``demo_after`` names."""

from __future__ import annotations

from pathlib import Path

import pytest

from backbone.service import ServiceSpec, in_demo_order


def _spec(name: str, port: int, *after: str) -> ServiceSpec:
    return ServiceSpec(name=name, port=port, app="", migrations=Path(), events="",
                       demo_after=after)


def test_port_order_unless_a_demo_needs_another_first() -> None:
    specs = [_spec("agenda", 1), _spec("measurement", 2), _spec("activities", 3, "people"),
             _spec("people", 4, "agenda", "absent")]
    assert [s.name for s in in_demo_order(specs)] == ["agenda", "measurement", "people",
                                                      "activities"]


def test_a_loop_is_refused() -> None:
    with pytest.raises(ValueError, match="loop"):
        in_demo_order([_spec("a", 1, "b"), _spec("b", 2, "a")])
