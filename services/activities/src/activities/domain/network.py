"""The network of who works with whom, and its shape (computed with networkx).

Two organizations are tied when they take part in the same activity (leading it or
contributing to it in any role), or when activities they lead are linked as reinforcing or
depending on one another. An organization's *degree* is how many organizations it is tied
to, its *betweenness* the share of shortest paths between two other organizations that run
through it (normalised, 0 to 1: a broker between otherwise separate groups scores high),
and an *isolate* is an organization of the initiative tied to nobody.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

TIES = frozenset({"reinforces", "depends_on"})


@dataclass(frozen=True)
class Standing:
    degree: int
    betweenness: float
    isolate: bool


def standings(organizations: Collection[uuid.UUID],
              teams: Iterable[Collection[uuid.UUID]],
              linked_leads: Iterable[tuple[uuid.UUID, uuid.UUID, str]]
              ) -> dict[uuid.UUID, Standing]:
    """Per organization: ``teams`` are the organizations of each activity; ``linked_leads``
    the lead organizations of two linked activities, and the link's kind."""
    graph = nx.Graph()
    graph.add_nodes_from(organizations)
    for team in teams:
        graph.add_edges_from(combinations(sorted(set(team)), 2))
    graph.add_edges_from((a, b) for a, b, kind in linked_leads if kind in TIES and a != b)
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    return {n: Standing(graph.degree(n), round(betweenness[n], 6), graph.degree(n) == 0)
            for n in graph.nodes}


def depends_on_cycles(links: Iterable[tuple[uuid.UUID, uuid.UUID]]) -> list[list[uuid.UUID]]:
    """One cycle through each group of activities that depend on each other in a circle,
    each starting at its smallest id."""
    graph = nx.DiGraph(list(links))
    out = []
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        start = min(component)
        cycle = [edge[0] for edge in nx.find_cycle(graph.subgraph(component), start)]
        turn = cycle.index(start) if start in cycle else 0
        out.append(cycle[turn:] + cycle[:turn])
    return sorted(out)


def closes_cycle(links: Iterable[tuple[uuid.UUID, uuid.UUID]], new: tuple[uuid.UUID, uuid.UUID]
                 ) -> list[uuid.UUID] | None:
    """The activities around the cycle the new ``depends_on`` link closes, starting with
    its own, or None."""
    graph = nx.DiGraph(list(links))
    source, target = new
    if target not in graph or source not in graph:
        return None
    try:
        path = nx.shortest_path(graph, target, source)
    except nx.NetworkXNoPath:
        return None
    return [source, *path[:-1]]

