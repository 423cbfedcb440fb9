#!/usr/bin/env bash
# Times the multi-file edits (`merge`, `rename`, `rm --cascade`) on generated graphs of four
# files with N records each, where the edited entities are referred to by every record, and
# `import` of a fragment of N new claims and N edges into it: the shapes on which an edit
# that is not linear in the records it touches shows.
#
#   bench/edits.sh                          # N = 1500 3000 6000 12000
#   SIZES="12000 48000" RUNS=5 bench/edits.sh
#
# Environment: SIZES (records per file), RUNS (timed runs per edit, the median is reported;
# 3), BENCH_DIR (graphs, target/bench-edits), CLAIMGRAPH (the binary,
# target/release/claimgraph; set it to time another build without building).
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1500 3000 6000 12000"}
RUNS=${RUNS:-3}
BENCH_DIR=${BENCH_DIR:-target/bench-edits}
if [[ -z "${CLAIMGRAPH:-}" ]]; then
    cargo build --release --quiet
    CLAIMGRAPH=target/release/claimgraph
fi
mkdir -p "$BENCH_DIR"

# A graph of four files with N records each: entities (keep and drop among them), claims
# about both, and two files of edges in which both assert every claim.
generate() {
    python3 - "$1" "$2" <<'EOF'
import json, os, sys
n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
def dump(name, obj):
    with open(os.path.join(out, name), "w") as f:
        json.dump(obj, f)
ents = [{"id": "keep", "name": "Keep", "kind": "organization", "tags": ["media"]},
        {"id": "drop", "name": "Drop", "kind": "organization", "tags": ["wire"]}]
ents += [{"id": f"e{i}", "name": f"E {i}", "kind": "person", "part_of": "drop"} for i in range(n - 2)]
dump("entities.json", {"entities": ents})
dump("claims.json", {"claims": [{"id": f"c{i}", "text": f"Claim {i}.", "about": ["keep", "drop"]} for i in range(n)]})
dump("edges-1.json", {"edges": [{"from": "drop", "rel": "asserts", "to": f"c{i}"} for i in range(n)]})
dump("edges-2.json", {"edges": [{"from": "keep", "rel": "asserts", "to": f"c{i}"} for i in range(n)]})
with open(out + ".fragment.json", "w") as f:
    json.dump({"claims": [{"id": f"new{i}", "text": f"New {i}.", "about": ["keep"]} for i in range(n)],
               "edges": [{"from": "keep", "rel": "asserts", "to": f"new{i}"} for i in range(n)]}, f)
EOF
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Seconds taken by one edit on a fresh copy of graph $1, median of RUNS.
time_edit() {
    local src=$1
    shift
    for _ in $(seq "$RUNS"); do
        rm -rf "$BENCH_DIR/work"
        cp -r "$src" "$BENCH_DIR/work"
        local t0 t1
        t0=$(date +%s.%N)
        "$CLAIMGRAPH" --graph "$BENCH_DIR/work" "$@" >/dev/null 2>&1
        t1=$(date +%s.%N)
        echo "$t1 - $t0" | bc -l
    done | median
}

printf '| records per file | merge keep drop | rename drop dropped | rm --cascade drop | import N claims + N edges |\n'
printf '|---:|---:|---:|---:|---:|\n'
for n in $SIZES; do
    g="$BENCH_DIR/g$n"
    [[ -d "$g" ]] || generate "$n" "$g"
    m=$(time_edit "$g" merge keep drop)
    r=$(time_edit "$g" rename drop dropped)
    c=$(time_edit "$g" rm --cascade drop)
    i=$(time_edit "$g" import "$g.fragment.json")
    printf '| %s | %.2f s | %.2f s | %.2f s | %.2f s |\n' "$n" "$m" "$r" "$c" "$i"
done
rm -rf "$BENCH_DIR/work"
