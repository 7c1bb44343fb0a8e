#!/usr/bin/env bash
# Rebuilds the linking demo (../../resources/linked: app/main.wasm, app/lib/mathlib.wasm,
# ext/shout.wasm) from the sources here; README "Programs of several modules" runs it.
# Debian packages: clang-16 lld-16. Run: wasmvm -e ext app/main.wasm (from ../../resources/linked).
set -euo pipefail
cd "$(dirname "$0")"
out=../../resources/linked
core=../../../../../wasmvm-core/src
cc=(clang-16 --target=wasm64-unknown-unknown -nostdlib -O2 -fno-builtin -Wall -Werror
  -I "$core/main/resources/org/wasmvm/core/sysenv" -I "$core/test/c")
mkdir -p "$out/app/lib" "$out/ext"
"${cc[@]}" -Wl,--no-entry -o "$out/app/lib/mathlib.wasm" mathlib.c
"${cc[@]}" -Wl,--no-entry -o "$out/ext/shout.wasm" shout.c
"${cc[@]}" -Wl,--entry=_start -Wl,--export=_start -o "$out/app/main.wasm" main.c
