# Installs what the full test suite needs; sourced by .ci/run. Each block is idempotent and
# fails loudly: a missing tool must fail CI, not skip a test.
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
# Graphviz `dot`: the DOT export tests render with it (tests/cli/dot.rs).
command -v dot >/dev/null || apt_install graphviz
# The HTML dossier's browser test: Chromium, Node, playwright-core.
. .ci/browser.sh

# The real readers of the interchange formats (tests/cli/interop/): a Python venv under
# target/ and the mermaid npm package.
command -v python3 >/dev/null || apt_install python3
python3 -c "import ensurepip" 2>/dev/null || apt_install python3-venv
command -v npm >/dev/null || apt_install nodejs npm
bash tests/interop/setup.sh

# A throwaway Virtuoso server for the SPARQL-over-HTTP test (tests/cli/interop/virtuoso.rs):
# a fresh database in a temporary folder, on free ports, with the row cap and time limit
# raised. It exports CLAIMGRAPH_VIRTUOSO_*; the server stops when the sourcing shell exits.
command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null || apt_install virtuoso-opensource-7
command -v curl >/dev/null || apt_install curl
eval "$(VIRTUOSO_BUFFERS=20000 VIRTUOSO_THREADS=1 bash tests/interop/virtuoso.sh start)"
trap 'bash tests/interop/virtuoso.sh stop "$CLAIMGRAPH_VIRTUOSO_HOME"' EXIT
