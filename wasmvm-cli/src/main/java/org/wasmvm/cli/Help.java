package org.wasmvm.cli;

/** What {@code wasmvm --help} prints: the usage, then every option in a line or two, grouped by what it is about. */
final class Help {
    static final String TEXT = """
            usage: wasmvm [options] [--] module.wasm [args...]
                   wasmvm [options] module.wasm --args [args...]    (WasmVM's form)

            Runs a WebAssembly program: wasm64 with the sysenv host modules (sys_fs, sys_proc), or
            wasm32 with WASI preview1. Exits with the guest's exit code; 70 when the module cannot
            be read, decoded, validated or linked, or traps; 64 for a bad command line (or
            arguments that do not fit the --invoke export).

            General:
              -h, --help                 Print this help and exit
              -v, --version              Print the version and exit
              --                         End the options: the next argument is the module even if it
                                         starts with '-'; what follows the module is always the guest's

            Guest environment:
              --root DIR                 The directory the guest sees as /, which it cannot leave
                                         (default: the current directory)
              --env NAME=VALUE           Set a variable for the guest (repeatable); it sees no other...
              --inherit-env              ...unless this passes the host's whole environment too
              --dir HOST[::GUEST][:ro]   Preopen another host directory for a WASI guest, as GUEST
                                         (default: HOST), read-only with :ro (repeatable)
              -ns, --no-system           Offer no host modules: importing sys_fs, sys_proc or
                                         wasi_snapshot_preview1 is a link error

            Linking (an import that names no host module names another module file):
              -e, --extra DIR            Search DIR for modules imported by name, after the current
                                         directory (repeatable: searched in the order given)
              -np, --no-parent           Do not search an importing module's own directory
              -f, --force                Accepted for WasmVM compatibility, but every module is still
                                         validated: wasmvm runs only valid modules

            Running:
              --invoke NAME              Call this export (after a reactor's _initialize) instead of
                                         _start, else main, with the guest's arguments as its
                                         parameters: integers (42, -1, 0x1f), floats (1.5, 0x1.8p3,
                                         inf, nan, nan:0x1), v128 (0x and 32 hex digits), null for a
                                         reference. Prints each result on a line; exit code 0
              --engine interpreter|compiler|tiered
                                         How code runs: tiered (default, or -Dwasmvm.engine=...)
                                         interprets and compiles hot functions to JVM bytecode;
                                         compiler compiles each function before its first call;
                                         interpreter only interprets
              --cache-dir DIR            Keep validation verdicts and compiled code here between runs
                                         (default: $XDG_CACHE_HOME/wasmvm, else ~/.cache/wasmvm)
              --no-cache                 Keep nothing between runs

            Reproducible output (for tools that stamp the time or random ids into what they write):
              --clock INSTANT            The guest's realtime clock shows INSTANT when first read,
                                         then advances (ISO-8601 with an offset, 2026-01-01T00:00:00Z,
                                         or seconds since the epoch); its monotonic clock stays the host's
              --deterministic            random_get gives the same bytes in every run: a fixed-seed
                                         generator, so no secret; never let a guest make keys with it
              --seed N                   The seed of --deterministic (a decimal 64-bit integer; default 0)

            Limits:
              --max-threads N            At most N guest threads alive at once besides the main one
                                         (wasi-threads; default 128): thread-spawn fails with EAGAIN beyond
            """;

    private Help() {
    }
}
