#!/bin/sh
# Fetches nextpnr-ice40 from the npm package @yowasp/nextpnr-ice40 0.11.96-dev.805 (ISC; a C++ WASI
# command built with wasm exceptions, whose thread-safe code uses atomic instructions on its ordinary
# memory), checks the tarball's sha256 and puts the module at $WASMVM_TOOLS/nextpnr-ice40-dev.wasm and
# its chip databases (the package's split resource tar) under $WASMVM_TOOLS/nextpnr-ice40-dev-share/ice40
# (default WASMVM_TOOLS: ~/.cache/wasmvm-tools), where NextpnrTest finds them.
# Needs npm, tar and sha256sum. Usage: scripts/fetch-nextpnr-ice40.sh
set -eu
. "$(dirname "$0")/npm-package.sh"
npm_package @yowasp/nextpnr-ice40 0.11.96-dev.805 7528e64e486f295fcfd2dbdc72e4454ed59e3965acc9bb71cb139dcb958f8a8b "$work"
rm -rf "$dest/nextpnr-ice40-dev-share"
mkdir -p "$dest/nextpnr-ice40-dev-share"
cat "$work"/package/gen/nextpnr-ice40-resources.*.tar | tar x -C "$dest/nextpnr-ice40-dev-share"
cp "$work/package/gen/nextpnr-ice40.core.wasm" "$dest/nextpnr-ice40-dev.wasm"
echo "$dest/nextpnr-ice40-dev.wasm"
