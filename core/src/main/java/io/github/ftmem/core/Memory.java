package io.github.ftmem.core;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Static accessors over absolute off-heap addresses, named by access mode.
 *
 * <h2>Implementation notes</h2>
 * Every address is an offset into one global segment that spans the whole address space
 * ({@code MemorySegment.NULL.reinterpret(Long.MAX_VALUE)}), accessed through {@code static final}
 * VarHandles whose coordinates are {@code (MemorySegment, long)}. Because the segment and the handles
 * are constants, the JIT reduces each accessor to a single machine load, store or locked instruction
 * plus the layout's alignment check (a mask and a branch). FFM offers CAS and getAndAdd only for
 * int, long, float, double and address, never for byte or short: a word that is CASed is at least 4
 * bytes.
 *
 * <table>
 *   <caption>Access modes, weakest first</caption>
 *   <tr><th>mode</th><th>guarantee</th><th>typical use</th></tr>
 *   <tr><td>plain</td><td>none across threads</td><td>fields only the owner thread touches</td></tr>
 *   <tr><td>opaque</td><td>coherent per address, no ordering of other accesses</td>
 *       <td>flags polled in a loop, statistics</td></tr>
 *   <tr><td>acquire / release</td><td>release publishes prior writes to an acquire that sees it</td>
 *       <td>publication of a block or a list head</td></tr>
 *   <tr><td>volatile</td><td>sequentially consistent</td><td>Dekker-style handshakes</td></tr>
 *   <tr><td>CAS, getAndAdd</td><td>atomic, volatile ordering</td><td>counters, lock words</td></tr>
 * </table>
 *
 * <p>Alignment is the caller's contract: ints on 4 bytes, longs on 8. The JDK rejects a misaligned
 * access with its own exception; with {@code -Dftmem.debug=true} every accessor also rejects address
 * 0 and misalignment up front with a message naming the address.
 */
public final class Memory {

    /** True when {@code -Dftmem.debug=true}: accessors validate addresses before use. */
    public static final boolean DEBUG = Boolean.getBoolean("ftmem.debug");

    /**
     * The whole address space as one segment; offsets into it are absolute addresses. Private: a
     * segment through which any code could write anywhere, bypassing the debug checks, is not API.
     * Bulk transfers between Java arrays and off-heap memory are the {@code copy} overloads below;
     * a bounded view for other FFM APIs is {@link #segment}.
     */
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private static final VarHandle LONG;
    private static final VarHandle INT;
    private static final VarHandle SHORT;
    private static final VarHandle BYTE;

    static {
        LONG = ValueLayout.JAVA_LONG.varHandle();
        INT = ValueLayout.JAVA_INT.varHandle();
        SHORT = ValueLayout.JAVA_SHORT.varHandle();
        BYTE = ValueLayout.JAVA_BYTE.varHandle();
    }

    private Memory() {
    }

    // ---- long ---------------------------------------------------------------------------------

    public static long getLong(long address) {
        if (DEBUG) check(address, 8);
        return (long) LONG.get(ALL, address);
    }

    public static void putLong(long address, long value) {
        if (DEBUG) check(address, 8);
        LONG.set(ALL, address, value);
    }

    public static long getLongOpaque(long address) {
        if (DEBUG) check(address, 8);
        return (long) LONG.getOpaque(ALL, address);
    }

    public static void putLongOpaque(long address, long value) {
        if (DEBUG) check(address, 8);
        LONG.setOpaque(ALL, address, value);
    }

    public static long getLongAcquire(long address) {
        if (DEBUG) check(address, 8);
        return (long) LONG.getAcquire(ALL, address);
    }

    public static void putLongRelease(long address, long value) {
        if (DEBUG) check(address, 8);
        LONG.setRelease(ALL, address, value);
    }

    public static long getLongVolatile(long address) {
        if (DEBUG) check(address, 8);
        return (long) LONG.getVolatile(ALL, address);
    }

    public static void putLongVolatile(long address, long value) {
        if (DEBUG) check(address, 8);
        LONG.setVolatile(ALL, address, value);
    }

    public static boolean compareAndSetLong(long address, long expected, long value) {
        if (DEBUG) check(address, 8);
        return LONG.compareAndSet(ALL, address, expected, value);
    }

    /** Returns the witness value: {@code expected} on success, the value found otherwise. */
    public static long compareAndExchangeLong(long address, long expected, long value) {
        if (DEBUG) check(address, 8);
        return (long) LONG.compareAndExchange(ALL, address, expected, value);
    }

    public static long getAndAddLong(long address, long delta) {
        if (DEBUG) check(address, 8);
        return (long) LONG.getAndAdd(ALL, address, delta);
    }

    public static long getAndSetLong(long address, long value) {
        if (DEBUG) check(address, 8);
        return (long) LONG.getAndSet(ALL, address, value);
    }

    // ---- int ----------------------------------------------------------------------------------

    public static int getInt(long address) {
        if (DEBUG) check(address, 4);
        return (int) INT.get(ALL, address);
    }

    public static void putInt(long address, int value) {
        if (DEBUG) check(address, 4);
        INT.set(ALL, address, value);
    }

    public static int getIntOpaque(long address) {
        if (DEBUG) check(address, 4);
        return (int) INT.getOpaque(ALL, address);
    }

    public static void putIntOpaque(long address, int value) {
        if (DEBUG) check(address, 4);
        INT.setOpaque(ALL, address, value);
    }

    public static int getIntAcquire(long address) {
        if (DEBUG) check(address, 4);
        return (int) INT.getAcquire(ALL, address);
    }

    public static void putIntRelease(long address, int value) {
        if (DEBUG) check(address, 4);
        INT.setRelease(ALL, address, value);
    }

    public static int getIntVolatile(long address) {
        if (DEBUG) check(address, 4);
        return (int) INT.getVolatile(ALL, address);
    }

    public static void putIntVolatile(long address, int value) {
        if (DEBUG) check(address, 4);
        INT.setVolatile(ALL, address, value);
    }

    public static boolean compareAndSetInt(long address, int expected, int value) {
        if (DEBUG) check(address, 4);
        return INT.compareAndSet(ALL, address, expected, value);
    }

    /** Returns the witness value: {@code expected} on success, the value found otherwise. */
    public static int compareAndExchangeInt(long address, int expected, int value) {
        if (DEBUG) check(address, 4);
        return (int) INT.compareAndExchange(ALL, address, expected, value);
    }

    public static int getAndAddInt(long address, int delta) {
        if (DEBUG) check(address, 4);
        return (int) INT.getAndAdd(ALL, address, delta);
    }

    public static int getAndSetInt(long address, int value) {
        if (DEBUG) check(address, 4);
        return (int) INT.getAndSet(ALL, address, value);
    }

    public static int getAndBitwiseOrInt(long address, int bits) {
        if (DEBUG) check(address, 4);
        return (int) INT.getAndBitwiseOr(ALL, address, bits);
    }

    public static int getAndBitwiseAndInt(long address, int bits) {
        if (DEBUG) check(address, 4);
        return (int) INT.getAndBitwiseAnd(ALL, address, bits);
    }

    // ---- short and byte (plain and opaque only: FFM has no sub-word atomics) ------------------

    public static short getShort(long address) {
        if (DEBUG) check(address, 2);
        return (short) SHORT.get(ALL, address);
    }

    public static void putShort(long address, short value) {
        if (DEBUG) check(address, 2);
        SHORT.set(ALL, address, value);
    }

    public static byte getByte(long address) {
        if (DEBUG) check(address, 1);
        return (byte) BYTE.get(ALL, address);
    }

    public static void putByte(long address, byte value) {
        if (DEBUG) check(address, 1);
        BYTE.set(ALL, address, value);
    }

    public static byte getByteOpaque(long address) {
        if (DEBUG) check(address, 1);
        return (byte) BYTE.getOpaque(ALL, address);
    }

    public static void putByteOpaque(long address, byte value) {
        if (DEBUG) check(address, 1);
        BYTE.setOpaque(ALL, address, value);
    }

    // ---- bulk ---------------------------------------------------------------------------------

    /** Sets {@code length} bytes from {@code address} to {@code value}. */
    public static void fill(long address, long length, byte value) {
        if (DEBUG) check(address, 1);
        ALL.asSlice(address, length).fill(value);
    }

    /** Copies {@code length} bytes; the ranges may overlap. */
    public static void copy(long from, long to, long length) {
        if (DEBUG) {
            check(from, 1);
            check(to, 1);
        }
        MemorySegment.copy(ALL, from, ALL, to, length);
    }

    /** Copies {@code length} bytes of {@code src} from {@code srcIndex} to {@code address}. */
    public static void copy(byte[] src, int srcIndex, long address, int length) {
        if (DEBUG) check(address, 1);
        MemorySegment.copy(src, srcIndex, ALL, ValueLayout.JAVA_BYTE, address, length);
    }

    /** Copies {@code length} bytes from {@code address} into {@code dst} from {@code dstIndex}. */
    public static void copy(long address, byte[] dst, int dstIndex, int length) {
        if (DEBUG) check(address, 1);
        MemorySegment.copy(ALL, ValueLayout.JAVA_BYTE, address, dst, dstIndex, length);
    }

    /** Copies {@code length} chars (2 bytes each, native order, any alignment) of {@code src} to {@code address}. */
    public static void copy(char[] src, int srcIndex, long address, int length) {
        if (DEBUG) check(address, 1);
        MemorySegment.copy(src, srcIndex, ALL, ValueLayout.JAVA_CHAR_UNALIGNED, address, length);
    }

    /** Copies {@code length} chars from {@code address} into {@code dst} from {@code dstIndex}. */
    public static void copy(long address, char[] dst, int dstIndex, int length) {
        if (DEBUG) check(address, 1);
        MemorySegment.copy(ALL, ValueLayout.JAVA_CHAR_UNALIGNED, address, dst, dstIndex, length);
    }

    /** Whether the {@code length} bytes at {@code a} and at {@code b} are equal. */
    public static boolean contentEquals(long a, long b, long length) {
        if (DEBUG) {
            check(a, 1);
            check(b, 1);
        }
        return MemorySegment.mismatch(ALL, a, a + length, ALL, b, b + length) < 0;
    }

    /** A segment view of {@code [address, address + length)}, for APIs that take segments. */
    public static MemorySegment segment(long address, long length) {
        return ALL.asSlice(address, length);
    }

    private static void check(long address, int alignment) {
        if (address == 0) {
            throw new IllegalArgumentException("access to address 0 (a null reference)");
        }
        if ((address & (alignment - 1)) != 0) {
            throw new IllegalArgumentException("misaligned " + alignment + "-byte access at 0x"
                    + Long.toHexString(address));
        }
    }
}
