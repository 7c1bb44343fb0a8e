package org.wasmvm.core.run;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.Value;
import org.wasmvm.core.gc.GcArray;
import org.wasmvm.core.gc.GcStruct;
import org.wasmvm.core.gc.I31;
import org.wasmvm.core.model.ValType;

/**
 * Values as a command line writes them, for {@code --invoke} and the plugin's {@code invokeArguments}:
 * the WebAssembly text format's number literals, read by the parameter's type, and printed back so
 * that what is printed parses to the same bits.
 *
 * <ul>
 *   <li>{@code i32}, {@code i64}: decimal or {@code 0x} hex, signed or unsigned ({@code -1} and
 *       {@code 0xffffffff} are the same i32); printed as signed decimal.
 *   <li>{@code f32}, {@code f64}: decimal, hex float ({@code 0x1.8p3}), {@code inf}, {@code nan} or
 *       {@code nan:0x…} (a NaN with that payload), each with an optional sign; printed as Java
 *       prints the number, but {@code inf}, {@code -inf} and {@code nan} as here, with the payload
 *       when it is not the canonical one.
 *   <li>{@code v128}: one 128-bit unsigned integer, hex ({@code 0x} and up to 32 digits, the high
 *       bytes first, as wasmtime reads it) or decimal; printed as {@code 0x} and 32 hex digits.
 *   <li>references: only {@code null} can be written, for a nullable type; printed as {@code null},
 *       {@code func} for a function, {@code (ref struct)}, {@code (ref array)} and {@code i31 5} for GC
 *       values, {@code ref} for any other object.
 * </ul>
 */
public final class ValueText {
    private static final Pattern INTEGER = Pattern.compile("([+-]?)(?:0[xX]([0-9a-fA-F]+)|([0-9]+))");
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern HEX_FLOAT =
            Pattern.compile("[+-]?0[xX](?:[0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?[0-9]+)?");
    private static final Pattern NAN = Pattern.compile("([+-]?)nan(?::0x([0-9a-f]+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern INFINITY = Pattern.compile("([+-]?)inf(?:inity)?", Pattern.CASE_INSENSITIVE);

    private ValueText() {
    }

    /**
     * The value of {@code type} that {@code text} writes.
     *
     * @throws IllegalArgumentException when {@code text} is no value of {@code type}; the message says which form was expected
     */
    public static Value parse(ValType type, String text) {
        return switch (type.kind()) {
            case I32 -> Value.i32(integer(text, 32, true, "an i32").intValue());
            case I64 -> Value.i64(integer(text, 64, true, "an i64").longValue());
            case F32 -> Value.fromBits(ValType.F32, floatBits(text, Float.SIZE, 23, "an f32"));
            case F64 -> Value.fromBits(ValType.F64, floatBits(text, Double.SIZE, 52, "an f64"));
            case V128 -> {
                BigInteger bits = integer(text, 128, false, "a v128 (0x and up to 32 hex digits)");
                yield Value.v128(bits.longValue(), bits.shiftRight(64).longValue());
            }
            case REF -> reference(type, text);
        };
    }

    /** How {@code value} is printed; {@link #parse} reads a number back to the same bits. */
    public static String format(Value value) {
        return switch (value.type().kind()) {
            case I32 -> Integer.toString(value.asInt());
            case I64 -> Long.toString(value.asLong());
            case F32 -> floatText(value.asFloat(), value.bits(), Float.SIZE, 23);
            case F64 -> floatText(value.asDouble(), value.bits(), Double.SIZE, 52);
            case V128 -> "0x%016x%016x".formatted(value.high(), value.bits());
            case REF -> reference(value.ref());
        };
    }

    private static String reference(Object ref) {
        if (ref == null) {
            return "null";
        }
        if (ref instanceof GcStruct) {
            return "(ref struct)";
        }
        if (ref instanceof GcArray) {
            return "(ref array)";
        }
        if (ref instanceof I31 i31) {
            return "i31 " + i31.value();
        }
        return ref instanceof ExportedFunction ? "func" : "ref";
    }

    /** An integer of at most {@code bits} bits; negative ones (two's complement) only when {@code signed}. */
    private static BigInteger integer(String text, int bits, boolean signed, String expected) {
        Matcher m = INTEGER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + expected);
        }
        BigInteger magnitude = m.group(2) != null ? new BigInteger(m.group(2), 16) : new BigInteger(m.group(3));
        BigInteger value = m.group(1).equals("-") ? magnitude.negate() : magnitude;
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        if (value.compareTo(min) < 0 || value.bitLength() > bits) {
            throw new IllegalArgumentException("'" + text + "' is out of range for " + expected);
        }
        return value;
    }

    /** The IEEE bits of a float of {@code size} bits whose significand has {@code fractionBits} bits. */
    private static long floatBits(String text, int size, int fractionBits, String expected) {
        boolean single = size == Float.SIZE;
        Matcher nan = NAN.matcher(text);
        if (nan.matches()) {
            long fraction = 1L << (fractionBits - 1); // the canonical NaN
            if (nan.group(2) != null) {
                BigInteger payload = new BigInteger(nan.group(2), 16);
                if (payload.signum() == 0 || payload.bitLength() > fractionBits) {
                    throw new IllegalArgumentException("'" + text + "': a NaN payload of " + expected
                            + " is 1 to 0x" + Long.toHexString((1L << fractionBits) - 1));
                }
                fraction = payload.longValue();
            }
            long exponent = ((1L << (size - fractionBits - 1)) - 1) << fractionBits;
            long sign = nan.group(1).equals("-") ? 1L << (size - 1) : 0;
            return sign | exponent | fraction;
        }
        String javaText; // what Float.parseFloat and Double.parseDouble read as the same number
        Matcher inf = INFINITY.matcher(text);
        Matcher hex = HEX_FLOAT.matcher(text);
        if (inf.matches()) {
            javaText = inf.group(1) + "Infinity";
        } else if (DECIMAL_FLOAT.matcher(text).matches()) {
            javaText = text;
        } else if (hex.matches()) {
            javaText = hex.group(1) == null ? text + "p0" : text; // Java needs the binary exponent
        } else {
            throw new IllegalArgumentException("'" + text + "' is not " + expected
                    + " (a decimal or hex float, inf, nan or nan:0x…)");
        }
        return single ? Float.floatToRawIntBits(Float.parseFloat(javaText)) & 0xFFFFFFFFL
                : Double.doubleToRawLongBits(Double.parseDouble(javaText));
    }

    /** {@code value} is the number ({@code float} widened exactly), {@code bits} its IEEE bits. */
    private static String floatText(double value, long bits, int size, int fractionBits) {
        if (Double.isNaN(value)) {
            String sign = (bits >>> (size - 1) & 1) != 0 ? "-" : "";
            long fraction = bits & ((1L << fractionBits) - 1);
            return sign + (fraction == 1L << (fractionBits - 1) ? "nan" : "nan:0x" + Long.toHexString(fraction));
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return size == Float.SIZE ? Float.toString((float) value) : Double.toString(value);
    }

    private static Value reference(ValType type, String text) {
        if (!type.nullable()) {
            throw new IllegalArgumentException("a non-null " + type + " cannot be given as text");
        }
        if (!text.equals("null")) {
            throw new IllegalArgumentException("'" + text + "' is not null, the only " + type + " that can be given");
        }
        return Value.nullRef(type);
    }
}
