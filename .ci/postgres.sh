#!/usr/bin/env bash
# Starts a local PostgreSQL with a throwaway database for the journal tests and prints the
# environment the tests read. Needs root (installs and starts Debian's postgresql).
set -euo pipefail
# only the export lines go to stdout, so that eval "$(.ci/postgres.sh)" works
exec 3>&1 1>&2
if ! command -v pg_ctlcluster >/dev/null; then
  apt-get install -y -q postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
# 3>&-: the server must not inherit the captured stdout, or "$(.ci/postgres.sh)" never returns
pg_ctlcluster "$version" main start 2>/dev/null 3>&- || true
for _ in $(seq 1 30); do
  runuser -u postgres -- pg_isready -q && break
  sleep 1
done
runuser -u postgres -- pg_isready -q || { echo "PostgreSQL did not start" >&2; exit 1; }
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<'SQL'
DROP DATABASE IF EXISTS cockpit_test;
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cockpit') THEN
    CREATE ROLE cockpit LOGIN PASSWORD 'cockpit';
  END IF;
END $$;
CREATE DATABASE cockpit_test OWNER cockpit;
SQL
port=$(runuser -u postgres -- psql -tAc "SHOW port")
echo >&3 "export SHANZHI_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$port/cockpit_test"
echo >&3 "export SHANZHI_TEST_PG_USER=cockpit"
echo >&3 "export SHANZHI_TEST_PG_PASSWORD=cockpit"
