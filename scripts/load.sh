#!/usr/bin/env bash
# npm run load: two console instances on one PostgreSQL, 1,000 starts through the server action (scripts/load.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/ensure-deps.sh
TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-$(bash scripts/postgres-up.sh)}"
export TEST_POSTGRES_URL
exec node scripts/load.mjs "$@"
