"""The FK graph's load order: parents before children, cycles collapsed.

A table's foreign keys point at its parents. Tables load (and snapshots
list them) parents first; a set of tables that reference each other in a
cycle (a self-reference included) is one unit whose members load in name
order, and ties between units are broken by their first member's name, so
the order is a function of the catalog alone.

This is the strongly connected components of the graph child → parent, and
a lexicographical topological sort of their condensation. networkx computes
the same (and `property/test_load_order.py` holds the two equal on random
graphs), but importing it costs a third of a cold start, so the twin does
it with the standard library.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping

__all__ = ["load_order"]


def load_order(parents: Mapping[str, Iterable[str]]
               ) -> tuple[list[str], list[list[str]]]:
    """(names in load order, the cycles as sorted member lists, sorted).

    `parents` maps every table to the tables its foreign keys reference.
    """
    graph = {name: sorted(set(refs)) for name, refs in parents.items()}
    units = _strongly_connected(graph)
    unit_of = {name: i for i, members in enumerate(units) for name in members}
    children: list[set[int]] = [set() for _ in units]
    waiting = [0] * len(units)  # parent units not loaded yet
    for name, refs in graph.items():
        child = unit_of[name]
        for ref in refs:
            parent = unit_of[ref]
            if parent != child and child not in children[parent]:
                children[parent].add(child)
                waiting[child] += 1
    ready = [(units[i][0], i) for i, n in enumerate(waiting) if n == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, i = heapq.heappop(ready)
        order.extend(units[i])
        for child in children[i]:
            waiting[child] -= 1
            if waiting[child] == 0:
                heapq.heappush(ready, (units[child][0], child))
    cycles = sorted(members for members in units
                    if len(members) > 1 or members[0] in graph[members[0]])
    return order, cycles


def _strongly_connected(graph: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's components, each as its sorted members; iterative, so a
    chain of thousands of tables does not meet the recursion limit."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    units: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for ref in edges:
                if ref not in index:
                    index[ref] = low[ref] = len(index)
                    stack.append(ref)
                    on_stack.add(ref)
                    work.append((ref, iter(graph[ref])))
                    break
                if ref in on_stack:
                    low[node] = min(low[node], index[ref])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    members = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        members.append(member)
                        if member == node:
                            break
                    units.append(sorted(members))
    return units
