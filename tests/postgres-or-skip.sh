#!/bin/sh
# Runs a test executable on PostgreSQL (CTest's <name>_postgresql tests), or reports it skipped
# (exit 77, SKIP_RETURN_CODE) when no cluster was given, as in a plain `ctest` by a developer.
if [ -z "${PARLEY_TEST_POSTGRES_URL:-}" ]; then
    echo "skipped: PARLEY_TEST_POSTGRES_URL is not set. packaging/test.sh starts a throwaway"
    echo "PostgreSQL for the tests; by hand: eval \"\$(packaging/postgres-test-cluster.sh start)\""
    exit 77
fi
exec "$@"
