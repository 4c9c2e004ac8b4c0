"""The demo network, loaded through the public APIs (so it also exercises them)."""

from __future__ import annotations

from backbone.devstack.demo.agenda import load_agenda
from backbone.devstack.demo.measurement import load_measurement


def load_demo(urls: dict[str, str], token: str) -> None:
    partnership = load_agenda(urls["agenda"], token)
    if "measurement" in urls:
        load_measurement(urls["measurement"], token, partnership)
