#!/usr/bin/env bash
# Whole-process runs of real published WASI tools (org.wasmvm.bench.ToolRun): wasmvm's command line
# (the distribution's bin/wasmvm) on each engine (with a warm code cache; tiered also without one, with
# C1 only, and with C2 allowed on the interpreter loop) side by side with node, one Markdown table of
# median wall-clock seconds and the ratios wasmvm/node (each the median of the rounds' ratios).
#
#   wasmvm-bench/run-tools.sh                  # every tool, 3 timed runs each after a warm-up round
#   wasmvm-bench/run-tools.sh -n 5 nextpnr     # 5 runs, only the tools whose name starts with "nextpnr"
#
# Needs the tools (scripts/fetch-tools.sh, run once) and npm: node is node 24 from npm (node 20 has no
# exnref and crashes on nextpnr-ice40), unless NODE names a node binary. Builds the benchmark jar and
# wasmvm-cli's distribution when missing, or always with BUILD=1. JAVA picks the java binary (also the
# one the launcher runs).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
jar=wasmvm-bench/target/benchmarks.jar
dist=wasmvm-cli/target/wasmvm-cli-0.1.0-SNAPSHOT-dist.tar.gz
if [[ ! -f "$jar" || ! -f "$dist" || -n "${BUILD:-}" ]]; then
  ./mvnw -B -ntp -q package -pl wasmvm-bench,wasmvm-cli -am -DskipTests
fi
rm -rf wasmvm-cli/target/dist && mkdir -p wasmvm-cli/target/dist
tar xzf "$dist" -C wasmvm-cli/target/dist --strip-components 1
node="${NODE:-$(npx -y node@24 -p process.execPath)}"
exec "${JAVA:-java}" -Dtoolrun.launcher=wasmvm-cli/target/dist/bin/wasmvm -Dtoolrun.node="$node" \
  -Dtoolrun.tools="${WASMVM_TOOLS:-$HOME/.cache/wasmvm-tools}" -cp "$jar" org.wasmvm.bench.ToolRun "$@"
