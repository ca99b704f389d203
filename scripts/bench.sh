#!/usr/bin/env bash
# npm run bench: history, search and overview figures on SQLite and PostgreSQL side by side, then
# the JavaScript /calls/new ships (scripts/bundle-weight.mjs) from a production build.
# BENCH_ROWS (default 1,000,000) attempts are seeded into throwaway databases. PostgreSQL is
# started the way the tests do it (scripts/postgres-up.sh) unless TEST_POSTGRES_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-$(bash scripts/postgres-up.sh)}"
export TEST_POSTGRES_URL
node_modules/.bin/vitest run --config vitest.bench.config.ts --reporter=default "$@"
# The table was written unaligned: keep the document formatted.
node_modules/.bin/prettier --write docs/benchmarks.md > /dev/null
# The JavaScript /calls/new ships, from a fresh production build (BENCH_SKIP_BUILD=1 reads the last one).
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then node_modules/.bin/next build > /dev/null; fi
node scripts/bundle-weight.mjs /calls/new
