#!/usr/bin/env bash
# Whole-process runs (org.wasmvm.bench.ProcessRun): every workload loaded, compiled where the engine
# compiles, and run once in a fresh JVM, for wasmvm on each engine and Chicory's interpreter and
# compiler; prints Markdown tables of the median wall-clock times with the ratios Chicory/wasmvm.
#
#   wasmvm-bench/run-process.sh                      # all workloads, 3 runs each
#   wasmvm-bench/run-process.sh -n 5 -t wasm64 fib   # 5 runs, wasmvm on the wasm64 build, only fib
#
# Builds wasmvm-bench/target/benchmarks.jar (with wasmvm-core and wasmvm-compiler, no tests) when it
# is missing, or always with BUILD=1. JAVA picks the java binary (default: java on the PATH).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/benchmarks.jar"
if [[ ! -f "$jar" || -n "${BUILD:-}" ]]; then
  (cd "$here/.." && ./mvnw -B -ntp -q package -pl wasmvm-bench -am -DskipTests)
fi
exec "${JAVA:-java}" -cp "$jar" org.wasmvm.bench.ProcessRun "$@"
