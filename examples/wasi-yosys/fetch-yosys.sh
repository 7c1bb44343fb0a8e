#!/bin/sh
# Fetches yosys as a WASI preview1 module from the npm package @yowasp/yosys (ISC; the module is
# ~30 MB, so it is kept out of git) and puts it at $WASMVM_TOOLS/yosys.wasm
# (default ~/.cache/wasmvm-tools/yosys.wasm), where YosysTest finds it.
# Needs npm and tar. Usage: examples/wasi-yosys/fetch-yosys.sh [version]
set -eu
version="${1:-0.55.944}"
dest="${WASMVM_TOOLS:-$HOME/.cache/wasmvm-tools}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$dest"
(cd "$work" && npm pack --silent "@yowasp/yosys@$version" >/dev/null && tar xzf yowasp-yosys-*.tgz)
cp "$work/package/gen/yosys.core.wasm" "$dest/yosys.wasm"
echo "$dest/yosys.wasm"
