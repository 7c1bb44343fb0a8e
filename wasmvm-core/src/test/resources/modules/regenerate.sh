#!/usr/bin/env bash
# Rebuilds the committed .wasm test modules from their .wat sources (Debian package: wabt; for GC, npm: binaryen).
set -euo pipefail
cd "$(dirname "$0")"
for wat in *.wat; do
  [[ $wat == gc*.wat ]] && continue # wabt 1.0.32 reads no GC text: binaryen's wasm-as below
  flags=(--enable-memory64 --enable-multi-memory --enable-extended-const --enable-exceptions --enable-threads --debug-names)
  # wabt 1.0.32 predates Wasm 3.0's global.get of a module's own (earlier) globals in constant expressions
  [[ $wat == extended-const.wat ]] && flags+=(--no-check)
  wat2wasm "${flags[@]}" "$wat" -o "${wat%.wat}.wasm"
done
for wat in gc*.wat; do
  npx --yes -p binaryen@132.0.0 wasm-as --all-features --debuginfo "$wat" -o "${wat%.wat}.wasm"
done
