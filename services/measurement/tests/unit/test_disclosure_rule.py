"""Small-cell decisions, checked as an attacker would check them.

The attacker here is independent of the implementation: it writes every shown figure as
a sum of the finest reported cells (exact rational arithmetic) and tests whether a hidden
figure is such a combination of shown ones, i.e. whether subtraction recovers it.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backbone.subtraction import recoverable
from measurement.domain.disclosure import Combine, Lattice, Node, Report, decide, primary

RACES = ("asian", "black", "latino", "white")


def table(counts: dict[tuple[str, str, str], int], totals: bool = True) -> list[Report]:
    """Reports for each (race, geography, organization) and, unless ``totals`` is False
    (then the totals are derived), the totals each organization reports per geography: a
    consistent table with margins."""
    reports = [Report({"race": r}, g, o, n) for (r, g, o), n in counts.items()]
    for g, o in {(g, o) for (_, g, o) in counts} if totals else ():
        total = sum(n for (_, g2, o2), n in counts.items() if (g2, o2) == (g, o))
        reports.append(Report({}, g, o, total))
    return reports


def atoms_of(node: Node, counts: dict[tuple[str, str, str], int]) -> set[int]:
    """The finest cells a shown figure adds up (its race, or all races for the total)."""
    keys = list(counts)
    return {i for i, (r, g, o) in enumerate(keys)
            if (node.cell in ("", f"race={r}")) and node.geography in (None, g)
            and node.organization in (None, o)}


def shown_figures(reports: list[Report]) -> list[Node]:
    geographies = sorted({r.geography for r in reports})
    cells = ["", *(f"race={r}" for r in RACES)]
    return [Node(c, g, None) for c in cells for g in [None, *geographies]]


def attack(counts: dict[tuple[str, str, str], int], minimum: int, totals: bool = True
           ) -> list[Node]:
    """The hidden figures an outsider recovers, and the small ones an insider recovers."""
    reports = table(counts, totals)
    lattice = Lattice(reports, Combine.SUM)
    hidden = decide(lattice, minimum)
    figures = [n for n in shown_figures(reports) if atoms_of(n, counts)]
    shown = [atoms_of(n, counts) for n in figures if n not in hidden]
    found = [n for n in figures if n in hidden and recoverable(atoms_of(n, counts), shown)]
    keys = list(counts)
    for organization in sorted({o for (_, _, o) in counts}):
        own = [{i} for i, key in enumerate(keys) if key[2] == organization]
        small = [{i} for i, key in enumerate(keys)
                 if key[2] != organization and 0 < counts[key] < minimum]
        found += [Node("insider", organization, str(sorted(s))) for s in small
                  if recoverable(s, [*shown, *own])]
    return found


@pytest.mark.parametrize("totals", [True, False], ids=["reported-total", "derived-total"])
def test_one_small_group_takes_the_next_smallest_with_it(totals: bool) -> None:
    # 826 in all; Asian 6 is small. Hiding Asian alone, 826 - 120 - 300 - 400 gives it away,
    # whether the 826 was reported or is derived from the groups.
    counts = {("asian", "", "o"): 6, ("black", "", "o"): 120, ("latino", "", "o"): 300,
              ("white", "", "o"): 400}
    lattice = Lattice(table(counts, totals), Combine.SUM)
    assert lattice.counts[Node("", None, None)] == 826
    hidden = decide(lattice, 10)
    assert hidden == {Node("race=asian", None, None), Node("race=asian", "", None),
                      Node("race=black", None, None), Node("race=black", "", None)}
    assert attack(counts, 10, totals) == []


def test_a_derived_total_of_one_small_group_is_as_small() -> None:
    # Only one group reported: the total is that group, and hidden with it.
    hidden = decide(Lattice([Report({"race": "asian"}, "", "o", 4)], Combine.SUM), 10)
    assert {Node("", None, None), Node("race=asian", None, None)} <= hidden


def test_cross_classified_cells_give_every_margin_and_keep_it_safe() -> None:
    # Race x income only: the total and both one-dimension breakdowns are derived.
    cells = {("asian", "low"): 3, ("asian", "high"): 20, ("black", "low"): 40,
             ("black", "high"): 35, ("white", "low"): 50, ("white", "high"): 60}
    reports = [Report({"race": r, "income": i}, "", "o", n) for (r, i), n in cells.items()]
    lattice = Lattice(reports, Combine.SUM)
    assert lattice.counts[Node("", None, None)] == 208
    assert lattice.counts[Node("race=asian", None, None)] == 23
    assert lattice.counts[Node("income=low", None, None)] == 93
    hidden = decide(lattice, 10)
    keys = list(cells)

    def atoms(node: Node) -> set[int]:
        fixed = dict(pair.split("=") for pair in node.cell.split(";") if pair)
        return {n for n, (r, i) in enumerate(keys)
                if fixed.get("race", r) == r and fixed.get("income", i) == i}

    nodes = {n for n in lattice.counts if n.organization is None and n.geography is None}
    shown = [atoms(n) for n in nodes if n not in hidden]
    assert Node("income=low;race=asian", None, None) in hidden
    assert not recoverable({keys.index(("asian", "low"))}, shown)
    assert all(not recoverable(atoms(n), shown) for n in nodes & hidden)


def test_a_place_filter_cannot_undo_what_the_totals_hide() -> None:
    # The probe's attack: the complement hidden among all places was shown for one place.
    counts = {("asian", "north", "o"): 4, ("black", "north", "o"): 40,
              ("latino", "north", "o"): 50, ("white", "north", "o"): 60,
              ("asian", "south", "o"): 30, ("black", "south", "o"): 35,
              ("latino", "south", "o"): 45, ("white", "south", "o"): 55}
    hidden = decide(Lattice(table(counts), Combine.SUM), 10)
    assert Node("race=asian", "north", None) in hidden
    # Asian is 34 in all: shown with the south's 30, it would give the north's 4 away.
    assert {Node("race=asian", None, None), Node("race=asian", "south", None)} & hidden
    assert attack(counts, 10) == []


def test_a_partner_cannot_subtract_itself_from_a_shared_total() -> None:
    # Two partners serve Asian students; one has 3. The other knows its own 40.
    counts = {("asian", "", "a"): 40, ("asian", "", "b"): 3, ("black", "", "a"): 70,
              ("black", "", "b"): 80, ("white", "", "a"): 90, ("white", "", "b"): 95}
    hidden = decide(Lattice(table(counts), Combine.SUM), 10)
    assert Node("race=asian", None, None) in hidden
    assert attack(counts, 10) == []


def test_zero_and_unknown_counts_are_not_small() -> None:
    counts = {Node("a", None, None): 3.0, Node("b", None, None): 0.0,
              Node("c", None, None): None, Node("d", None, None): 9.5}
    assert primary(counts, 10) == {Node("a", None, None), Node("d", None, None)}


def test_the_latest_rule_ties_a_place_to_the_newest_report() -> None:
    reports = [Report({}, "north", "o", 4, (2.0, "b")), Report({}, "south", "o", 50, (1.0, "a"))]
    lattice = Lattice(reports, Combine.LATEST)
    assert lattice.counts[Node("", None, None)] == 4
    assert Node("", None, None) in decide(lattice, 10)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([0, 2, 5, 12, 30, 80]), min_size=16, max_size=16),
       st.integers(1, 2), st.integers(1, 3), st.booleans())
def test_no_combination_of_shown_figures_recovers_a_hidden_one(
    values: list[int], geographies: int, organizations: int, totals: bool
) -> None:
    keys = list(itertools.product(RACES, ["north", "south"][:geographies],
                                  ["a", "b", "c"][:organizations]))
    counts = dict(zip(keys, itertools.cycle(values), strict=False))
    assert attack(counts, 10, totals) == []
