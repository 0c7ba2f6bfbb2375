#!/usr/bin/env bash
# Installs what is missing, builds and runs the whole test suite through CTest.
# With --sanitize: the same in a separate AddressSanitizer + UBSan build (build-asan/).
# The suites that use server storage run on SQLite and on PostgreSQL: this script starts a
# throwaway PostgreSQL cluster on 127.0.0.1 for them (packaging/postgres-test-cluster.sh) and
# stops it on exit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

build_dir="$PARLEY_ROOT/build"
cmake_args=()
if [ "${1:-}" = "--sanitize" ]; then
    build_dir="$PARLEY_ROOT/build-asan"
    cmake_args+=(-DPARLEY_SANITIZE=ON)
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    export LSAN_OPTIONS="suppressions=$PARLEY_ROOT/tests/lsan.supp"
fi

install_packages "$PARLEY_ROOT/packaging/debian-packages.txt"
build_parley "$build_dir" "${cmake_args[@]}"

source "$PARLEY_ROOT/packaging/postgres-test-cluster.sh"
trap pg_test_cluster_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
pg_test_cluster_start
ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)" --timeout 600
