"""Parses Turtle and N-Triples with rdflib and prints the two graphs' sizes and whether they
are the same graph.

usage: turtle_parse.py GRAPH.ttl GRAPH.nt
"""
import json
import sys

import rdflib
from rdflib.compare import isomorphic

ttl = rdflib.Graph().parse(sys.argv[1], format="turtle")
nt = rdflib.Graph().parse(sys.argv[2], format="nt")
print(json.dumps({"turtle": len(ttl), "ntriples": len(nt), "same": isomorphic(ttl, nt)}))
