#!/usr/bin/env bash
# Regenerates the shared seed corpus of the Jazzer fuzz tests (ModuleFuzzTest) from the vendored
# spec suite: from every spec test directory, its three largest modules under 4 KiB, plus three
# more of the (mostly malformed) binary* ones. Deterministic; about 330 files, ~100 KB.
# Crash inputs that Jazzer writes into ModuleFuzzTestInputs/<method>/ are kept as they are.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
suite=wasmvm-core/src/test/wasm-testsuite
out=wasmvm-core/src/test/resources/org/wasmvm/core/fuzz/ModuleFuzzTestInputs
mkdir -p "$out"
find "$out" -maxdepth 1 -type f -name 'seed-*' -delete
for dir in "$suite"/core/* "$suite"/memory64/*; do
  [ -d "$dir" ] || continue
  suiteName=$(basename "$(dirname "$dir")")
  n=3
  case "$(basename "$dir")" in binary*|custom|utf8*) n=6 ;; esac
  files=$(find "$dir" -name '*.wasm' -size -4096c -printf '%s %p\n' | sort -k1,1nr -k2 | awk -v n="$n" 'NR <= n { print $2 }')
  for file in $files; do
    cp "$file" "$out/seed-$suiteName-$(basename "$file")"
  done
done
# the differential target of wasmvm-compiler (EngineDifferentialFuzzTest) starts from the same seeds
twin=wasmvm-compiler/src/test/resources/org/wasmvm/core/fuzz/EngineDifferentialFuzzTestInputs
mkdir -p "$twin"
find "$twin" -maxdepth 1 -type f -name 'seed-*' -delete
cp "$out"/seed-* "$twin"/
echo "$(find "$out" -maxdepth 1 -name 'seed-*' | wc -l) seeds, $(cat "$out"/seed-* | wc -c) bytes"
