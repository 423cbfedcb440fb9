"""Loads N-Triples files into pyoxigraph and answers SPARQL queries over each.

usage: sparql_answers.py QUERIES.json GRAPH.nt...
QUERIES.json maps a query name to its text. Prints JSON: {file: {name: [claim ids]}}, the id
being the last path segment of each ?claim IRI, in the order the query returns them.
"""
import json
import sys

import pyoxigraph


def answers(path, queries):
    store = pyoxigraph.Store()
    with open(path, "rb") as f:
        store.load(f, format=pyoxigraph.RdfFormat.N_TRIPLES)
    out = {}
    for name, text in queries.items():
        ids = []
        for solution in store.query(text):
            iri = solution["claim"].value
            ids.append(iri.rsplit("/", 1)[1])
        out[name] = ids
    return out


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        queries = json.load(f)
    print(json.dumps({p: answers(p, queries) for p in sys.argv[2:]}))


main()
