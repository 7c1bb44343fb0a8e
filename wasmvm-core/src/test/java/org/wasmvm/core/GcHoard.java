package org.wasmvm.core;

import org.wasmvm.core.runtime.WasmFunction;

/**
 * A child JVM of {@link GcCollectionTest}: runs {@code modules/gc-hoard.wat}, whose list of structs grows until the
 * heap runs out, and prints the trap's kind, whether the function that trapped was compiled code, then the result
 * of a small allocation made after it.
 */
public final class GcHoard {
    private GcHoard() {
    }

    public static void main(String[] args) {
        Instance hoard = new Store().instantiate(TestModules.load("gc-hoard"));
        try {
            hoard.function("hoard").apply();
            System.out.println("no trap");
        } catch (WasmTrap trap) {
            System.out.println(trap.kind());
        }
        var hoarding = (WasmFunction) hoard.runtime().functions[0];
        System.out.println(hoarding.compiledCode() != null ? "compiled" : "interpreted");
        System.out.println(hoard.function("small").apply()[0]);
    }
}
