#!/usr/bin/env bash
# Times `claimgraph claims --rests-only-on intelligence --format ids` end to end against DuckDB
# running the same query as recursive CTEs (bench/duckdb_query.py, forward and backward) and
# against the parse floor (examples/parse_floor.rs), on generated graphs; checks the answers
# are identical and prints a Markdown table. claimgraph runs three ways: cold (`--no-cache`,
# parsing the file), first (the snapshot folder removed just before: parsing the file and
# writing the snapshot) and warm (read back from that snapshot).
#
#   bench/compare.sh                      # 10k, 100k and 1M claims
#   SIZES="10000 100000" RUNS=5 bench/compare.sh
#
# Environment: SIZES (claims per graph), SEED (generator seed, 1), RUNS (timed runs per tool,
# the median is reported; 3), REFERENCE_MAX (largest size also checked against the slow
# Python reference, 10000), BENCH_DIR (graphs and outputs, target/bench), CLAIMGRAPH (the
# binary, target/release/claimgraph), GEN (the graph generator, bench/gen, built as
# target/release/claimgraph-gen), STRESS=1 (also time claimgraph on the stress shapes
# of STRESS_SIZE claims, 1000000, and check their known answers).
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10000 100000 1000000"}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
REFERENCE_MAX=${REFERENCE_MAX:-10000}
BENCH_DIR=${BENCH_DIR:-target/bench}
CLAIMGRAPH=${CLAIMGRAPH:-target/release/claimgraph}
GEN=${GEN:-target/release/claimgraph-gen}
TAG=intelligence
VENV=target/bench-venv
TOOLS="claimgraph claimgraph-first claimgraph-warm duckdb-forward duckdb-backward parse-floor"

log() { echo "compare.sh: $*" >&2; }

if [[ ! -x /usr/bin/time ]]; then
    log "installing GNU time"
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
log "building"
cargo build --release --quiet
cargo build --release --quiet --example parse_floor
cargo build --release --quiet -p claimgraph-gen
if ! "$VENV/bin/python" -c 'import duckdb' 2>/dev/null; then
    log "making $VENV with duckdb"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet duckdb
fi
mkdir -p "$BENCH_DIR"
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)

# command TOOL FILE: sets CMD to the command that answers the query on FILE.
command_for() {
    case $1 in
        claimgraph) CMD=("$CLAIMGRAPH" --no-cache --graph "$2" claims --rests-only-on "$TAG" --format ids) ;;
        claimgraph-first | claimgraph-warm) CMD=("$CLAIMGRAPH" --graph "$2" claims --rests-only-on "$TAG" --format ids) ;;
        duckdb-forward) CMD=("$VENV/bin/python" bench/duckdb_query.py "$2" --tag "$TAG" --direction forward) ;;
        duckdb-backward) CMD=("$VENV/bin/python" bench/duckdb_query.py "$2" --tag "$TAG" --direction backward) ;;
        parse-floor) CMD=(target/release/examples/parse_floor "$2") ;;
    esac
}

# measure TOOL FILE OUT: runs TOOL once, answer to OUT; appends "seconds peak-rss-kb
# cpu-seconds" to $BENCH_DIR/TOOL.times.
measure() {
    local start end
    command_for "$1" "$2"
    # The first cached run finds no snapshot; the warm run right after it finds a fresh one.
    [[ $1 != claimgraph-first ]] || "$CLAIMGRAPH" --graph "$2" cache clear >/dev/null
    start=$EPOCHREALTIME
    if ! /usr/bin/time -f '%M %U %S' -o "$BENCH_DIR/rss" "${CMD[@]}" >"$3" 2>"$BENCH_DIR/stderr"; then
        log "$1 failed on $2:"
        cat "$BENCH_DIR/stderr" >&2
        exit 1
    fi
    end=$EPOCHREALTIME
    tail -1 "$BENCH_DIR/rss" | awk -v a="$start" -v b="$end" '{ printf "%.3f %d %.2f\n", b - a, $1, $2 + $3 }' >>"$BENCH_DIR/$1.times"
}

# median TOOL: "seconds rss-kb cpu-seconds" of the run with the median time.
median() {
    sort -n "$BENCH_DIR/$1.times" | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }'
}

table="| claims | file MB | tool | seconds | CPU s | MB/s | peak RSS MB | × DuckDB best | × parse floor | answers |
|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"
summary=""
for size in $SIZES; do
    graph="$BENCH_DIR/graph-$size.json"
    log "generating $size claims"
    "$GEN" --claims "$size" --seed "$SEED" --shape realistic -o "$graph"
    mb=$(awk -v b="$(stat -c %s "$graph")" 'BEGIN { printf "%.1f", b / 1e6 }')
    cat "$graph" >/dev/null # in the page cache for every tool alike
    for tool in $TOOLS; do rm -f "$BENCH_DIR/$tool.times"; done
    for ((r = 1; r <= RUNS; r++)); do
        log "$size claims, run $r of $RUNS"
        # Interleaved, so that a noisy moment on the machine hits every tool alike.
        for tool in $TOOLS; do measure "$tool" "$graph" "$BENCH_DIR/$tool-$size.out"; done
    done

    for tool in claimgraph claimgraph-first claimgraph-warm duckdb-forward duckdb-backward; do
        LC_ALL=C sort "$BENCH_DIR/$tool-$size.out" >"$BENCH_DIR/$tool-$size.sorted"
    done
    answers=$(wc -l <"$BENCH_DIR/claimgraph-$size.sorted")
    for tool in claimgraph-first claimgraph-warm duckdb-forward duckdb-backward; do
        if ! cmp -s "$BENCH_DIR/claimgraph-$size.sorted" "$BENCH_DIR/$tool-$size.sorted"; then
            log "ANSWERS DIFFER at $size claims: claimgraph vs $tool"
            diff "$BENCH_DIR/claimgraph-$size.sorted" "$BENCH_DIR/$tool-$size.sorted" | head >&2
            exit 1
        fi
    done
    checked="claimgraph cold = first = warm = DuckDB forward = DuckDB backward"
    if ((size <= REFERENCE_MAX)); then
        python3 bench/reference.py "$graph" --tag "$TAG" | LC_ALL=C sort >"$BENCH_DIR/reference-$size.sorted"
        if ! cmp -s "$BENCH_DIR/claimgraph-$size.sorted" "$BENCH_DIR/reference-$size.sorted"; then
            log "ANSWERS DIFFER at $size claims: claimgraph vs bench/reference.py"
            exit 1
        fi
        checked="$checked = reference.py"
    fi

    read -r fw _ fwcpu < <(median duckdb-forward)
    read -r bw _ bwcpu < <(median duckdb-backward)
    read -r floor _ floorcpu < <(median parse-floor)
    best=$(awk -v f="$fw" -v b="$bw" 'BEGIN { print (f < b ? f : b) }')
    for tool in $TOOLS; do
        read -r secs kb cpu < <(median "$tool")
        n=$([[ $tool == parse-floor ]] && echo "" || echo "$answers")
        table+=$'\n'$(awk -v size="$size" -v mb="$mb" -v tool="$tool" -v s="$secs" -v kb="$kb" -v cpu="$cpu" \
            -v best="$best" -v floor="$floor" -v n="$n" 'BEGIN {
            t = s > 0 ? s : 0.001
            printf "| %d | %.1f | %s | %.3f | %.2f | %.0f | %.0f | %.2f | %.2f | %s |", size, mb, tool, s, cpu, mb / t, kb / 1024, s / best, s / floor, n
        }')
    done
    read -r cg _ cgcpu < <(median claimgraph)
    read -r first firstkb _ < <(median claimgraph-first)
    read -r warm warmkb _ < <(median claimgraph-warm)
    snapbytes=$(stat -c %s "$(dirname "$graph")/.claimgraph-cache/$(basename "$graph").snapshot")
    summary+=$(awk -v size="$size" -v cg="$cg" -v first="$first" -v warm="$warm" -v fkb="$firstkb" -v wkb="$warmkb" \
        -v sb="$snapbytes" -v fb="$(stat -c %s "$graph")" 'BEGIN {
        w = warm > 0 ? warm : 0.001
        printf "- %d claims, the cache: warm %.3f s, %.2f× faster than cold (target ≥ 10× at 1M), %.0f MB peak RSS; the first cached run (parse and write the snapshot) %.3f s, %.2f× cold, %.0f MB peak RSS; snapshot %.1f MB (%.2f× the file).\n", size, warm, cg / w, wkb / 1024, first, first / cg, fkb / 1024, sb / 1e6, sb / fb
    }')$'\n'
    summary+=$(awk -v size="$size" -v cg="$cg" -v best="$best" -v floor="$floor" -v checked="$checked" -v n="$answers" \
        -v cc="$cgcpu" -v fc="$fwcpu" -v bc="$bwcpu" -v pc="$floorcpu" 'BEGIN {
        bestc = fc < bc ? fc : bc; cc = cc > 0 ? cc : 0.01; pc = pc > 0 ? pc : 0.01
        printf "- %d claims: speedup over DuckDB'"'"'s faster formulation %.2f× (target ≥ 2.5×); claimgraph takes %.2f× the parse floor (target ≤ 4×); in CPU time %.2f× and %.2f×; %d answers, %s.\n", size, best / cg, cg / floor, bestc / cc, cc / pc, n, checked
    }')$'\n'
done

echo "$table" | tee "$BENCH_DIR/table.md"
echo
echo -n "$summary" | tee -a "$BENCH_DIR/table.md"
echo "Median of $RUNS runs (by wall time); seconds are wall time end to end (process start to exit); CPU s is user + system time of that run (DuckDB uses every core); peak RSS from GNU time. Load average at the start: $load_at_start." | tee -a "$BENCH_DIR/table.md"

[[ ${STRESS:-0} == 1 ]] || exit 0
n=${STRESS_SIZE:-1000000}
stress="| shape | size | file MB | seconds | CPU s | peak RSS MB | answers | expected |
|---|---:|---:|---:|---:|---:|---:|---|"
for shape in relay-chain citation-ring big-scc; do
    graph="$BENCH_DIR/$shape-$n.json"
    log "generating $shape of $n"
    "$GEN" --claims "$n" --seed "$SEED" --shape "$shape" -o "$graph"
    cat "$graph" >/dev/null
    rm -f "$BENCH_DIR/claimgraph.times"
    for ((r = 1; r <= RUNS; r++)); do measure claimgraph "$graph" "$BENCH_DIR/$shape.out"; done
    answers=$(wc -l <"$BENCH_DIR/$shape.out")
    # The chain's and the ring's claims all rest on their one intelligence ground; the big
    # component is checked against DuckDB (walking backward it never goes deep there).
    case $shape in
        relay-chain) expected=$((16 + n / 1000)) ;;
        citation-ring) expected=$n ;;
        big-scc)
            command_for duckdb-backward "$graph"
            expected=$("${CMD[@]}" 2>/dev/null | LC_ALL=C sort | tee "$BENCH_DIR/$shape.duckdb" | wc -l)
            LC_ALL=C sort "$BENCH_DIR/$shape.out" | cmp -s - "$BENCH_DIR/$shape.duckdb" || expected="$expected (DIFFERENT ids)"
            ;;
    esac
    read -r secs kb cpu < <(median claimgraph)
    stress+=$'\n'$(awk -v shape="$shape" -v n="$n" -v b="$(stat -c %s "$graph")" -v s="$secs" -v kb="$kb" -v cpu="$cpu" \
        -v a="$answers" -v e="$expected" 'BEGIN {
        printf "| %s | %d | %.1f | %.3f | %.2f | %.0f | %d | %s |", shape, n, b / 1e6, s, cpu, kb / 1024, a, e
    }')
done
echo
echo "$stress" | tee -a "$BENCH_DIR/table.md"
