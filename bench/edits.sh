#!/usr/bin/env bash
# Times the multi-file edits (`merge`, `rename`, `rm --cascade`) on generated graphs of four
# files with N records each, where the edited entities are referred to by every record, and
# `import` of a fragment of N new claims and N edges into it: the shapes on which an edit
# that is not linear in the records it touches shows.
#
#   bench/edits.sh                          # N = 1500 3000 6000 12000
#   SIZES="12000 48000" RUNS=5 bench/edits.sh
#
# `bench/edits.sh add` times instead the edits that splice one record into a file, on
# one-file generated graphs (bench/gen, ADD_SIZES claims, "100000 1000000"), beside the cold
# query they are measured against (`claims --rests-only-on intelligence --format ids
# --no-cache` on the file as generated): `add entity` on the file as generated and on the
# same graph after `fmt`, `add claim` and `link` on the file as generated, all without a
# snapshot; then `add entity` with a fresh snapshot, which the edit brings up to date, and
# the same query run again after it, answered from the snapshot and its patch (the script
# fails when that answer differs from a parse of the edited file). It prints wall seconds,
# CPU seconds (user + sys), peak RSS and the ratios to the cold query and to the size of the
# file edited.
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

# measure OUT CMD...: runs CMD once; prints "wall-seconds cpu-seconds peak-rss-kb".
measure() {
    local start end
    start=$EPOCHREALTIME
    /usr/bin/time -f '%U %S %M' -o "$BENCH_DIR/time" "${@:2}" >"$1" 2>"$BENCH_DIR/stderr" || {
        echo "edits.sh: failed: ${*:2}" >&2
        cat "$BENCH_DIR/stderr" >&2
        exit 1
    }
    end=$EPOCHREALTIME
    tail -1 "$BENCH_DIR/time" | awk -v a="$start" -v b="$end" '{ printf "%.3f %.2f %d\n", b - a, $1 + $2, $3 }'
}

# median_of: the line with the median first field.
median_of() { sort -n | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }'; }

# `add entity` beside the cold query, on generated graphs.
add_mode() {
    local gen=${GEN:-target/release/claimgraph-gen}
    [[ -n "${GEN:-}" ]] || cargo build --release --quiet -p claimgraph-gen
    printf '| claims | file MB | command | wall s | CPU s | peak RSS MB | × cold wall | × cold CPU | RSS × file |\n'
    printf '|---:|---:|---|---:|---:|---:|---:|---:|---:|\n'
    for n in ${ADD_SIZES:-100000 1000000}; do
        local g="$BENCH_DIR/add-$n.json" canon="$BENCH_DIR/add-$n-canonical.json" work="$BENCH_DIR/work.json"
        [[ -f "$g" ]] || "$gen" --claims "$n" --seed 1 --shape realistic -o "$g" >/dev/null
        if [[ ! -f "$canon" ]]; then
            cp "$g" "$canon"
            "$CLAIMGRAPH" --graph "$canon" fmt >/dev/null 2>&1
            rm -rf "$BENCH_DIR/.claimgraph-cache"
        fi
        local cold query=(claims --rests-only-on intelligence --format ids)
        cold=$(for _ in $(seq "$RUNS"); do
            measure /dev/null "$CLAIMGRAPH" --no-cache --graph "$g" "${query[@]}"
        done | median_of)
        row "$n" "$(stat -c %s "$g")" "${query[*]} (cold)" "$cold" "$cold"
        for mode in generated canonical claim link snapshot; do
            local src=$g what cache=(--no-cache) edit=(add entity --name "Bench Agency \$r" --kind organization --tag intelligence)
            case $mode in
                generated) what="add entity (file as generated, no snapshot)" ;;
                canonical) src=$canon what="add entity (file after fmt, no snapshot)" ;;
                claim) what="add claim --about e0 --found-in d0 (file as generated)" edit=(add claim --text "Bench finding \$r" --about e0 --found-in d0) ;;
                link) what="link e0 asserts c1 --in d0 (file as generated)" edit=(link e0 asserts c1 --in d0) ;;
                snapshot) what="add entity (file as generated, snapshot brought up to date)" cache=() ;;
            esac
            local t after=""
            t=$(for r in $(seq "$RUNS"); do
                cp "$src" "$work"
                sync # the copy's dirty pages written back, as a graph's file is
                rm -rf "$BENCH_DIR/.claimgraph-cache"
                if [[ $mode == snapshot ]]; then
                    "$CLAIMGRAPH" --graph "$work" "${query[@]}" >/dev/null
                    sync # the snapshot's dirty pages too
                fi
                measure /dev/null "$CLAIMGRAPH" "${cache[@]}" --graph "$work" "${edit[@]//\$r/$r}"
                if [[ $mode == snapshot ]]; then
                    measure "$BENCH_DIR/warm-ids" "$CLAIMGRAPH" --graph "$work" "${query[@]}" >>"$BENCH_DIR/after"
                    "$CLAIMGRAPH" --no-cache --graph "$work" "${query[@]}" >"$BENCH_DIR/cold-ids"
                    cmp -s "$BENCH_DIR/warm-ids" "$BENCH_DIR/cold-ids" || {
                        echo "edits.sh: the query after the edit differs from a parse of the file" >&2
                        exit 1
                    }
                fi
            done | median_of)
            row "$n" "$(stat -c %s "$src")" "$what" "$t" "$cold"
            if [[ $mode == snapshot ]]; then
                after=$(median_of <"$BENCH_DIR/after")
                rm -f "$BENCH_DIR/after"
                row "$n" "$(stat -c %s "$src")" "${query[*]} after the edit (snapshot + patch)" "$after" "$cold"
            fi
        done
        rm -f "$work"
    done
}

# row CLAIMS BYTES WHAT "wall cpu rss" "cold-wall cold-cpu cold-rss"
row() {
    read -r w c m <<<"$4"
    read -r cw cc _ <<<"$5"
    awk -v n="$1" -v b="$2" -v what="$3" -v w="$w" -v c="$c" -v m="$m" -v cw="$cw" -v cc="$cc" 'BEGIN {
        printf "| %d | %.0f | %s | %.2f | %.2f | %.0f | %.2f | %.2f | %.2f |\n",
            n, b / 1e6, what, w, c, m / 1024, w / cw, c / cc, m * 1024 / b }'
}

if [[ "${1:-}" == add ]]; then
    add_mode
    exit 0
fi

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
