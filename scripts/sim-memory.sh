#!/usr/bin/env bash
# npm run bench:sim-memory: 10,000 simulated starts (SIM_STARTS) on SQLite and PostgreSQL, RSS before and after.
# PostgreSQL is started the way the tests do it (scripts/postgres-up.sh) unless TEST_POSTGRES_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-$(bash scripts/postgres-up.sh)}"
export TEST_POSTGRES_URL
exec node --expose-gc scripts/sim-memory.mjs "$@"
