#!/usr/bin/env bash
# Installs what is missing, builds, starts parley-server on its embedded default (SQLite and a
# media folder under ./parley-data) and opens the desktop app connected to it.
# Environment: PARLEY_DATA_DIR (default ./parley-data), PARLEY_PORT (default 8765, or a free port
# when 8765 is taken).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_packages "$PARLEY_ROOT/packaging/debian-packages.txt"
build_parley "$PARLEY_ROOT/build"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    cat >&2 <<MSG
parley: the build is ready, but there is no display to open the desktop app on
        (neither DISPLAY nor WAYLAND_DISPLAY is set).
        Run this command from a desktop session, or under a virtual display:
            xvfb-run -a packaging/run.sh
        The server alone runs without a display:
            build/server/parley-server --data-dir parley-data
MSG
    exit 2
fi

data_dir="${PARLEY_DATA_DIR:-$PARLEY_ROOT/parley-data}"
log="$(mktemp)"
server_pid=""
trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; rm -f "$log"' EXIT

# Starts the server on 127.0.0.1:$1 and sets $address once it listens; fails if it exits.
start_server() {
    : > "$log"
    "$PARLEY_ROOT/build/server/parley-server" --listen "127.0.0.1:$1" \
        --data-dir "$data_dir" --otp-delivery console > >(tee -a "$log") 2>&1 &
    server_pid=$!
    address=""
    for _ in $(seq 1 100); do
        address="$(sed -n 's/^parley-server listening on //p' "$log")"
        [ -n "$address" ] && return 0
        kill -0 "$server_pid" 2>/dev/null || { wait "$server_pid" 2>/dev/null || true; server_pid=""; return 1; }
        sleep 0.1
    done
    return 1
}

# A fixed port keeps the server's address, and so the app's saved session, the same from one
# run to the next; when it is taken, any free port will do (the app then signs in again).
if ! start_server "${PARLEY_PORT:-8765}"; then
    if [ -n "${PARLEY_PORT:-}" ] || ! grep -q "cannot listen" "$log"; then
        echo "parley: the server did not start" >&2
        exit 1
    fi
    echo "parley: port 8765 is taken; using a free port instead"
    start_server 0 || { echo "parley: the server did not start" >&2; exit 1; }
fi

cat <<MSG
parley: server at http://$address (data in $data_dir); login codes are printed here.
parley: a second desktop client for testing:
            build/app/parley --server http://$address --profile /tmp/parley-second
MSG
"$PARLEY_ROOT/build/app/parley" --server "http://$address" --profile "$data_dir/desktop-profile"
