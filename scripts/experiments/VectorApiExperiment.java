import jdk.incubator.vector.*;
import org.wasmvm.core.interp.simd.FloatLanes;

/**
 * Is jdk.incubator.vector worth an optional path for compiled SIMD (docs/RATIONALE.md, "SIMD and
 * jdk.incubator.vector")? An f32x4 a*x+y over 4 096 floats in three representations, the minimum of
 * 2 000 repetitions per round. Needs JDK 21+ and wasmvm-core's classes:
 *
 *   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
 *   $JAVA --add-modules jdk.incubator.vector -cp wasmvm-core/target/classes \
 *       scripts/experiments/VectorApiExperiment.java
 */
public class VectorApiExperiment {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_128;
    static final VectorSpecies<Long> L = LongVector.SPECIES_128;
    static final int N = 4096;
    static final long[] xs = new long[N / 2], ys = new long[N / 2];
    static final float[] xf = new float[N], yf = new float[N];

    // (A) two longs per vector, our lane helpers (what compiled wasm does)
    static long twoLongs(long a) {
        long s = 0;
        for (int i = 0; i < xs.length; i += 2) {
            long lo = FloatLanes.f32x4Add(FloatLanes.f32x4Mul(a, xs[i]), ys[i]);
            long hi = FloatLanes.f32x4Add(FloatLanes.f32x4Mul(a, xs[i + 1]), ys[i + 1]);
            s += lo ^ hi;
        }
        return s;
    }

    // (B) two longs kept, Vector API per operation (convert in and out at each instruction)
    static long convertEachOp(long a) {
        long s = 0;
        for (int i = 0; i < xs.length; i += 2) {
            FloatVector av = LongVector.fromArray(L, new long[] {a, a}, 0).reinterpretAsFloats();
            FloatVector x = LongVector.fromArray(L, xs, i).reinterpretAsFloats();
            LongVector prod = av.mul(x).reinterpretAsLongs();
            long plo = prod.lane(0), phi = prod.lane(1);
            FloatVector p = LongVector.zero(L).withLane(0, plo).withLane(1, phi).reinterpretAsFloats();
            LongVector r = p.add(LongVector.fromArray(L, ys, i).reinterpretAsFloats()).reinterpretAsLongs();
            s += r.lane(0) ^ r.lane(1);
        }
        return s;
    }

    // (C) vectors kept as FloatVector values across operations (a different representation)
    static long vectorValues(float a) {
        FloatVector acc = FloatVector.zero(F);
        for (int i = 0; i < N; i += 4) {
            acc = acc.add(FloatVector.broadcast(F, a).mul(FloatVector.fromArray(F, xf, i)).add(FloatVector.fromArray(F, yf, i)));
        }
        return Float.floatToRawIntBits(acc.reduceLanes(VectorOperators.ADD));
    }

    public static void main(String[] args) {
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < N; i++) { xf[i] = r.nextFloat(); yf[i] = r.nextFloat(); }
        for (int i = 0; i < N / 2; i++) {
            xs[i] = (Float.floatToRawIntBits(xf[2 * i]) & 0xFFFFFFFFL) | ((long) Float.floatToRawIntBits(xf[2 * i + 1]) << 32);
            ys[i] = (Float.floatToRawIntBits(yf[2 * i]) & 0xFFFFFFFFL) | ((long) Float.floatToRawIntBits(yf[2 * i + 1]) << 32);
        }
        long a = (Float.floatToRawIntBits(1.5f) & 0xFFFFFFFFL) * 0x1_0000_0001L;
        long sink = 0;
        for (int round = 0; round < 12; round++) {
            long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
            for (int rep = 0; rep < 2000; rep++) {
                long t0 = System.nanoTime(); sink += twoLongs(a);
                long t1 = System.nanoTime(); sink += convertEachOp(a);
                long t2 = System.nanoTime(); sink += vectorValues(1.5f);
                long t3 = System.nanoTime();
                best[0] = Math.min(best[0], t1 - t0); best[1] = Math.min(best[1], t2 - t1); best[2] = Math.min(best[2], t3 - t2);
            }
            if (round >= 9) System.out.printf("ns per 4-lane axpy step (min): two longs %.2f, Vector API converting per op %.2f, Vector API values %.2f%n",
                    best[0] / (N / 4.0), best[1] / (N / 4.0), best[2] / (N / 4.0));
        }
        System.out.println(sink == 42 ? "" : "ok");
    }
}
