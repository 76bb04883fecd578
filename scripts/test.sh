#!/usr/bin/env bash
# Installs what the tests need (Debian chromium and redis-server, npm packages), builds the
# web app, runs every test (unit, integration on the real embedded engines, end-to-end in headless
# Chromium) and always ends with one line "N passed, N failed" (a step failing before the tests
# counts as a failed run).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/vitest.json
trap 'node scripts/test-summary.mjs' EXIT
# Debian packages: chromium (the end-to-end browser test), redis-server (the BullMQ queue tests
# start their own on a private port), python3.
MISSING=()
[ -x /usr/bin/chromium ] || MISSING+=(chromium)
command -v redis-server >/dev/null || MISSING+=(redis-server)
# python3: the notebook client's test runs it (ingest/notebook/loom_notebook.py)
command -v python3 >/dev/null || MISSING+=(python3)
if [ ${#MISSING[@]} -gt 0 ]; then
  echo "==> installing Debian packages: ${MISSING[*]}…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${MISSING[@]}" >/dev/null \
    || { echo "could not install ${MISSING[*]}: run 'apt-get install ${MISSING[*]}' as root"; exit 1; }
fi
echo "==> installing npm packages (npm install, pinned by package-lock.json)…"
npm install --no-audit --no-fund || exit 1
echo "==> checking the emitted GraphQL schema and types…"
npx tsx server/src/api/emit-schema.ts --check || exit 1
npx tsc -p tsconfig.json --noEmit || { echo "typecheck failed"; exit 1; }
echo "==> building the web app…"
npm run --silent build:web || exit 1
echo "==> running tests…"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@"
