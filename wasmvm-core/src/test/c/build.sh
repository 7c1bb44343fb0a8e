#!/usr/bin/env bash
# Rebuilds the committed C guest modules (../resources/modules/*.wasm) from the sources here, with
# the packaged sysenv.h (so the header's _Static_asserts are checked too).
# Debian packages: clang-16 lld-16. The WAT modules are rebuilt by ../resources/modules/regenerate.sh.
set -euo pipefail
cd "$(dirname "$0")"
out=../resources/modules
include=../../main/resources/org/wasmvm/core/sysenv
for c in *.c; do
  clang-16 --target=wasm64-unknown-unknown -nostdlib -O2 -fno-builtin -Wall -Werror \
    -I "$include" -Wl,--entry=_start -Wl,--export=_start \
    -o "$out/${c%.c}.wasm" "$c"
done
