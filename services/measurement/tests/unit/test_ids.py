"""Observation ids drawn in bulk are still random version-4 UUIDs, never repeated."""

from __future__ import annotations

import itertools

from measurement.service.row_checks import new_ids


def test_ids_are_unique_version_4_across_refills() -> None:
    ids = list(itertools.islice(new_ids(), 2500))  # more than two draws of randomness
    assert len(set(ids)) == 2500
    assert {i.version for i in ids} == {4}
    assert {i.variant for i in ids} == {"specified in RFC 4122"}
