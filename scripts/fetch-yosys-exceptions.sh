#!/bin/sh
# Fetches yosys 0.69+62 as a WASI preview1 command built with C++ exceptions as wasm exceptions
# (wasi-sdk 33, clang 22, -fwasm-exceptions: the exnref form, try_table and throw_ref) from the npm
# package @yowasp/yosys 0.70.62-dev.1236 (ISC; the module is ~66 MB, so it is kept out of git), checks
# the tarball's sha256 and puts the module at $WASMVM_TOOLS/yosys-exceptions.wasm (default
# ~/.cache/wasmvm-tools/yosys-exceptions.wasm), where YosysExceptionsTest finds it. (yosys.wasm from
# examples/wasi-yosys/fetch-yosys.sh is the older 0.55.944, built without exceptions.)
# Needs npm, tar and sha256sum. Usage: scripts/fetch-yosys-exceptions.sh
set -eu
. "$(dirname "$0")/npm-package.sh"
npm_package @yowasp/yosys 0.70.62-dev.1236 c709e4d324118f16adce630ce1f329bbcb5aa919ebfda18435277157a03b0c64 "$work"
cp "$work/package/gen/yosys.core.wasm" "$dest/yosys-exceptions.wasm"
echo "$dest/yosys-exceptions.wasm"
