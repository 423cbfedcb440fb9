#!/usr/bin/env python3
"""`claims --rests-only-on TAG` (docs/format.md §2) in DuckDB: recursive CTEs over one graph file.

Prints the answer, one claim id per line, sorted; the load and query times go to stderr.

  forward   from every claim, the closure of the support graph S; keep the grounds reached.
  backward  from the grounds, walk S backwards twice: once from all grounds (which claims
            are grounded) and once from the grounds without TAG (which claims reach one).
            The answer is the grounded claims the second walk did not reach.

UNION (not UNION ALL) in the recursive CTEs makes them terminate on cycles.
"""

import argparse
import sys
import time

import duckdb

LOAD = """
CREATE TEMP TABLE raw AS
SELECT * FROM read_json(?, format = 'unstructured', records = true,
    maximum_object_size = 2147483647,
    columns = {
        'entities': 'STRUCT(id VARCHAR, tags VARCHAR[])[]',
        'claims': 'STRUCT(id VARCHAR)[]',
        'edges': 'STRUCT("from" VARCHAR, rel VARCHAR, "to" VARCHAR)[]'
    });
CREATE TEMP TABLE ent AS
    SELECT e.id AS id, list_contains(coalesce(e.tags, []), $tag) AS tagged
    FROM (SELECT unnest(entities) AS e FROM raw);
CREATE TEMP TABLE cl AS SELECT c.id AS id FROM (SELECT unnest(claims) AS c FROM raw);
CREATE TEMP TABLE ed AS
    SELECT DISTINCT x."from" AS src, x.rel AS rel, x."to" AS dst
    FROM (SELECT unnest(edges) AS x FROM raw);
DROP TABLE raw;
-- Nodes with an outgoing cites edge: a citing claim has no arcs to its asserters, a citing
-- entity is not a ground.
CREATE TEMP TABLE citing AS SELECT DISTINCT src AS id FROM ed WHERE rel = 'cites';
-- The support graph S (docs/format.md §2).
CREATE TEMP TABLE arcs AS
    SELECT src, dst FROM ed WHERE rel = 'cites'
    UNION ALL
    SELECT dst AS src, src AS dst FROM ed
    WHERE rel = 'asserts' AND dst NOT IN (SELECT id FROM citing);
CREATE TEMP TABLE grounds AS
    SELECT id, tagged FROM ent WHERE id NOT IN (SELECT id FROM citing);
"""

FORWARD = """
WITH RECURSIVE reach(claim, node) AS (
    SELECT id, id FROM cl
    UNION
    SELECT r.claim, a.dst FROM reach r JOIN arcs a ON a.src = r.node
)
SELECT r.claim FROM reach r JOIN grounds g ON g.id = r.node
GROUP BY r.claim HAVING bool_and(g.tagged)
ORDER BY r.claim
"""

BACKWARD = """
WITH RECURSIVE
grounded(node) AS (
    SELECT id FROM grounds
    UNION
    SELECT a.src FROM grounded g JOIN arcs a ON a.dst = g.node
),
untagged(node) AS (
    SELECT id FROM grounds WHERE NOT tagged
    UNION
    SELECT a.src FROM untagged u JOIN arcs a ON a.dst = u.node
)
SELECT id FROM cl
WHERE id IN (SELECT node FROM grounded) AND id NOT IN (SELECT node FROM untagged)
ORDER BY id
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", help="one graph file (docs/format.md §1)")
    parser.add_argument("--direction", choices=["forward", "backward"], required=True)
    parser.add_argument("--tag", default="intelligence")
    args = parser.parse_args()

    start = time.perf_counter()
    con = duckdb.connect()
    for statement in filter(str.strip, LOAD.split(";")):
        params = {"tag": args.tag} if "$tag" in statement else None
        if "read_json(?" in statement:
            con.execute(statement, [args.graph])
        else:
            con.execute(statement, params)
    loaded = time.perf_counter()
    rows = con.execute(FORWARD if args.direction == "forward" else BACKWARD).fetchall()
    done = time.perf_counter()
    sys.stdout.write("".join(row[0] + "\n" for row in rows))
    print(
        f"duckdb {args.direction}: load {loaded - start:.2f} s, query {done - loaded:.2f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
