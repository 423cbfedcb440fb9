#!/usr/bin/env bash
# Installs the real consumers of claimgraph's export formats, which tests/cli/interop/
# drives: a Python virtual environment under target/interop-venv (pyoxigraph, networkx,
# rdflib, kuzu, pyld) and the mermaid npm package with jsdom in tests/interop/node_modules.
# Idempotent and quick when nothing changed: pip and npm run only when a package is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="${CARGO_TARGET_DIR:-$root/target}/interop-venv"
py_packages=(pyoxigraph networkx rdflib kuzu pyld)

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import pyoxigraph, networkx, rdflib, kuzu, pyld' 2>/dev/null; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${py_packages[@]}"
fi
"$venv/bin/python" -c 'import pyoxigraph, networkx, rdflib, kuzu, pyld'

cd "$root/tests/interop"
if ! node -e 'require.resolve("mermaid"); require.resolve("jsdom")' 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node -e 'require.resolve("mermaid"); require.resolve("jsdom")'
