#!/usr/bin/env python3
"""`claims --rests-only-on TAG` (docs/format.md §2), the slow obvious way, to cross-check answers.

Plain dicts and one iterative depth-first search per claim: grounds(c) is every ground
reachable from c in the support graph S. Prints the answer, one claim id per line, sorted.
Meant for graphs up to ~100k claims; it reads one file or a folder of *.json files.
"""

import argparse
import json
import os
import sys


def load(path):
    files = [path]
    if os.path.isdir(path):
        files = sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".json"))
    graph = {"entities": [], "claims": [], "edges": []}
    for name in files:
        with open(name, encoding="utf-8") as f:
            part = json.load(f)
        for key in graph:
            graph[key].extend(part.get(key, []))
    return graph


def support_graph(graph):
    """The arcs of S as a dict node -> list of successors, and the grounds."""
    cites, asserted_by = {}, {}
    seen = set()
    for e in graph["edges"]:
        key = (e["from"], e["rel"], e["to"])
        if key in seen:  # two edges with the same from, rel, to are one edge
            continue
        seen.add(key)
        if e["rel"] == "cites":
            cites.setdefault(e["from"], []).append(e["to"])
        elif e["rel"] == "asserts":
            asserted_by.setdefault(e["to"], []).append(e["from"])
    arcs = {}
    for c in graph["claims"]:
        cid = c["id"]
        arcs[cid] = cites.get(cid) or asserted_by.get(cid, [])
    for e in graph["entities"]:
        arcs[e["id"]] = cites.get(e["id"], [])
    grounds = {e["id"] for e in graph["entities"] if not arcs[e["id"]]}
    return arcs, grounds


def grounds_of(start, arcs, grounds):
    found, visited, stack = set(), {start}, [start]
    while stack:
        node = stack.pop()
        if node in grounds:
            found.add(node)
        for nxt in arcs[node]:
            if nxt not in visited:
                visited.add(nxt)
                stack.append(nxt)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", help="a graph file or folder")
    parser.add_argument("--tag", default="intelligence")
    args = parser.parse_args()
    graph = load(args.graph)
    arcs, grounds = support_graph(graph)
    tagged = {e["id"] for e in graph["entities"] if args.tag in e.get("tags", [])}
    answer = []
    for c in graph["claims"]:
        g = grounds_of(c["id"], arcs, grounds)
        if g and g <= tagged:
            answer.append(c["id"])
    sys.stdout.write("".join(cid + "\n" for cid in sorted(answer)))


if __name__ == "__main__":
    main()
