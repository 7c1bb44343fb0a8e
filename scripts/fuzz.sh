#!/usr/bin/env bash
# Fuzzes each Jazzer target for a while, one after the other.
#   scripts/fuzz.sh [seconds per target, default 60] [target...]
# Targets: decode, decodeAndValidate, instantiateAndRun (wasmvm-core's ModuleFuzzTest) and
# interpreterAndCompilerAgree (wasmvm-compiler's EngineDifferentialFuzzTest); default: all four.
# A finding fails the run; Jazzer keeps the input as
# wasmvm-core/src/test/resources/org/wasmvm/core/fuzz/ModuleFuzzTestInputs/<target>/crash-<sha1>,
# which plain `mvn test` then replays: fix the bug and commit the file as a regression input.
# The corpus Jazzer grows is kept in wasmvm-core/.cifuzz-corpus/ (not committed) for the next run.
# FUZZ_SEED=n fixes libFuzzer's random seed (default: a new one each run). CI fixes it, so that its
# short run from the seeds is the start of any longer run with the same seed and a fresh corpus.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(decode decodeAndValidate instantiateAndRun interpreterAndCompilerAgree)
# the differential target runs in wasmvm-compiler against wasmvm-core's test-jar: install both once
./mvnw -B -ntp -q -pl wasmvm-core,wasmvm-compiler install -DskipTests
seed_args=()
if [ -n "${FUZZ_SEED:-}" ]; then
  # jazzer-junit passes these JUnit configuration parameters to libFuzzer (argument 0 is argv[0])
  seed_args=(-Djazzer.internal.arg.0=fuzz "-Djazzer.internal.arg.1=-seed=$FUZZ_SEED")
fi
for target in "${targets[@]}"; do
  case "$target" in
    interpreterAndCompilerAgree) module=wasmvm-compiler class=EngineDifferentialFuzzTest ;;
    *) module=wasmvm-core class=ModuleFuzzTest ;;
  esac
  echo "== fuzzing $class#$target for ${seconds}s"
  log=$module/target/fuzz-$target.log
  if ! JAZZER_FUZZ=1 ./mvnw -B -ntp -pl $module surefire:test -Dtest="$class#$target" ${seed_args[@]+"${seed_args[@]}"} \
      -Djazzer.max_duration="${seconds}s" > "$log" 2>&1; then
    grep -v '^INFO: Instrumented' "$log" | tail -n 60
    echo "== $class#$target FAILED (full log: $log)"
    exit 1
  fi
  grep -E '^(INFO: Seed: [0-9]+|Done [0-9]+ runs)' "$log" | sed -e 's/^INFO: //' -e "s/^/   $target: /" || true
done
