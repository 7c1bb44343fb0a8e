#!/usr/bin/env bash
# Rebuilds the benchmark workloads: every *.c workload for wasm32 and wasm64 (clang-16 -O2,
# freestanding), each compute workload again with SIMD (-O3 -msimd128: the auto-vectorizer's build),
# the same C natively (gcc -O2) to record the expected checksums, and the large generated module for
# the load-throughput benchmark.
#
#   wasmvm-bench/src/main/c/build.sh            # everything
#   SKIP_LARGE=1 wasmvm-bench/src/main/c/build.sh  # keep the committed large module (it takes minutes)
#
# Outputs (committed, so the Maven build needs no clang):
#   ../resources/workloads/<name>.wasm32.wasm, <name>.wasm64.wasm,
#   <name>.wasm32-simd.wasm, <name>.wasm64-simd.wasm (not for trivial)
#   ../resources/workloads/expected.properties   (written from the native runs, never by hand)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../resources/workloads"
CLANG="${CLANG:-clang-16}"
CC_NATIVE="${CC_NATIVE:-gcc}"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# workload -> argument n of run(n), sized so one call takes roughly 50-500 ms on wasmvm's
# interpreter (measured on the 2-core benchmark machine, see docs/performance.md)
declare -A N=(
  [sha256]=256         # KiB hashed (the buffer holds up to 16 MiB; 256 KiB keeps one call < 1 s)
  [nbody]=15000        # steps
  [fannkuch]=8         # permutation length (8! permutations)
  [sieve]=200000       # upper bound
  [quicksort]=30000    # ints sorted
  [matmul]=72          # n x n doubles
  [fib]=28             # fib(n)
  [membw]=8            # rounds over 256 KiB word buffers (+ 16 KiB bytewise)
  [trivial]=14         # trivial module, one call
)
order=(sha256 nbody fannkuch sieve quicksort matmul fib membw trivial)

# the compute workloads get a 1 MiB stack; the trivial module keeps wasm-ld's default (64 KiB),
# like a small real program
WASM_FLAGS=(-O2 -ffreestanding -fno-builtin -nostdlib -Wl,--no-entry)
STACK=(-Wl,-z,stack-size=1048576)
# IEEE double results must match wasm bit for bit: no FMA contraction, no errno-setting sqrt
NATIVE_FLAGS=(-O2 -fno-math-errno -ffp-contract=off)

wasm_build() { # name.c target output [extra flags]
  "$CLANG" --target="$2" "${WASM_FLAGS[@]}" "${@:4}" -I"$here" -o "$3" "$1"
}

props="$tmp/expected.properties"
{
  echo "# Written by wasmvm-bench/src/main/c/build.sh from native runs ($("$CC_NATIVE" --version | head -1))."
  echo "# <workload>.n = argument of run(n); <workload>.expected = its native result (signed 64-bit)."
} > "$props"

for w in "${order[@]}"; do
  src="$here/$w.c"
  extra=("${STACK[@]}")
  [[ "$w" == trivial ]] && extra=()
  wasm_build "$src" wasm32-unknown-unknown "$out/$w.wasm32.wasm" "${extra[@]}"
  wasm_build "$src" wasm64-unknown-unknown "$out/$w.wasm64.wasm" "${extra[@]}"
  if [[ "$w" != trivial ]]; then
    # the same checksum: wasm has no FMA contraction, and the vectorizer does not reorder float sums
    wasm_build "$src" wasm32-unknown-unknown "$out/$w.wasm32-simd.wasm" "${extra[@]}" -O3 -msimd128
    wasm_build "$src" wasm64-unknown-unknown "$out/$w.wasm64-simd.wasm" "${extra[@]}" -O3 -msimd128
  fi
  "$CC_NATIVE" "${NATIVE_FLAGS[@]}" -I"$here" -o "$tmp/$w" "$src" "$here/native_main.c" -lm
  n="${N[$w]}"
  start=$(date +%s%N)
  expected="$("$tmp/$w" "$n")"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "$w.n=$n" >> "$props"
  echo "$w.expected=$expected" >> "$props"
  printf '%-10s n=%-9s expected=%-22s native %4d ms  wasm32 %7d B  wasm64 %7d B\n' \
    "$w" "$n" "$expected" "$ms" "$(stat -c %s "$out/$w.wasm32.wasm")" "$(stat -c %s "$out/$w.wasm64.wasm")"
done

if [[ -z "${SKIP_LARGE:-}" ]]; then
  # ~2.8 MB of code; clang needs ~5 minutes at -O2, so the two targets build in parallel
  LARGE_FUNCTIONS="${LARGE_FUNCTIONS:-7000}"
  python3 "$here/gen_large.py" "$LARGE_FUNCTIONS" > "$tmp/large.c"
  wasm_build "$tmp/large.c" wasm32-unknown-unknown "$out/large.wasm32.wasm" "${STACK[@]}" &
  p32=$!
  wasm_build "$tmp/large.c" wasm64-unknown-unknown "$out/large.wasm64.wasm" "${STACK[@]}" &
  p64=$!
  wait $p32 && wait $p64
  # -O0: gcc -O2 needs ~10 minutes on this file, and the result does not depend on it
  "$CC_NATIVE" -O0 -ffp-contract=off -I"$here" -o "$tmp/large" "$tmp/large.c" "$here/native_main.c" -lm
  echo "large.n=1000" >> "$props"
  echo "large.expected=$("$tmp/large" 1000)" >> "$props"
  printf 'large      functions=%s  wasm32 %d B  wasm64 %d B\n' "$LARGE_FUNCTIONS" \
    "$(stat -c %s "$out/large.wasm32.wasm")" "$(stat -c %s "$out/large.wasm64.wasm")"
elif [[ -f "$out/expected.properties" ]]; then
  grep '^large\.' "$out/expected.properties" >> "$props" || true
fi

cp "$props" "$out/expected.properties"
echo "wrote $out/expected.properties"
