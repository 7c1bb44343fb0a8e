package org.wasmvm.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wasmvm.core.gc.GcStruct;
import org.wasmvm.core.runtime.GcInstructions;

/**
 * The experiment behind the compiler's struct layout (docs/RATIONALE.md, "Compiled GC"): the loops of
 * {@link GcBench}'s {@code structNew} and {@code structGet} written in Java, once on the shared {@link GcStruct}
 * (fields in a {@code long[]}, what compiled code emits) and once on a class with the type's fields as JVM fields
 * (what a generated class per struct type would be). One operation is {@link GcBench#N} iterations.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StructLayoutBench {
    /** A struct type {@code (struct (field (mut i32)) (field i32))} as its own class. */
    static final class Circle {
        final int typeId;
        int radius;
        int tag;

        Circle(int typeId) {
            this.typeId = typeId;
        }
    }

    private final Object[] shared = new Object[16];
    private final Object[] perType = new Object[16];

    @Setup
    public void setUp() {
        for (int i = 0; i < 16; i++) {
            shared[i] = shared(i);
            perType[i] = perType(i);
        }
    }

    private static GcStruct shared(int i) {
        GcStruct struct = new GcStruct(7, 2, 0);
        struct.values[0] = i;
        struct.values[1] = 1;
        return struct;
    }

    private static Circle perType(int i) {
        Circle circle = new Circle(7);
        circle.radius = i;
        circle.tag = 1;
        return circle;
    }

    @Benchmark
    public int allocateShared() {
        int sum = 0;
        for (int i = 0; i < GcBench.N; i++) {
            shared[i & 15] = shared(i);
            sum += (int) GcInstructions.struct(shared[i & 15]).values[0];
        }
        return sum;
    }

    @Benchmark
    public int allocatePerType() {
        int sum = 0;
        for (int i = 0; i < GcBench.N; i++) {
            perType[i & 15] = perType(i);
            sum += field(perType[i & 15]);
        }
        return sum;
    }

    @Benchmark
    public int readShared() {
        int sum = 0;
        for (int i = 0; i < GcBench.N; i++) {
            sum += (int) GcInstructions.struct(shared[i & 15]).values[0];
        }
        return sum;
    }

    @Benchmark
    public int readPerType() {
        int sum = 0;
        for (int i = 0; i < GcBench.N; i++) {
            sum += field(perType[i & 15]);
        }
        return sum;
    }

    /** The per-type field read with the same null check as {@link GcInstructions#struct}. */
    private static int field(Object ref) {
        if (ref == null) {
            throw new NullPointerException();
        }
        return ((Circle) ref).radius;
    }
}
