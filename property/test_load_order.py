"""The twin's FK load order equals networkx's on any graph.

networkx is the oracle: the condensation of the graph child → parent, then
a lexicographical topological sort of the reversed condensation keyed by
each unit's first member, is the order the twin has always promised.
"""

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from twinning.passes.load_order import load_order

NAMES = [f"public.t{i:02d}" for i in range(14)]


def networkx_order(parents: dict[str, list[str]]):
    graph = nx.DiGraph()
    for child, refs in parents.items():
        graph.add_node(child)
        for ref in refs:
            graph.add_edge(child, ref)
    condensed = nx.condensation(graph)
    members = {n: sorted(condensed.nodes[n]["members"]) for n in condensed}
    order = nx.lexicographical_topological_sort(
        condensed.reverse(copy=True), key=lambda n: members[n][0])
    cycles = sorted(members[n] for n in condensed
                    if len(members[n]) > 1
                    or graph.has_edge(members[n][0], members[n][0]))
    return [name for n in order for name in members[n]], cycles


@st.composite
def fk_graphs(draw):
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, unique=True))
    return {name: draw(st.lists(st.sampled_from(names), max_size=4))
            for name in draw(st.permutations(names))}


@settings(max_examples=400)
@given(fk_graphs())
def test_load_order_is_networkx_order(parents):
    assert load_order(parents) == networkx_order(parents)


def test_long_chain_does_not_recurse():
    chain = {f"t{i:05d}": [f"t{i + 1:05d}"] if i < 4999 else [] for i in range(5000)}
    order, cycles = load_order(chain)
    assert order == sorted(chain, reverse=True) and cycles == []
