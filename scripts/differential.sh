#!/usr/bin/env bash
# Differential check (not run by CI): random valid modules from binaryen's translate-to-fuzz mode
# (`wasm-opt -ttf`, Debian package binaryen), run under wasmvm and under node with the same calls;
# the transcripts (log-import values, results, traps) must agree.
#   scripts/differential.sh [modules, default 200] [seed, default 1]
# Needs: wasm-opt, node (18+), a compiled wasmvm-core (./mvnw -pl wasmvm-core test-compile).
# Features: Wasm 2.0 without reference types and SIMD (binaryen 108's -ttf emits typed function
# references once reference types are on, and wasmvm has no SIMD). binaryen 108 never emits a 64-bit
# memory, even with --enable-memory64, so memory64 is covered by the spec suite only. Everything is
# kept in target/differential/ (inputs, modules, both transcripts); the script exits 1 on a mismatch.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count=${1:-200}
seed=${2:-1}
work=target/differential
rm -rf "$work" && mkdir -p "$work"
# NaN signs and payloads are nondeterministic in wasm (V8 keeps a NaN's sign through f32.nearest,
# wasmvm's clears it; both are correct), so by default --denan makes the
# modules turn every NaN into 0 at runtime, as binaryen's own cross-engine fuzzing does. DENAN=0 keeps NaNs.
denan=$([ "${DENAN:-1}" = 1 ] && echo --denan || true)
features="--enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int --enable-bulk-memory --enable-multivalue"
cp=wasmvm-core/target/classes:wasmvm-core/target/test-classes
[ -d wasmvm-core/target/test-classes/org/wasmvm/core/fuzz ] || ./mvnw -B -ntp -q -pl wasmvm-core test-compile

# random input for -ttf: deterministic per (seed, i), 1-16 KiB
python3 - "$work" "$count" "$seed" <<'PY'
import random, sys
work, count, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for i in range(1, count + 1):
    r = random.Random(f"{seed}-{i}")
    with open(f"{work}/in{i}.dat", "wb") as f:
        f.write(r.randbytes(1024 * r.randint(1, 16)))
PY
for i in $(seq 1 "$count"); do
  wasm-opt -ttf "$work/in$i.dat" $features $denan -o "$work/m$i.wasm" 2>/dev/null
done
java -cp "$cp" org.wasmvm.core.fuzz.DifferentialMain "$work"/m*.wasm
node --experimental-wasm-memory64 scripts/differential.js "$work"/m*.wasm 2>/dev/null ||
  node scripts/differential.js "$work"/m*.wasm

compared=0 mismatches=0 calls=0 traps=0
for w in "$work"/m*.wasm; do
  base=${w%.wasm}
  compared=$((compared + 1))
  calls=$((calls + $(grep -c '^call ' "$base.wasmvm.txt" || true)))
  traps=$((traps + $(grep -c '^trap' "$base.wasmvm.txt" || true)))
  if ! cmp -s "$base.wasmvm.txt" "$base.node.txt"; then
    mismatches=$((mismatches + 1))
    echo "MISMATCH $w"
    diff "$base.wasmvm.txt" "$base.node.txt" | head -n 10 || true
  fi
done
echo "compared $compared modules ($calls export calls, $traps traps): $mismatches mismatches"
[ "$mismatches" -eq 0 ]
