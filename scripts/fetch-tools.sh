#!/bin/sh
# Fetches every published tool wasmvm-bench's ToolRun measures into $WASMVM_TOOLS (default
# ~/.cache/wasmvm-tools), from npm (ISC-licensed YoWASP packages; tens of MB each, kept out of git),
# each tarball checked against its sha256:
#   yosys.wasm, yosys-share/            @yowasp/yosys 0.55.944 (the share/ tree: techmap rules and cell
#                                       libraries, kept by the package in gen/resources-yosys.js)
#   nextpnr-ice40.wasm, nextpnr-ice40-share/   @yowasp/nextpnr-ice40 0.8.621 (share/ice40: the chip databases)
#   yosys-exceptions.wasm               scripts/fetch-yosys-exceptions.sh (yosys 0.70 dev, wasm exceptions)
# Needs npm, node, tar and sha256sum. Usage: scripts/fetch-tools.sh
set -eu
repo="$(cd "$(dirname "$0")/.." && pwd)"
. "$repo/scripts/npm-package.sh"

npm_package @yowasp/yosys 0.55.944 4a13ffd784017a076f84a3d4a4149e5c63c37ec66313ed9343a5346e1f5010e8 "$work/yosys"
cp "$work/yosys/package/gen/yosys.core.wasm" "$dest/yosys.wasm"
rm -rf "$dest/yosys-share"
node "$repo/examples/yosys-tool-archive/yosys-wasi/src/main/node/unpack-share.mjs" "$work/yosys/package/gen" "$work/yosys-out" >/dev/null
mv "$work/yosys-out/share" "$dest/yosys-share"

npm_package @yowasp/nextpnr-ice40 0.8.621 f783e747b36eae7d0d181f0ad76a177059fb88d8254f740948584fd88e34a607 "$work/nextpnr-ice40"
cp "$work/nextpnr-ice40/package/gen/nextpnr-ice40.core.wasm" "$dest/nextpnr-ice40.wasm"
rm -rf "$dest/nextpnr-ice40-share"
mv "$work/nextpnr-ice40/package/gen/share" "$dest/nextpnr-ice40-share"

"$repo/scripts/fetch-yosys-exceptions.sh" >/dev/null
ls -d "$dest"/yosys.wasm "$dest"/yosys-share "$dest"/nextpnr-ice40.wasm "$dest"/nextpnr-ice40-share "$dest"/yosys-exceptions.wasm
