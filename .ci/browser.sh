# Headless Chromium, Node and playwright-core for the HTML dossier test (tests/cli/html.rs
# drives tests/browser/dossier.mjs). Sourced by .ci/setup.sh, which defines apt_install and
# installs Graphviz for the dossier's picture.
command -v chromium >/dev/null || apt_install chromium
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
