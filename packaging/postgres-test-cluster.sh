#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite: a fresh initdb in a temporary folder, on a
# free port of 127.0.0.1 only, with a password role `parley` (CREATEDB) and a database
# `parley_test`. Debian's own cluster (pg_lsclusters) is never touched.
#
# Run:     eval "$(packaging/postgres-test-cluster.sh start)"   # exports the two variables below
#          packaging/postgres-test-cluster.sh stop               # uses PARLEY_TEST_POSTGRES_DIR
# Source:  pg_test_cluster_start / pg_test_cluster_stop (what packaging/test.sh does).
#
# PARLEY_TEST_POSTGRES_URL  postgresql://parley:PASSWORD@127.0.0.1:PORT/parley_test
# PARLEY_TEST_POSTGRES_DIR  the temporary folder (data, socket, log), removed by stop
#
# As root the server runs as the `postgres` user (initdb refuses root); as anyone else it runs
# as that user, which needs no privilege at all. It runs with fsync=off: it is thrown away after
# the tests, and no test crashes PostgreSQL itself.

pg_test_cluster_bindir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        echo "parley: PostgreSQL server binaries not found under /usr/lib/postgresql;" \
            "install the Debian package 'postgresql'" >&2
        return 1
    fi
    echo "$dir"
}

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
pg_test_cluster_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# A random port in 20000..31999 that nothing on 127.0.0.1 answers on: below Linux's ephemeral
# range (32768..), where the local ends of the tests' own connections would collide. pg_ctl start
# still fails cleanly if another process takes the port first; the caller then tries another.
pg_test_cluster_free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 12000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "parley: found no free port on 127.0.0.1" >&2
    return 1
}

pg_test_cluster_start() {
    local bindir dir password port started=0 begin
    begin="$(date +%s%N)"
    bindir="$(pg_test_cluster_bindir)" || return 1
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        echo "parley: there is no 'postgres' user; install the Debian package 'postgresql'" >&2
        return 1
    fi
    # In /tmp, not $TMPDIR: the `postgres` user must reach it, and a socket path has at most
    # 107 bytes.
    dir="$(mktemp -d /tmp/parley-postgres.XXXXXX)" || return 1
    # Known from here on, so that pg_test_cluster_stop cleans up whatever happens next.
    export PARLEY_TEST_POSTGRES_DIR="$dir"
    chmod 0700 "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$dir"
    fi
    # Hex digits only, so the URL needs no escaping.
    password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"

    # Local (socket) connections are trusted: the socket lives in this 0700 folder, so only its
    # owner reaches it. TCP needs the password (SCRAM). C.UTF-8 collates like SQLite (by code
    # point), so ORDER BY on text gives the same order on both backends.
    if ! pg_test_cluster_as_owner "$bindir/initdb" -D "$dir/data" -U postgres \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1; then
        echo "parley: initdb failed:" >&2
        cat "$dir/initdb.log" >&2
        pg_test_cluster_stop
        return 1
    fi

    for _ in 1 2 3 4 5; do
        port="$(pg_test_cluster_free_port)" || break
        if pg_test_cluster_as_owner "$bindir/pg_ctl" start -w -t 60 -D "$dir/data" \
            -l "$dir/server.log" \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" \
            >>"$dir/pg_ctl.log" 2>&1; then
            started=1
            break
        fi
    done
    if [ "$started" -ne 1 ]; then
        echo "parley: the PostgreSQL test cluster did not start:" >&2
        cat "$dir/pg_ctl.log" >&2 2>/dev/null
        tail -n 20 "$dir/server.log" >&2 2>/dev/null
        pg_test_cluster_stop
        return 1
    fi

    # The password goes through standard input, not the command line.
    if ! pg_test_cluster_as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" \
        -U postgres -d postgres >/dev/null <<SQL; then
CREATE ROLE parley LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE parley_test OWNER parley;
SQL
        echo "parley: could not create the test role and database" >&2
        pg_test_cluster_stop
        return 1
    fi

    export PARLEY_TEST_POSTGRES_URL="postgresql://parley:$password@127.0.0.1:$port/parley_test"
    echo "parley: PostgreSQL test cluster on 127.0.0.1:$port ($dir)," \
        "up in $((($(date +%s%N) - begin) / 1000000)) ms" >&2
}

pg_test_cluster_stop() {
    local dir="${PARLEY_TEST_POSTGRES_DIR:-}" bindir
    [ -n "$dir" ] || return 0
    if [ -f "$dir/data/postmaster.pid" ]; then
        bindir="$(pg_test_cluster_bindir)" || return 1
        # pg_ctl status exits 3 when no server runs (it died, or never came up).
        if ! pg_test_cluster_as_owner "$bindir/pg_ctl" stop -w -t 60 -D "$dir/data" -m fast \
            >/dev/null 2>&1 \
            && { pg_test_cluster_as_owner "$bindir/pg_ctl" status -D "$dir/data" >/dev/null 2>&1
                [ $? -ne 3 ]; }; then
            echo "parley: could not stop the PostgreSQL test cluster in $dir" >&2
            tail -n 20 "$dir/server.log" >&2 2>/dev/null
            return 1
        fi
    fi
    rm -rf "$dir"
    unset PARLEY_TEST_POSTGRES_DIR PARLEY_TEST_POSTGRES_URL
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-}" in
    start)
        trap pg_test_cluster_stop ERR # leaves nothing behind when a step fails
        pg_test_cluster_start
        printf 'export PARLEY_TEST_POSTGRES_URL=%q\nexport PARLEY_TEST_POSTGRES_DIR=%q\n' \
            "$PARLEY_TEST_POSTGRES_URL" "$PARLEY_TEST_POSTGRES_DIR"
        ;;
    stop)
        PARLEY_TEST_POSTGRES_DIR="${2:-${PARLEY_TEST_POSTGRES_DIR:-}}"
        if [ -z "$PARLEY_TEST_POSTGRES_DIR" ]; then
            echo "usage: $0 stop [DIR]   (or set PARLEY_TEST_POSTGRES_DIR)" >&2
            exit 2
        fi
        pg_test_cluster_stop
        ;;
    *)
        echo "usage: $0 start|stop [DIR]" >&2
        exit 2
        ;;
    esac
fi
