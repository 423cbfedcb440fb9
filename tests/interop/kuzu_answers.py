"""Loads a `claimgraph export --format csv` folder into an embedded Kùzu database with the
folder's own kuzu.cypher, then runs a Cypher query once per TAG with $tag bound.

usage: kuzu_answers.py CSV_DIR QUERY.cypher TAG...
Prints JSON: {"counts": {table: rows}, "answers": {tag: [first column of each row]},
"texts": {id: claim text or entity name}}.
"""
import json
import os
import sys
import tempfile

import kuzu


def statements(text):
    lines = [l for l in text.splitlines() if not l.lstrip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def rows(con, query, params=None):
    result = con.execute(query, params or {})
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def main():
    folder, query_file, tags = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(query_file, encoding="utf-8") as f:
        query = f.read().strip().rstrip(";")
    with tempfile.TemporaryDirectory() as tmp:
        db = kuzu.Database(os.path.join(tmp, "db"))
        con = kuzu.Connection(db)
        os.chdir(folder)
        with open("kuzu.cypher", encoding="utf-8") as f:
            for s in statements(f.read()):
                con.execute(s)
        counts = {
            t: rows(con, q)[0][0]
            for t, q in [
                ("Node", "MATCH (n:Node) RETURN count(*)"),
                ("ASSERTS", "MATCH ()-[r:ASSERTS]->() RETURN count(*)"),
                ("DENIES", "MATCH ()-[r:DENIES]->() RETURN count(*)"),
                ("CITES", "MATCH ()-[r:CITES]->() RETURN count(*)"),
                ("SUPPORTED_BY", "MATCH ()-[r:SUPPORTED_BY]->() RETURN count(*)"),
            ]
        }
        answers = {t: [r[0] for r in rows(con, query, {"tag": t})] for t in tags}
        texts = {r[0]: r[1] for r in rows(con, "MATCH (n:Node) RETURN n.id, coalesce(n.text, n.name)")}
    print(json.dumps({"counts": counts, "answers": answers, "texts": texts}))


main()
