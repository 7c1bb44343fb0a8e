#!/usr/bin/env bash
# Rebuilds the committed .wasm test modules from their .wat sources (Debian package: wabt).
set -euo pipefail
cd "$(dirname "$0")"
for wat in *.wat; do
  wat2wasm --enable-memory64 --enable-multi-memory --debug-names "$wat" -o "${wat%.wat}.wasm"
done
