#!/usr/bin/env bash
# Runs every test the way CI does: type check, lint, unit tests (on SQLite and
# PostgreSQL), a production build, and the browser tests in Debian's Chromium.
# Installs what a fresh machine lacks: npm packages, chromium, a running PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/ensure-deps.sh

if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "==> installing Debian's chromium for the browser tests"
  if [ "$(id -u)" -ne 0 ]; then
    echo "chromium is missing: run 'sudo apt-get install -y chromium' or set CHROMIUM_PATH" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi

echo "==> PostgreSQL"
TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-$(bash scripts/postgres-up.sh)}"
export TEST_POSTGRES_URL

rm -rf .test-results && mkdir -p .test-results

echo "==> type check"
node_modules/.bin/tsc --noEmit

echo "==> lint and format"
node_modules/.bin/eslint --max-warnings=0 .
node_modules/.bin/prettier --check . > /dev/null || { node_modules/.bin/prettier --check . ; echo "run: npm run format" >&2; exit 1; }

echo "==> unit tests"
node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=.test-results/vitest.json

echo "==> production build"
node_modules/.bin/next build

echo "==> browser tests"
PLAYWRIGHT_JSON_OUTPUT_NAME=.test-results/playwright.json node_modules/.bin/playwright test --reporter=list,json

echo "==> browser tests: two instances on one PostgreSQL"
PLAYWRIGHT_JSON_OUTPUT_NAME=.test-results/playwright-instances.json \
  node_modules/.bin/playwright test -c playwright.instances.config.ts --reporter=list,json

node scripts/summarize-tests.mjs .test-results/vitest.json .test-results/playwright.json .test-results/playwright-instances.json
