#!/bin/sh
# Fetches pandoc 3.10 as a WASI preview1 module (GHC's wasm backend: SIMD and exception handling)
# from the npm package pandoc-wasm (GPL-2.0-or-later; the module is ~58 MB, so it is kept out of git)
# and puts it at $WASMVM_TOOLS/pandoc.wasm (default ~/.cache/wasmvm-tools/pandoc.wasm), where
# PandocTest finds it. Needs npm and tar. Usage: scripts/fetch-pandoc.sh [version]
set -eu
version="${1:-1.1.0}"
dest="${WASMVM_TOOLS:-$HOME/.cache/wasmvm-tools}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$dest"
(cd "$work" && npm pack --silent "pandoc-wasm@$version" >/dev/null && tar xzf pandoc-wasm-*.tgz)
cp "$work/package/src/pandoc.wasm" "$dest/pandoc.wasm"
echo "$dest/pandoc.wasm"
