#!/usr/bin/env bash
# Regenerates the shared seed corpus of the Jazzer fuzz tests (ModuleFuzzTest) from the vendored
# spec suites: from every spec test directory of the 2.0 suite, its three largest modules under 4 KiB,
# plus three more of the (mostly malformed) binary* ones; from the 3.0 suite, the same of each core
# directory that the 2.0 suite does not have (tail calls, typed references, rec groups, ...) and of each
# exception handling directory (exceptions, legacy-exceptions) and of each GC directory (gc), and the largest one
# of each SIMD directory (simd, relaxed-simd), plus wasmvm's own GC test module. Deterministic; about 510 files,
# ~200 KB.
# Crash inputs that Jazzer writes into ModuleFuzzTestInputs/<method>/ are kept as they are.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
suite=wasmvm-core/src/test/wasm-testsuite
suite3=wasmvm-core/src/test/wasm-testsuite-3.0
out=wasmvm-core/src/test/resources/org/wasmvm/core/fuzz/ModuleFuzzTestInputs
mkdir -p "$out"
find "$out" -maxdepth 1 -type f -name 'seed-*' -delete
new3=()
for dir in "$suite3"/core/*; do
  [ -d "$suite/core/$(basename "$dir")" ] || new3+=("$dir")
done
for dir in "$suite"/core/* "$suite"/memory64/* "${new3[@]}" "$suite3"/exceptions/* "$suite3"/legacy-exceptions/* \
    "$suite3"/gc/* "$suite3"/simd/* "$suite3"/relaxed-simd/*; do
  [ -d "$dir" ] || continue
  suiteName=$(basename "$(dirname "$dir")")
  case "$dir" in "$suite3"/*) suiteName=wasm3-$suiteName ;; esac
  n=3
  case "$(basename "$dir")" in binary*|custom|utf8*) n=6 ;; esac
  case "$dir" in "$suite3"/simd/*|"$suite3"/relaxed-simd/*) n=1 ;; esac
  files=$(find "$dir" -name '*.wasm' -size -4096c -printf '%s %p\n' | sort -k1,1nr -k2 | awk -v n="$n" 'NR <= n { print $2 }')
  for file in $files; do
    cp "$file" "$out/seed-$suiteName-$(basename "$file")"
  done
done
# packed, v128 and NaN storage, casts of host objects (GcTest's module)
cp wasmvm-core/src/test/resources/modules/gc.wasm "$out"/seed-wasmvm-gc.wasm
# the differential target of wasmvm-compiler (EngineDifferentialFuzzTest) starts from the same seeds
twin=wasmvm-compiler/src/test/resources/org/wasmvm/core/fuzz/EngineDifferentialFuzzTestInputs
mkdir -p "$twin"
find "$twin" -maxdepth 1 -type f -name 'seed-*' -delete
cp "$out"/seed-* "$twin"/
# and from the compiler's own modules of references across the tier boundary (host import, several results, tables)
# and of exception handlers where the JVM's differ from wasm's (values below a try, loops in try and catch bodies)
cp wasmvm-compiler/src/test/resources/modules/reference-boundaries.wasm "$twin"/seed-compiler-references.wasm
cp wasmvm-compiler/src/test/resources/modules/exceptions-compiled.wasm "$twin"/seed-compiler-exceptions.wasm
echo "$(find "$out" -maxdepth 1 -name 'seed-*' | wc -l) seeds, $(cat "$out"/seed-* | wc -c) bytes"
