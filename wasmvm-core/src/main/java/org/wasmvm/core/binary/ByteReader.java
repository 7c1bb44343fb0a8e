package org.wasmvm.core.binary;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import org.wasmvm.core.MalformedModuleException;

/**
 * A cursor over module bytes that reads the binary format's primitives (LEB128 integers, floats,
 * names). Every failure is a {@link MalformedModuleException} at the current offset.
 */
public final class ByteReader {
    /** The reference interpreter's text for any read past the end (it contains "unexpected end"). */
    static final String UNEXPECTED_END = "unexpected end of section or function";

    private final byte[] bytes;
    private int pos;
    private int limit;

    /** Reads {@code bytes[offset, offset+length)}. */
    public ByteReader(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.pos = offset;
        this.limit = offset + length;
    }

    public ByteReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public byte[] bytes() {
        return bytes;
    }

    public int position() {
        return pos;
    }

    public void position(int newPos) {
        pos = newPos;
    }

    public int limit() {
        return limit;
    }

    /** Restricts reading to end at {@code newLimit}; returns the previous limit. */
    public int limit(int newLimit) {
        int old = limit;
        limit = newLimit;
        return old;
    }

    public boolean hasMore() {
        return pos < limit;
    }

    public int remaining() {
        return limit - pos;
    }

    public MalformedModuleException error(String reason) {
        return new MalformedModuleException(pos, reason);
    }

    public int u8() {
        if (pos >= limit) {
            throw error(UNEXPECTED_END);
        }
        return bytes[pos++] & 0xFF;
    }

    public byte[] bytes(int length) {
        if (length < 0 || length > limit - pos) {
            throw error(UNEXPECTED_END);
        }
        byte[] out = new byte[length];
        System.arraycopy(bytes, pos, out, 0, length);
        pos += length;
        return out;
    }

    public void skip(int length) {
        if (length < 0 || length > limit - pos) {
            throw error(UNEXPECTED_END);
        }
        pos += length;
    }

    /** An unsigned 32-bit LEB128 integer (as a Java int with the same bits). */
    public int u32() {
        int b = singleByteLeb();
        return b >= 0 ? b : u32MultiByte();
    }

    /**
     * Most LEBs in code are one byte; reading those inline keeps the hot decode and validation
     * loops small enough for the JIT to inline. Returns the byte (and consumes it) when it is a
     * whole LEB, else -1 without consuming anything.
     */
    private int singleByteLeb() {
        int p = pos;
        if (p < limit) {
            int b = bytes[p];
            if (b >= 0) {
                pos = p + 1;
                return b;
            }
        }
        return -1;
    }

    private int u32MultiByte() {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 28 && (b & 0x70) != 0) {
                throw new MalformedModuleException(pos - 1, "integer too large");
            }
            if (shift == 28 && (b & 0x80) != 0) {
                throw new MalformedModuleException(pos - 1, "integer representation too long");
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (int) result;
            }
        }
    }

    /** An unsigned 32-bit LEB128 integer used as a count or index, which must fit a Java int. */
    public int u32Index() {
        int start = pos;
        int value = u32();
        if (value < 0) {
            throw new MalformedModuleException(start, "integer too large");
        }
        return value;
    }

    /**
     * A u32 length of a vector, byte string or section. Like the reference interpreter, it may not
     * exceed the bytes left counted from the start of its own encoding ("length out of bounds"); a
     * length that passes this but still overruns the input fails later with "unexpected end". The
     * check also keeps a huge declared count from causing a huge allocation.
     */
    public int length() {
        int start = pos;
        int value = u32();
        if (value < 0 || value > limit - start) {
            throw new MalformedModuleException(start, "length out of bounds");
        }
        return value;
    }

    /** An unsigned 64-bit LEB128 integer. */
    public long u64() {
        int b = singleByteLeb();
        return b >= 0 ? b : u64MultiByte();
    }

    private long u64MultiByte() {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 63 && (b & 0x7E) != 0) {
                throw new MalformedModuleException(pos - 1, "integer too large");
            }
            if (shift == 63 && (b & 0x80) != 0) {
                throw new MalformedModuleException(pos - 1, "integer representation too long");
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /** A signed 32-bit LEB128 integer. */
    public int s32() {
        int b = singleByteLeb();
        // bit 6 of a single byte is the sign
        return b >= 0 ? b << 25 >> 25 : s32MultiByte();
    }

    private int s32MultiByte() {
        int result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 28) {
                // the unused high bits must all equal the sign bit (bit 3 of the last byte)
                int high = b & 0x78;
                if (high != 0 && high != 0x78) {
                    throw new MalformedModuleException(pos - 1, "integer too large");
                }
                if ((b & 0x80) != 0) {
                    throw new MalformedModuleException(pos - 1, "integer representation too long");
                }
                return result | (b << 28);
            }
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return shift + 7 < 32 ? (result << (25 - shift)) >> (25 - shift) : result;
            }
        }
    }

    /** A signed 33-bit LEB128 integer (block types); returned as a long. */
    public long s33() {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 28) {
                int high = b & 0x70;
                if (high != 0 && high != 0x70) {
                    throw new MalformedModuleException(pos - 1, "integer too large");
                }
                if ((b & 0x80) != 0) {
                    throw new MalformedModuleException(pos - 1, "integer representation too long");
                }
                result |= (long) (b & 0x7F) << 28;
                return (result << 31) >> 31;
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                int bits = shift + 7;
                return (result << (64 - bits)) >> (64 - bits);
            }
        }
    }

    /** A signed 64-bit LEB128 integer. */
    public long s64() {
        int b = singleByteLeb();
        return b >= 0 ? b << 25 >> 25 : s64MultiByte();
    }

    private long s64MultiByte() {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 63) {
                if ((b & 0x7F) != 0 && (b & 0x7F) != 0x7F) {
                    throw new MalformedModuleException(pos - 1, "integer too large");
                }
                if ((b & 0x80) != 0) {
                    throw new MalformedModuleException(pos - 1, "integer representation too long");
                }
                return result | ((long) b << 63);
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                int bits = shift + 7;
                return bits < 64 ? (result << (64 - bits)) >> (64 - bits) : result;
            }
        }
    }

    /** Four bytes, little-endian: the raw bits of an f32. */
    public int f32Bits() {
        if (limit - pos < 4) {
            pos = limit;
            throw error(UNEXPECTED_END);
        }
        int v = (bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8 | (bytes[pos + 2] & 0xFF) << 16 | (bytes[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    /** Eight bytes, little-endian: the raw bits of an f64. */
    public long f64Bits() {
        long lo = f32Bits() & 0xFFFFFFFFL;
        long hi = f32Bits() & 0xFFFFFFFFL;
        return lo | hi << 32;
    }

    /** A name: a length-prefixed UTF-8 string, which must be valid UTF-8. */
    public String name() {
        int length = length();
        int start = pos;
        if (length > limit - pos) {
            throw error(UNEXPECTED_END);
        }
        pos += length;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedModuleException(start, "malformed UTF-8 encoding");
        }
    }
}
