#!/bin/sh
# Runs a command in a D-Bus session of its own with a new, unlocked GNOME Keyring: the system
# keychain (Secret Service) of the tests of core/account/SecretVault. Its home is a temporary
# folder, removed at the end with the keyring daemon.
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
export XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
set +e
dbus-run-session -- sh -c '
    printf %s parley-test | gnome-keyring-daemon --foreground --unlock --components=secrets \
        >"$HOME/keyring.log" 2>&1 &
    daemon=$!
    # Until the Secret Service has its name on the bus (at most 10 s).
    tries=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
            | grep -q "boolean true"; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ]; then
            echo "with-keyring.sh: gnome-keyring-daemon did not start:" >&2
            cat "$HOME/keyring.log" >&2
            kill "$daemon" 2>/dev/null
            exit 1
        fi
        sleep 0.1
    done
    "$@"
    rc=$?
    kill "$daemon" 2>/dev/null
    wait "$daemon" 2>/dev/null
    exit "$rc"' sh "$@"
rc=$?
exit "$rc"
