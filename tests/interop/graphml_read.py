"""Reads GraphML with networkx and prints what it read.

usage: graphml_read.py GRAPH.graphml
Prints JSON: {"directed": bool, "nodes": {id: attrs}, "edges": [[source, target, attrs]]},
attribute values as networkx typed them.
"""
import json
import sys

import networkx as nx

g = nx.read_graphml(sys.argv[1])
print(json.dumps({
    "directed": g.is_directed(),
    "nodes": {n: attrs for n, attrs in g.nodes(data=True)},
    "edges": [[u, v, attrs] for u, v, attrs in g.edges(data=True)],
}))
