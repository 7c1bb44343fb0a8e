#!/usr/bin/env bash
# Rebuilds the committed .wasm test modules from their .wat sources (Debian package: wabt).
set -euo pipefail
cd "$(dirname "$0")"
for wat in *.wat; do
  flags=(--enable-memory64 --enable-multi-memory --enable-extended-const --enable-exceptions --enable-threads --debug-names)
  # wabt 1.0.32 predates Wasm 3.0's global.get of a module's own (earlier) globals in constant expressions
  [[ $wat == extended-const.wat ]] && flags+=(--no-check)
  wat2wasm "${flags[@]}" "$wat" -o "${wat%.wat}.wasm"
done
