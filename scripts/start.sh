#!/usr/bin/env bash
# Runs the console: installs what is missing, builds, and serves on PORT (3000).
# Defaults: SQLite under ./data and the built-in simulator profile.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/ensure-deps.sh
echo "==> next build"
node_modules/.bin/next build
echo "==> serving on http://localhost:${PORT:-3000}"
exec node_modules/.bin/next start -p "${PORT:-3000}" ${HOST:+-H "$HOST"}
