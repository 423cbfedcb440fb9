#!/usr/bin/env bash
# What moving to a SPARQL server costs: on generated graphs, times `claimgraph export --format
# ntriples`, Virtuoso's bulk load of the file, and every `claimgraph sparql` query in both
# `--grounds` modes over the SPARQL protocol (HTTP), beside `claimgraph claims` answering the
# same question from the JSON; checks every answer equals the CLI's; prints a Markdown table.
#
#   bench/virtuoso.sh                          # 100k and 1M claims
#   SIZES=10000 bench/virtuoso.sh              # the short run CI does
#
# Environment: SIZES (claims per graph), SEED (generator seed, 1), RUNS (timed runs of each
# query, each reported; 1), BENCH_DIR (graphs, answers, table; target/bench-virtuoso),
# CLAIMGRAPH (the binary, target/release/claimgraph), GEN (the graph generator, bench/gen,
# built as target/release/claimgraph-gen), QUERY_TIMEOUT (seconds before a query
# counts as not answered, 900), VIRTUOSO_BUFFERS (the server's page cache in 8 KB pages,
# 340000, ~2.7 GB). With CLAIMGRAPH_VIRTUOSO_* set (tests/interop/virtuoso.sh start), that
# server is used and its graphs removed afterwards; otherwise one is started and stopped.
# Needs virtuoso-opensource-7 (virtuoso-t, isql-vt) and curl.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"100000 1000000"}
SEED=${SEED:-1}
RUNS=${RUNS:-1}
BENCH_DIR=${BENCH_DIR:-target/bench-virtuoso}
CLAIMGRAPH=${CLAIMGRAPH:-target/release/claimgraph}
GEN=${GEN:-target/release/claimgraph-gen}
QUERY_TIMEOUT=${QUERY_TIMEOUT:-900}
BASE=https://desk.example/graph/
QUESTIONS=("rests-only-on intelligence" contested ungrounded single-origin interested-denial)

log() { echo "virtuoso.sh: $*" >&2; }

log "building"
cargo build --release --quiet
cargo build --release --quiet -p claimgraph-gen
mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)

own_server=0
if [[ -z "${CLAIMGRAPH_VIRTUOSO_SPARQL:-}" ]]; then
    log "starting a Virtuoso server"
    eval "$(VIRTUOSO_BUFFERS=${VIRTUOSO_BUFFERS:-340000} bash tests/interop/virtuoso.sh start)"
    own_server=1
fi
run_id="bench-$$-$RANDOM"
load_dir="$CLAIMGRAPH_VIRTUOSO_LOAD_DIR/$run_id"
mkdir -p "$load_dir"
graphs=()
cleanup() {
    local sql="delete from DB.DBA.load_list where ll_file like '$load_dir/%';"
    for g in "${graphs[@]}"; do sql="SPARQL CLEAR GRAPH <$g>; $sql"; done
    isql "$sql" >/dev/null 2>&1 || true
    rm -rf "$load_dir"
    if [[ $own_server = 1 ]]; then bash tests/interop/virtuoso.sh stop "$CLAIMGRAPH_VIRTUOSO_HOME"; fi
}
trap cleanup EXIT

# isql SQL: runs SQL as dba, failing on any error (isql-vt itself exits 0 after one).
isql() {
    local err
    err=$(mktemp)
    isql-vt "$CLAIMGRAPH_VIRTUOSO_ISQL" dba dba VERBOSE=OFF BANNER=OFF "exec=$1" 2>"$err"
    if grep -q '\*\*\* Error' "$err"; then
        log "isql failed on: $1"
        cat "$err" >&2
        rm -f "$err"
        return 1
    fi
    rm -f "$err"
}

# timed OUT CMD...: runs CMD with stdout to OUT; prints its wall seconds.
timed() {
    local out=$1 start end
    shift
    start=$EPOCHREALTIME
    "$@" >"$out"
    end=$EPOCHREALTIME
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}

# sparql QUERY-FILE GRAPH: the claim ids the endpoint returns, one a line, in its order.
sparql() {
    curl -sS --fail-with-body --max-time "$QUERY_TIMEOUT" \
        --data-urlencode "query@$1" --data-urlencode "default-graph-uri=$2" \
        -H 'Accept: text/csv' "$CLAIMGRAPH_VIRTUOSO_SPARQL" |
        tail -n +2 | sed -e 's/^"//' -e 's/"$//' -e "s|^${BASE}claim/||"
}

table="| claims | triples | step | Virtuoso s | claimgraph s | answers |
|---:|---:|---|---:|---:|---:|"
for size in $SIZES; do
    graph="$BENCH_DIR/graph-$size.json"
    if [[ ! -s "$graph" ]]; then
        log "generating $size claims"
        "$GEN" --claims "$size" --seed "$SEED" --shape realistic -o "$graph"
    fi
    nt="$load_dir/graph-$size.nt"
    log "$size: export --format ntriples"
    export_s=$(timed "$nt" "$CLAIMGRAPH" --graph "$graph" export --format ntriples --base "$BASE")
    triples=$(wc -l <"$nt")
    mb=$(du -m "$nt" | cut -f1)
    table+="
| $size | $triples | \`export --format ntriples\` ($mb MB) | | $export_s | |"

    iri="urn:claimgraph-bench:$run_id:$size"
    graphs+=("$iri")
    log "$size: bulk load ($triples triples)"
    start=$EPOCHREALTIME
    isql "ld_add('$nt', '$iri'); rdf_loader_run();" >/dev/null
    end=$EPOCHREALTIME
    load_s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    bad=$(isql "select count(*) from DB.DBA.load_list where ll_file = '$nt' and (ll_state <> 2 or ll_error is not null);")
    if [[ "$(echo "$bad" | tr -d '[:space:]')" != 0 ]]; then
        log "the loader did not take $nt:"
        isql "select ll_state, ll_error from DB.DBA.load_list where ll_file = '$nt';" >&2
        exit 1
    fi
    loaded=$(isql "SPARQL SELECT COUNT(*) FROM <$iri> WHERE { ?s ?p ?o };" | tr -d '[:space:]')
    # A store keeps one of each triple; the file may repeat one (an entity listing a tag
    # twice). Anything more than a few missing means the load went wrong.
    if ((loaded > triples || loaded * 100 < triples * 99)); then
        log "$size: the store holds $loaded triples, the file has $triples lines"
        exit 1
    fi
    start=$EPOCHREALTIME
    isql "checkpoint;" >/dev/null
    end=$EPOCHREALTIME
    checkpoint_s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    table+="
| $size | $triples | bulk load (\`ld_add\`, \`rdf_loader_run\`) | $load_s | | $loaded triples |
| $size | $triples | \`checkpoint\` after the load | $checkpoint_s | | |"

    for question in "${QUESTIONS[@]}"; do
        read -r -a q <<<"$question"
        flag=("--${q[0]}" "${q[@]:1}")
        cli_out="$BENCH_DIR/$size-${q[0]}.cli"
        cli_s=$(timed "$cli_out" "$CLAIMGRAPH" --graph "$graph" claims "${flag[@]}" --format ids)
        modes=(paths precomputed)
        # Virtuoso's walks of part_of chains answer differently from run to run
        # (docs/virtuoso.md): those questions are asked with the precomputed origins only.
        case ${q[0]} in single-origin | interested-denial) modes=(precomputed) ;; esac
        for grounds in "${modes[@]}"; do
            query="$BENCH_DIR/${q[0]}-$grounds.rq"
            "$CLAIMGRAPH" sparql "${q[@]}" --base "$BASE" --grounds "$grounds" >"$query"
            times=()
            for _ in $(seq "$RUNS"); do
                got="$BENCH_DIR/$size-${q[0]}-$grounds.virtuoso"
                log "$size: $question --grounds $grounds"
                times+=("$(timed "$got" sparql "$query" "$iri")")
                if ! cmp -s "$got" "$cli_out"; then
                    log "$size: $question --grounds $grounds: Virtuoso's answer ($(wc -l <"$got") claims) differs from the CLI's ($(wc -l <"$cli_out"))"
                    exit 1
                fi
            done
            table+="
| $size | $triples | \`sparql $question --grounds $grounds\` | ${times[*]} | $cli_s | $(wc -l <"$cli_out") |"
        done
    done
    rm -f "$nt"
done

printf '%s\n\nLoad average at the start: %s; Virtuoso %s, NumberOfBuffers %s; every answer equal to `claimgraph claims`.\n' \
    "$table" "$load_at_start" "$(virtuoso-t -? 2>&1 | head -2 | tail -1 | tr -s ' ')" \
    "$(grep NumberOfBuffers "$CLAIMGRAPH_VIRTUOSO_HOME/virtuoso.ini" | tr -dc 0-9)" | tee "$BENCH_DIR/table.md"
