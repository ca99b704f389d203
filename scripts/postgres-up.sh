#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster if it is not running and makes sure
# the test role exists. Prints the connection URL for a throwaway database
# prefix on stdout; everything else goes to stderr.
set -euo pipefail

PG_ROLE=${PG_TEST_ROLE:-console_test}
PG_PASSWORD=${PG_TEST_PASSWORD:-console_test_pw}

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "postgres-up: PostgreSQL is not installed; installing Debian's package" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  echo "postgres-up: no PostgreSQL cluster found" >&2
  exit 1
fi
set -- $cluster
version=$1 name=$2
port=$(pg_lsclusters --no-header | awk 'NR==1 {print $3}')
if ! pg_lsclusters --no-header | awk 'NR==1 {print $4}' | grep -q online; then
  echo "postgres-up: starting cluster $version/$name" >&2
  pg_ctlcluster "$version" "$name" start >&2
fi

for _ in $(seq 1 30); do
  runuser -u postgres -- pg_isready -q -p "$port" && break
  sleep 0.5
done

runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >&2 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD' CREATEDB;
  END IF;
END
\$\$;
SQL

echo "postgres://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$port/postgres"
