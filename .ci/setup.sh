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
