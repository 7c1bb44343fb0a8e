#!/bin/sh
# Rebuilds the guest programs of the invoker ITs from their WAT sources (wabt's wat2wasm, 1.0.32
# here). The .wasm files are committed, so the build itself never needs wabt. wasi-tool and stamp are
# wasm32 WASI preview1 commands (stamp also imports sysenv's clock); the others are wasm64 sysenv programs.
set -eu
cd "$(dirname "$0")"
for wat in hello cat pure exit3 gen wasi-tool probe mul square stamp; do
    wat2wasm --enable-memory64 "$wat.wat" -o "$wat.wasm"
done
# trap.wasm keeps its function names, so the trap's wasm stack shows them
wat2wasm --enable-memory64 --debug-names trap.wat -o trap.wasm
# bad.wasm: the magic number and version, then a type section that claims more bytes than follow
printf '\000asm\001\000\000\000\001\020\001\140' > bad.wasm
echo "rebuilt: $(ls *.wasm | tr '\n' ' ')"
