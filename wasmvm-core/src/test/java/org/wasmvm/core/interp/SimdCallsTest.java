package org.wasmvm.core.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.binary.SimdOpcodes;
import org.wasmvm.core.interp.simd.SimdCalls;
import org.wasmvm.core.interp.simd.SimdCalls.Shape;

/**
 * The compiler calls the methods {@link SimdCalls} names, the interpreter those its handlers name: on
 * random halves, both give the same result for every instruction, and the interpreter's handler for
 * the table's shape knows the instruction.
 */
class SimdCallsTest {
    private final SplittableRandom random = new SplittableRandom(21);

    @Test
    void everyInstructionCallsWhatTheInterpreterCalls() throws ReflectiveOperationException {
        int checked = 0;
        for (int sub = 0; sub <= SimdOpcodes.I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S; sub++) {
            if (!SimdOpcodes.isDefined(sub)) {
                continue;
            }
            SimdCalls.Call call = SimdCalls.of(sub);
            for (int round = 0; round < 50; round++) {
                long a = random.nextLong(), b = random.nextLong(), c = random.nextLong();
                int lane = random.nextInt(SimdCalls.lanes(sub));
                Long expected = interpreter(call.shape(), sub, a, b, c, lane);
                if (expected == null) {
                    break; // a shape without a call of its own (const, plain loads and stores)
                }
                assertThat(compiled(call, a, b, c, lane)).as("0x%x %s", sub, call).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(230 * 50);
    }

    /** What the interpreter computes for a half, null where it calls no method. */
    private static Long interpreter(Shape shape, int sub, long a, long b, long c, int lane) {
        return switch (shape) {
            case UNARY -> SimdHandlers.laneWise(sub, a);
            case BINARY -> SimdHandlers.laneWise(sub, a, b);
            case TERNARY -> SimdHandlers.laneWise(sub, a, b, c);
            case SHIFT -> SimdHandlers.shift(sub, a, (int) b);
            case REDUCE -> (long) SimdHandlers.reduce(sub, a, b);
            case NARROW, ZERO -> SimdHandlers.acrossHalves(sub, a, b);
            case WIDEN_LOW, WIDEN_HIGH -> SimdHandlers.widen(sub, (int) a);
            case EXTMUL_LOW, EXTMUL_HIGH -> SimdHandlers.widen(sub, (int) a, (int) b);
            case SPLAT, LOAD_SPLAT -> SimdHandlers.splat(sub, a);
            case EXTRACT, STORE_LANE -> SimdHandlers.extractLane(sub, a, lane);
            case REPLACE, LOAD_LANE -> SimdHandlers.replaceLane(sub, a, lane, b);
            case LOAD_EXTEND -> SimdMemoryHandlers.extend(sub, (int) a);
            case SHUFFLE, SWIZZLE, CONST, LOAD, STORE, LOAD_ZERO -> null;
        };
    }

    /** What the table's method computes on the same halves (a missing method: the 64-bit lane is the half). */
    private static long compiled(SimdCalls.Call call, long a, long b, long c, int lane) throws ReflectiveOperationException {
        if (call.method() == null) {
            return call.shape() == Shape.REPLACE || call.shape() == Shape.LOAD_LANE ? b : a;
        }
        Method method = Arrays.stream(call.owner().getMethods()).filter(m -> m.getName().equals(call.method()))
                .findFirst().orElseThrow();
        Object[] args = switch (call.shape()) {
            case UNARY -> new Object[] {a};
            case BINARY, REDUCE, NARROW, ZERO -> new Object[] {a, b};
            case TERNARY -> new Object[] {a, b, c};
            case SHIFT -> new Object[] {a, (int) b};
            case WIDEN_LOW, WIDEN_HIGH, LOAD_EXTEND, SPLAT, LOAD_SPLAT -> new Object[] {(int) a};
            case EXTMUL_LOW, EXTMUL_HIGH -> new Object[] {(int) a, (int) b};
            case EXTRACT, STORE_LANE -> new Object[] {a, lane};
            case REPLACE, LOAD_LANE -> new Object[] {a, lane, (int) b};
            default -> throw new AssertionError(call);
        };
        Object result = method.invoke(null, args);
        return result instanceof Integer i ? i : (Long) result;
    }
}
