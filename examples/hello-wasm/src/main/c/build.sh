#!/usr/bin/env bash
# Rebuilds src/main/wasm/greeting.wasm from greeting.c: a wasm64 (memory64) module without libc,
# which imports only the sysenv host functions declared in wasmvm-core's sysenv.h.
# Needs clang-16 and lld-16 (Debian/Ubuntu: apt-get install clang-16 lld-16). The .wasm is
# committed, so building the example does not need them.
set -euo pipefail
cd "$(dirname "$0")"
include=../../../../../wasmvm-core/src/main/resources/org/wasmvm/core/sysenv
clang-16 --target=wasm64-unknown-unknown -nostdlib -O2 -fno-builtin -Wall -Werror \
  -I "$include" -Wl,--entry=_start -Wl,--export=_start \
  -o ../wasm/greeting.wasm greeting.c
echo "built $(cd ../wasm && pwd)/greeting.wasm"
