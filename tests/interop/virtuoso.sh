#!/usr/bin/env bash
# A throwaway OpenLink Virtuoso server for the SPARQL tests (tests/cli/interop/virtuoso.rs)
# and the benchmark (bench/virtuoso.sh): a fresh database in a temporary folder, on free
# ports, with the limits that silently cut answers raised.
#
#   eval "$(tests/interop/virtuoso.sh start)"   # prints the CLAIMGRAPH_VIRTUOSO_* exports
#   tests/interop/virtuoso.sh stop "$CLAIMGRAPH_VIRTUOSO_HOME"
#
# `start` needs virtuoso-t and isql-vt (Debian: virtuoso-opensource-7). It waits until both
# the ISQL port and the SPARQL endpoint answer, and fails loudly if they do not.
# Optional: VIRTUOSO_BUFFERS (NumberOfBuffers, 8 KB pages; default 170000, ~1.3 GB of cache,
# what a bulk load of ~12M triples wants), VIRTUOSO_HOME (the folder; default a new mktemp),
# VIRTUOSO_THREADS (ThreadsPerQuery; default 2, the tests use 1).
set -euo pipefail

free_port() {
  # A port nobody listens on, from the ephemeral range the kernel is not handing out.
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  echo "no free port found" >&2
  return 1
}

write_ini() {
  local home=$1 isql=$2 http=$3 buffers=$4 threads=$5
  cat >"$home/virtuoso.ini" <<EOF
[Database]
DatabaseFile    = $home/virtuoso.db
ErrorLogFile    = $home/virtuoso.log
LockFile        = $home/virtuoso.lck
TransactionFile = $home/virtuoso.trx
xa_persistent_file = $home/virtuoso.pxa
ErrorLogLevel   = 7
FileExtend      = 200
Striping        = 0
TempStorage     = TempDatabase

[TempDatabase]
DatabaseFile    = $home/virtuoso-temp.db
TransactionFile = $home/virtuoso-temp.trx
Striping        = 0

[Parameters]
ServerPort           = 127.0.0.1:$isql
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 0
CaseMode             = 2
; The bulk loader (ld_dir) and file_to_string_output read only from these folders.
DirsAllowed          = ., $home/load
NumberOfBuffers      = $buffers
MaxDirtyBuffers      = $((buffers * 3 / 4))
; ORDER BY with LIMIT/OFFSET keeps at most this many rows sorted.
MaxSortedTopRows     = 100000000
; 1 for the tests: a query split across threads has answered differently from run to run.
ThreadsPerQuery      = $threads
MaxQueryMem          = 2G

[HTTPServer]
ServerPort           = 127.0.0.1:$http
ServerRoot           = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 4
ServerThreads        = 4
KeepAliveTimeout     = 10
Charset              = UTF-8
EnabledGzipContent   = 0

[SPARQL]
; The defaults (10,000 rows, 60 s) cut answers short without an error.
ResultSetMaxRows           = 100000000
MaxQueryExecutionTime      = 0
MaxQueryCostEstimationTime = 0
EOF
}

start() {
  command -v virtuoso-t >/dev/null || { echo "virtuoso-t is missing (apt-get install virtuoso-opensource-7)" >&2; exit 1; }
  command -v isql-vt >/dev/null || { echo "isql-vt is missing (apt-get install virtuoso-opensource-7)" >&2; exit 1; }
  local home=${VIRTUOSO_HOME:-$(mktemp -d "${TMPDIR:-/tmp}/claimgraph-virtuoso.XXXXXX")}
  mkdir -p "$home/load"
  local isql http
  isql=$(free_port)
  http=$(free_port)
  while [ "$http" = "$isql" ]; do http=$(free_port); done
  write_ini "$home" "$isql" "$http" "${VIRTUOSO_BUFFERS:-170000}" "${VIRTUOSO_THREADS:-2}"
  # -f: stay in the foreground of a background job, so that $! is the server's pid.
  (cd "$home" && exec virtuoso-t -f +configfile "$home/virtuoso.ini" >"$home/stdout.log" 2>&1) &
  echo $! >"$home/pid"
  local sparql="http://127.0.0.1:$http/sparql"
  for _ in $(seq 240); do
    if isql-vt "127.0.0.1:$isql" dba dba exec="select 1;" >/dev/null 2>&1 &&
      curl -sf -o /dev/null --data-urlencode 'query=ASK {}' "$sparql"; then
      echo "export CLAIMGRAPH_VIRTUOSO_HOME=$home"
      echo "export CLAIMGRAPH_VIRTUOSO_ISQL=127.0.0.1:$isql"
      echo "export CLAIMGRAPH_VIRTUOSO_SPARQL=$sparql"
      echo "export CLAIMGRAPH_VIRTUOSO_LOAD_DIR=$home/load"
      return
    fi
    if ! kill -0 "$(cat "$home/pid")" 2>/dev/null; then
      echo "virtuoso-t exited; its log:" >&2
      tail -n 30 "$home/virtuoso.log" "$home/stdout.log" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
  echo "virtuoso-t did not answer within 120 s; its log:" >&2
  tail -n 30 "$home/virtuoso.log" >&2 || true
  stop "$home"
  exit 1
}

stop() {
  local home=${1:?usage: virtuoso.sh stop HOME}
  [ -f "$home/pid" ] || return 0
  local pid
  pid=$(cat "$home/pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  case "$home" in
    */claimgraph-virtuoso.*) rm -rf "$home" ;;
  esac
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *)
    echo "usage: $0 start | stop HOME" >&2
    exit 2
    ;;
esac
