package org.wasmvm.core.tier;

import java.util.List;

/**
 * A compiled function before it is loaded into the JVM: what the code cache stores. The compiler
 * makes one ({@link JvmCompiler#compile}) and turns it into running code ({@link JvmCompiler#load});
 * everything in it follows from the module's bytes, so a class compiled in one JVM serves another.
 *
 * @param classFile the class file
 * @param constants the class data after the module's tiers (such as {@code br_table} maps), in order
 * @param osrLoops for code with on-stack-replacement entries, which loops (by ordinal) they enter;
 *     null otherwise
 */
public record CompiledClass(byte[] classFile, List<int[]> constants, boolean[] osrLoops) {
    public CompiledClass {
        constants = List.copyOf(constants);
    }
}
