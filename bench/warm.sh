#!/usr/bin/env bash
# Times `claimgraph claims --rests-only-on intelligence --format ids` cold (`--no-cache`),
# first (snapshot removed just before: parse and write it) and warm (snapshot read back),
# and shell completion of a claim id from a fresh snapshot, on generated graphs; checks the
# three answers are identical and prints a Markdown table (wall seconds, user + system CPU
# seconds, peak RSS).
#
#   bench/warm.sh                          # 100k and 1M claims, 3 runs each
#   SIZES=10000 RUNS=1 bench/warm.sh
#
# Environment: SIZES (claims per graph), SEED (1), RUNS (timed runs, the median by wall time
# is reported; 3), BENCH_DIR (target/bench), CLAIMGRAPH (target/release/claimgraph), GEN
# (target/release/claimgraph-gen).
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"100000 1000000"}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
BENCH_DIR=${BENCH_DIR:-target/bench}
CLAIMGRAPH=${CLAIMGRAPH:-target/release/claimgraph}
GEN=${GEN:-target/release/claimgraph-gen}
TOOLS="cold first warm completion"

log() { echo "warm.sh: $*" >&2; }

if [[ ! -x /usr/bin/time ]]; then
    log "installing GNU time"
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
if [[ -z ${NO_BUILD:-} ]]; then
    log "building"
    cargo build --release --quiet
    cargo build --release --quiet -p claimgraph-gen
fi
mkdir -p "$BENCH_DIR"

# measure MODE GRAPH OUT: runs MODE once, its output to OUT; appends "seconds rss-kb cpu-s".
measure() {
    local start end
    local cmd=("$CLAIMGRAPH" --graph "$2" claims --rests-only-on intelligence --format ids)
    local env=()
    case $1 in
        cold) cmd=("$CLAIMGRAPH" --no-cache --graph "$2" claims --rests-only-on intelligence --format ids) ;;
        first) "$CLAIMGRAPH" --graph "$2" cache clear >/dev/null ;;
        completion)
            env=(CLAIMGRAPH_COMPLETE=bash _CLAP_COMPLETE_INDEX=2 _CLAP_IFS=$'\n' CLAIMGRAPH_GRAPH="$2")
            cmd=("$CLAIMGRAPH" -- claimgraph why c1234)
            ;;
    esac
    start=$EPOCHREALTIME
    if ! env "${env[@]}" /usr/bin/time -f '%M %U %S' -o "$BENCH_DIR/rss" "${cmd[@]}" >"$3" 2>"$BENCH_DIR/stderr"; then
        log "$1 failed on $2:"
        cat "$BENCH_DIR/stderr" >&2
        exit 1
    fi
    end=$EPOCHREALTIME
    tail -1 "$BENCH_DIR/rss" | awk -v a="$start" -v b="$end" '{ printf "%.3f %d %.2f\n", b - a, $1, $2 + $3 }' >>"$BENCH_DIR/warm-$1.times"
}

echo "| claims | file MB | snapshot MB | run | wall s | CPU s | peak RSS MB | answers |"
echo "|---:|---:|---:|---|---:|---:|---:|---:|"
for size in $SIZES; do
    graph="$BENCH_DIR/warm-$size.json"
    if [[ ! -f $graph ]]; then
        log "generating $size claims"
        "$GEN" --claims "$size" --seed "$SEED" --shape realistic -o "$graph"
    fi
    rm -f "$BENCH_DIR"/warm-*.times
    for ((i = 0; i < RUNS; i++)); do
        for mode in $TOOLS; do
            measure "$mode" "$graph" "$BENCH_DIR/warm-$mode-$size.out"
        done
    done
    for mode in cold first; do
        cmp -s "$BENCH_DIR/warm-$mode-$size.out" "$BENCH_DIR/warm-warm-$size.out" ||
            { log "$mode and warm answers differ at $size"; exit 1; }
    done
    [[ -s "$BENCH_DIR/warm-completion-$size.out" ]] || { log "no completion at $size"; exit 1; }
    file_mb=$(stat -L -c %s "$graph" | awk '{ printf "%.1f", $1 / 1e6 }')
    snap_mb=$(stat -c %s "$(dirname "$graph")/.claimgraph-cache/$(basename "$graph").snapshot" | awk '{ printf "%.1f", $1 / 1e6 }')
    for mode in $TOOLS; do
        read -r secs rss cpu < <(sort -n "$BENCH_DIR/warm-$mode.times" | awk '{ l[NR] = $0 } END { print l[int((NR + 1) / 2)] }')
        answers=$(grep -c "" "$BENCH_DIR/warm-$mode-$size.out" || true)
        echo "| $size | $file_mb | $snap_mb | $mode | $secs | $cpu | $((rss / 1024)) | $answers |"
    done
done
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
