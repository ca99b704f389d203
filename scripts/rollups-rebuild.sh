#!/usr/bin/env bash
# npm run rollups:rebuild. Outside Next, "server-only" is the tests' stub and "@" the project's root.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
export JITI_ALIAS="{\"server-only\":\"$root/lib/testing/server-only-stub.ts\",\"@\":\"$root\"}"
exec node_modules/.bin/jiti scripts/rollups-rebuild.ts "$@"
