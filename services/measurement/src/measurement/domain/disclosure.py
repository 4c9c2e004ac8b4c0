"""Which figures of one indicator's period are hidden from viewers (small-cell protection).

Every figure the API can show for a period is a *node*: one cell (a disaggregation such as
``race=black``, or '' for the total) for every place or one geography, and for every
reporting organization or one. Nodes are tied by sums an outsider can write down:

- a node for every place is the sum of its geographies' nodes (likewise organizations);
- a node is the sum of its cells one dimension further down (``race=black`` is the sum of
  ``race=black;income=low`` and ``race=black;income=high``), when that breakdown is
  reported at all (options without data count as zero, as an outsider would assume);
- a cell not reported in one place by one organization is *derived* there from the cells
  that break it down (``measurement.domain.derivation``), and is tied to them by the
  indicator's rule: derived totals are figures like any other.

A node whose count (its denominator, or its value for counts) is below the minimum is
hidden (primary suppression). Then every hidden node is checked, by Gaussian elimination
over all those sums, for whether the visible nodes determine it; while one is determined,
one more node is hidden (complementary suppression), the smallest of those that gave it
away. The check is repeated as each reporting organization would make it, knowing its own
figures, so no partner can back out another's either. The decision depends on the whole
period's data, never on one request's filters, so every view applies the same one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from measurement.domain.cells import cell_key
from measurement.domain.derivation import breakdown, coarser

PRIME = (1 << 61) - 1
"""Elimination runs modulo this prime: a node determined over the rationals is determined
modulo the prime too, so the check can only err towards hiding more."""


@dataclass(frozen=True, slots=True)
class Node:
    """One figure the API can show: ``None`` for geography or organization means all."""

    cell: str
    geography: str | None
    organization: str | None

    @property
    def key(self) -> tuple[str, bool, str, bool, str]:
        """A total order (None, for all, sorts first)."""
        return (self.cell, self.geography is not None, self.geography or "",
                self.organization is not None, self.organization or "")

    @property
    def published(self) -> bool:
        """Viewers see figures for all reporting organizations only; one organization's
        figures are shown to that organization alone, which knows them anyway."""
        return self.organization is None


@dataclass(frozen=True, slots=True)
class Report:
    """One approved observation: its key, its count and its rank for the ``latest`` rule."""

    disaggregation: Mapping[str, str]
    geography: str
    organization: str
    count: float | None
    order: tuple[float, str] = (0.0, "")


class Combine(StrEnum):
    """How a node's count follows from its reports."""

    SUM = "sum"
    MEAN = "mean"
    LATEST = "latest"


Relation = dict[Node, int]
"""A linear equation between nodes: the coefficients of a sum that equals zero."""


class Lattice:
    """The nodes of one period with their counts, and the sums that tie them.

    Nodes made of the same reports show the same figure (a cell reported in one geography
    only is the same for that geography and for all places), so they are decided as one:
    the lattice works on one representative per such class.
    """

    def __init__(self, reports: Sequence[Report], combine: Combine) -> None:
        members: dict[Node, list[int]] = defaultdict(list)
        self.cells: dict[str, Mapping[str, str]] = {}
        derived: dict[Node, list[Node]] = {}
        units: dict[tuple[str, str], list[int]] = defaultdict(list)
        for number, report in enumerate(reports):
            units[(report.geography, report.organization)].append(number)
        for (geography, organization), numbers in units.items():
            for cell, fed_by, parts in self._unit_cells([reports[i] for i in numbers]):
                made = [numbers[i] for i in fed_by]
                if parts:
                    derived[Node(cell, geography, organization)] = [
                        Node(part, geography, organization) for part in parts]
                for g in (geography, None):
                    for o in (organization, None):
                        members[Node(cell, g, o)].extend(made)
        classes: dict[tuple[int, ...], list[Node]] = defaultdict(list)
        for node, numbers in members.items():
            numbers.sort()
            classes[tuple(numbers)].append(node)
        self.reports = reports
        self.members: dict[Node, list[Report]] = {}
        self.classes: dict[Node, list[Node]] = {}
        self.representative: dict[Node, Node] = {}
        for shared, nodes in classes.items():
            # A published node represents its class, so the class is shown or hidden as one.
            rep = min(nodes, key=lambda n: (not n.published, n.key))
            self.classes[rep] = nodes
            self.members[rep] = [reports[i] for i in shared]
            for node in nodes:
                self.representative[node] = rep
        self.counts = {node: _count(rs, combine) for node, rs in self.members.items()}
        self.relations: list[Relation] = []
        seen: set[frozenset[tuple[Node, int]]] = set()
        for relation in (*self._place_sums(members, combine), *self._dimension_sums(members),
                         *(_tie(node, parts, members, self.reports, combine)
                           for node, parts in derived.items())):
            merged: dict[Node, int] = defaultdict(int)
            for node, coefficient in relation.items():
                merged[self.representative[node]] += coefficient
            kept = {n: c for n, c in merged.items() if c}
            if kept and (signature := frozenset(kept.items())) not in seen:
                seen.add(signature)
                self.relations.append(kept)

    def _unit_cells(self, reports: Sequence[Report]
                    ) -> Iterable[tuple[str, list[int], list[str]]]:
        """The cells of one place and organization: each reported one with its reports, and
        each derived one with the reports it is derived from and the cells they are."""
        reported: dict[str, list[int]] = defaultdict(list)
        for number, report in enumerate(reports):
            cell = cell_key(report.disaggregation)
            self.cells[cell] = report.disaggregation
            reported[cell].append(number)
        for cell, numbers in reported.items():
            yield cell, numbers, []
        wanted = {cell_key(c): c for r in reports for c in coarser(r.disaggregation)}
        for cell, disaggregation in wanted.items():
            parts = breakdown(disaggregation, [self.cells[c] for c in reported])
            if parts is None:
                continue
            self.cells[cell] = disaggregation
            names = [cell_key(part) for part in parts]
            yield cell, [n for name in names for n in reported[name]], names

    def own(self, organization: str) -> set[Node]:
        """The nodes made only of one organization's reports: it knows them already."""
        return {n for n, rs in self.members.items()
                if all(r.organization == organization for r in rs)}

    def expand(self, nodes: Iterable[Node]) -> set[Node]:
        """Every published node that shows the same figure as one of ``nodes``."""
        return {n for rep in nodes for n in self.classes[rep] if n.published}

    def _place_sums(self, members: Mapping[Node, list[int]], combine: Combine
                    ) -> Iterable[Relation]:
        """Nodes for all places (organizations) against those for each one."""
        seen: dict[tuple[str, str], set[str]] = defaultdict(set)
        for node in members:
            if node.geography is not None:
                seen[(node.cell, "geography")].add(node.geography)
            if node.organization is not None:
                seen[(node.cell, "organization")].add(node.organization)
        for node in members:
            for axis in ("geography", "organization"):
                if getattr(node, axis) is not None:
                    continue
                parts = [part for value in sorted(seen[(node.cell, axis)])
                         if (part := _replace(node, axis, value)) in members]
                if len(parts) < 2:
                    continue  # the same reports: the same class
                yield _tie(node, parts, members, self.reports, combine)

    def _dimension_sums(self, members: Mapping[Node, list[int]]) -> Iterable[Relation]:
        """A node against its breakdown by one more dimension (as an outsider assumes)."""
        children: dict[tuple[Node, str], list[Node]] = defaultdict(list)
        for node in members:
            for dimension in self.cells[node.cell]:
                rest = {d: o for d, o in self.cells[node.cell].items() if d != dimension}
                parent = Node(cell_key(rest), node.geography, node.organization)
                if parent in members:
                    children[(parent, dimension)].append(node)
        for (parent, _), nodes in children.items():
            yield {parent: 1, **{n: -1 for n in nodes}}


def _tie(node: Node, parts: Sequence[Node], members: Mapping[Node, list[int]],
         reports: Sequence[Report], combine: Combine) -> Relation:
    """A node against the parts its reports are divided into, by the combining rule."""
    if combine is Combine.LATEST:
        newest = max(parts, key=lambda n: max(reports[i].order for i in members[n]))
        return {node: 1, newest: -1}
    mean = combine is Combine.MEAN
    relation = {node: len(members[node]) if mean else 1}
    for part in parts:
        relation[part] = -(len(members[part]) if mean else 1)
    return relation


def _replace(node: Node, axis: str, value: str) -> Node:
    if axis == "geography":
        return Node(node.cell, value, node.organization)
    return Node(node.cell, node.geography, value)


def _count(reports: Sequence[Report], combine: Combine) -> float | None:
    counts = [r.count for r in reports]
    if any(c is None for c in counts):
        return None
    known = [c for c in counts if c is not None]
    if combine is Combine.LATEST:
        return max(reports, key=lambda r: r.order).count
    total = sum(known)
    return total / len(known) if combine is Combine.MEAN else total


def _key(node: Node) -> tuple[str, bool, str, bool, str]:
    return node.key


def primary(counts: Mapping[Node, float | None], minimum: int) -> set[Node]:
    """Nodes with a known count below the minimum (zero reveals nobody and stays)."""
    return {n for n, c in counts.items() if c is not None and 0 < c < minimum}


def decide(lattice: Lattice, minimum: int) -> set[Node]:
    """The published nodes to hide so that no hidden or small one can be worked out."""
    sensitive = primary(lattice.counts, minimum)
    hidden = {n for n in sensitive if n.published}
    unpublished = {n for n in lattice.counts if not n.published}
    organizations = sorted({r.organization for r in lattice.reports} - {""})
    audits: list[set[Node]] = [set(), *(lattice.own(o) for o in organizations)]
    tolerated: set[tuple[int, Node]] = set()
    while True:
        for number, known in enumerate(audits):
            unknown = (hidden | unpublished) - known
            # Viewers may work out no hidden figure; an insider no small one but its own.
            targets = (hidden | (sensitive & unpublished)) if not known else sensitive - known
            exposures = [(node, given) for node, given in _exposed(
                lattice, unknown, targets, known) if (number, node) not in tolerated]
            if exposures:
                break
        else:
            return lattice.expand(hidden)
        # One elimination finds every exposure: break each with one more hidden node
        # (one already chosen in this round may break several).
        chosen: set[Node] = set()
        for node, given in exposures:
            if not given:
                # Only the insider's own figures tie it down: it learns nothing new.
                tolerated.add((number, node))
            elif not chosen & set(given):
                chosen.add(min(given, key=lambda n: (lattice.counts.get(n) or 0.0, n.key)))
        hidden |= chosen


def _exposed(lattice: Lattice, unknown: set[Node], targets: set[Node], known: set[Node]
             ) -> list[tuple[Node, list[Node]]]:
    """The targets that the relations determine, each with the shown nodes it is worked
    out from (hiding one of those breaks that way of working it out)."""
    if not targets:
        return []
    # Pivoting on the nodes in fewest sums first keeps the elimination sparse.
    degree: dict[Node, int] = defaultdict(int)
    for relation in lattice.relations:
        for n in relation:
            if n in unknown:
                degree[n] += 1
    columns = sorted(unknown, key=lambda n: (degree[n], n.key))
    index = {n: i for i, n in enumerate(columns)}
    shown: list[Node] = []
    for relation in lattice.relations:
        if any(n in index for n in relation):
            for n in relation:
                if n not in index and n not in known and n.published:
                    index[n] = len(columns) + len(shown)
                    shown.append(n)
    rows = [{index[n]: c % PRIME for n, c in relation.items() if n in index}
            for relation in lattice.relations if any(n in unknown for n in relation)]
    out = []
    for column, row in sorted(_isolated(rows, len(columns)).items()):
        if columns[column] in targets:
            out.append((columns[column], [shown[c - len(columns)] for c in row
                                          if c >= len(columns)]))
    return out


def _isolated(rows: list[dict[int, int]], unknowns: int) -> dict[int, dict[int, int]]:
    """Gaussian elimination (sparse, modulo ``PRIME``) on the first ``unknowns`` columns;
    the later columns ride along. Returns, per unknown column that some combination of
    the rows isolates, that combination (its column and the later columns it uses)."""
    pivots: dict[int, dict[int, int]] = {}
    for row in rows:
        row = dict(row)
        for column in [c for c in row if c < unknowns and c in pivots]:
            if column in row:
                _eliminate(row, pivots[column], column)
        leading = [c for c in row if c < unknowns]
        if not leading:
            continue
        column = min(leading)
        inverse = pow(row[column], PRIME - 2, PRIME)
        row = {c: v * inverse % PRIME for c, v in row.items()}
        for other in pivots.values():
            if column in other:
                _eliminate(other, row, column)
        pivots[column] = row
    return {column: row for column, row in pivots.items()
            if sum(c < unknowns for c in row) == 1}


def _eliminate(row: dict[int, int], pivot_row: dict[int, int], column: int) -> None:
    factor = row[column]
    for c, v in pivot_row.items():
        updated = (row.get(c, 0) - factor * v) % PRIME
        if updated:
            row[c] = updated
        else:
            row.pop(c, None)
