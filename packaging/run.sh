#!/usr/bin/env bash
# Installs what is missing, builds, starts parley-server on its embedded default (SQLite and a
# media folder under ./parley-data) and opens the desktop app connected to it.
# It also starts the demo contact (parley-cli demo, a real client with its own keys that answers
# every message), so that one person alone can try every feature.
# Environment: PARLEY_DATA_DIR (default ./parley-data), PARLEY_PORT (default 8765, or a free port
# when 8765 is taken), PARLEY_DEMO=0 to run without the demo contact.
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
demo_pid=""
stop_all() {
    for pid in $demo_pid $server_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -f "$log"
}
trap stop_all EXIT

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

cli="$PARLEY_ROOT/build/app/parley-cli"
demo_number="+12025550100"
demo_profile="$data_dir/demo-profile"

# Signs the demo contact in, answering with the code the server prints to its log.
demo_login() {
    {
        code=""
        for _ in $(seq 1 100); do
            code="$(sed -n "s/^Parley login code for $demo_number: //p" "$log" | tail -n 1)"
            [ -n "$code" ] && break
            sleep 0.1
        done
        echo "$code"
    } | "$cli" --server "http://$address" --profile "$demo_profile" login "$demo_number" \
        >/dev/null 2>&1
}

# Starts the demo contact; signs it in first when its profile has no session for this server
# (or the server refused it: a new data folder).
start_demo() {
    if ! grep -qs "\"http://$address\"" "$demo_profile/session.json"; then
        demo_login || return 1
    fi
    "$cli" --server "http://$address" --profile "$demo_profile" demo >>"$data_dir/demo.log" 2>&1 &
    demo_pid=$!
    sleep 2
    if ! kill -0 "$demo_pid" 2>/dev/null; then
        wait "$demo_pid" 2>/dev/null || true
        demo_pid=""
        demo_login || return 1
        "$cli" --server "http://$address" --profile "$demo_profile" demo >>"$data_dir/demo.log" 2>&1 &
        demo_pid=$!
    fi
}

demo_line=""
if [ "${PARLEY_DEMO:-1}" != "0" ]; then
    if start_demo; then
        demo_line="parley: demo contact \"Parley Demo\" at $demo_number: start a chat with it (New chat)."
    else
        demo_line="parley: the demo contact did not start (see $data_dir/demo.log)."
    fi
fi

cat <<MSG
parley: server at http://$address (data in $data_dir); login codes are printed here.
$demo_line
parley: a second desktop client for testing:
            build/app/parley --server http://$address --profile /tmp/parley-second
MSG
"$PARLEY_ROOT/build/app/parley" --server "http://$address" --profile "$data_dir/desktop-profile"
