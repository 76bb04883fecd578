#!/usr/bin/env bash
# Sets up and starts Loom on its embedded engines (Kuzu + chDB) with demo data.
# Usage: ./scripts/start.sh        (env: LOOM_PORT, LOOM_DATA_DIR, ... see README)
set -euo pipefail
cd "$(dirname "$0")/.."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Loom needs Node.js >= 20.19 (found "+process.versions.node+")"); process.exit(1) }'
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> installing npm packages (npm install, pinned by package-lock.json)…"
  npm install --no-audit --no-fund
fi
if [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/index.html web/graphiql.html -newer web/dist/index.html 2>/dev/null | head -n1)" ]; then
  echo "==> building the web app…"
  npm run --silent build:web
fi
echo "==> starting Loom…"
# A 64 MB young generation: OTLP ingest allocates short-lived rows fast, and at the default size the
# scavenges cost ~9% of its throughput (bench/RESULTS.md, session 8). The Dockerfile and `npm run bench` do the same.
exec node --max-semi-space-size=64 --import tsx server/src/cli.ts start
