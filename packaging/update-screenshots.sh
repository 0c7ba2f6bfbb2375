#!/usr/bin/env bash
# Refreshes the screenshots the README shows (docs/screenshots/) from a run of the UI tests that
# make them (tests/ui/tst_chatwindow and tst_securitycode, offscreen against a real server): never drawn by hand.
# Run after packaging/test.sh (or any build in ./build).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build"
shots="$build/screenshots"
rm -rf "$shots"
(cd "$build" && ctest -R '^tst_(chatwindow|securitycode)$' --output-on-failure)
mkdir -p "$root/docs/screenshots"
for name in chat-light chat-dark chat-arabic settings-profile safety-number; do
    cp "$shots/$name.png" "$root/docs/screenshots/$name.png"
done
echo "docs/screenshots updated from $shots"
