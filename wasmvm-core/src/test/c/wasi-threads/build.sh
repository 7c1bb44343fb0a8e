#!/usr/bin/env bash
# Rebuilds ../../resources/modules/wasi-threads.wasm: a wasm32 wasi-threads program without a libc (no
# wasm32-wasi-threads sysroot in Debian). Debian packages: clang-16 lld-16.
set -euo pipefail
cd "$(dirname "$0")"
clang-16 --target=wasm32-wasi-threads -ffreestanding -nostdlib -O2 -Wall -Werror -matomics -mbulk-memory \
  -Wl,--import-memory -Wl,--shared-memory -Wl,--max-memory=1048576 -Wl,--no-entry \
  -o ../../resources/modules/wasi-threads.wasm threads.c thread_start.s
