package io.github.ftmem.core;

import io.github.ftmem.core.threads.World;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * The canonical 32-byte object header that every ftmem module addresses. An object is a block whose
 * first 32 bytes are this header, 8-byte aligned; the payload follows at {@link #SIZE}.
 *
 * <pre>
 * offset size field       written by (access mode)
 *  0      8   tid         refcount: the owner at init (plain, before publication); the owner when it gives
 *                         up ownership (release). Non-zero = owner's runtime-thread id; 0 = unowned
 *                         (merged) or immortal. During a stopped world only: the collector's scratch
 *                         (gc_refs, worklist link), restored before the world starts.
 *  8      4   mutex       locks: CAS only. bit 0 LOCKED, bit 1 HAS_PARKED.
 * 12      4   refLocal    refcount: the owner thread only, plain stores. 0xFFFF_FFFF = immortal.
 * 16      8   refShared   refcount: any thread, atomic only. count &lt;&lt; 2 | state.
 * 24      4   type        the embedding runtime, once at init (plain, before publication).
 * 28      2   flags       owner-defined (the embedding runtime).
 * 30      1   gcBits      the owner thread or a stopped world (plain); see the bit table.
 * 31      1   reserved    zero.
 * </pre>
 *
 * <table>
 *   <caption>{@code refShared} state (low two bits)</caption>
 *   <tr><th>value</th><th>name</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>INIT</td><td>owned; shared count may be decremented normally</td></tr>
 *   <tr><td>1</td><td>MAYBE_WEAKREF</td><td>owned; weak references may exist</td></tr>
 *   <tr><td>2</td><td>QUEUED</td><td>handed to the owner's merge queue</td></tr>
 *   <tr><td>3</td><td>MERGED</td><td>unowned: the true count is {@code refShared >> 2}</td></tr>
 * </table>
 *
 * <table>
 *   <caption>{@code gcBits}</caption>
 *   <tr><th>bit</th><th>name</th><th>set when</th></tr>
 *   <tr><td>0x01</td><td>TRACKED</td><td>the object is a container the cycle collector scans</td></tr>
 *   <tr><td>0x02</td><td>FINALIZED</td><td>its finalizer has run (runs at most once)</td></tr>
 *   <tr><td>0x04</td><td>UNREACHABLE</td><td>collector scratch: found unreachable this cycle</td></tr>
 *   <tr><td>0x08</td><td>FROZEN</td><td>excluded from collection until unfrozen</td></tr>
 *   <tr><td>0x10</td><td>SHARED</td><td>its memory may be reclaimed only after other threads are quiescent</td></tr>
 *   <tr><td>0x20</td><td>ALIVE</td><td>collector scratch: proven reachable this cycle</td></tr>
 *   <tr><td>0x40</td><td>DEFERRED</td><td>deferred reference counting: stack references are not counted</td></tr>
 * </table>
 *
 * <p>{@link #LAYOUT} states the same layout as an FFM struct; a test checks that both agree.
 */
public final class Header {

    public static final long TID = 0;
    public static final long MUTEX = 8;
    public static final long REF_LOCAL = 12;
    public static final long REF_SHARED = 16;
    public static final long TYPE = 24;
    public static final long FLAGS = 28;
    public static final long GC_BITS = 30;
    /** Header size; the payload starts here. */
    public static final int SIZE = 32;
    public static final int ALIGNMENT = 8;

    /** {@code refLocal} of an immortal object. */
    public static final int IMMORTAL_LOCAL = 0xFFFF_FFFF;

    public static final int SHARED_SHIFT = 2;
    public static final long SHARED_STATE_MASK = 0b11;
    public static final long STATE_INIT = 0;
    public static final long STATE_MAYBE_WEAKREF = 1;
    public static final long STATE_QUEUED = 2;
    public static final long STATE_MERGED = 3;

    public static final int GC_TRACKED = 0x01;
    public static final int GC_FINALIZED = 0x02;
    public static final int GC_UNREACHABLE = 0x04;
    public static final int GC_FROZEN = 0x08;
    public static final int GC_SHARED = 0x10;
    public static final int GC_ALIVE = 0x20;
    public static final int GC_DEFERRED = 0x40;

    public static final int MUTEX_LOCKED = 0x1;
    public static final int MUTEX_HAS_PARKED = 0x2;

    /** The header as an FFM layout, field names as in the table above. */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("tid"),
            ValueLayout.JAVA_INT.withName("mutex"),
            ValueLayout.JAVA_INT.withName("refLocal"),
            ValueLayout.JAVA_LONG.withName("refShared"),
            ValueLayout.JAVA_INT.withName("type"),
            ValueLayout.JAVA_SHORT.withName("flags"),
            ValueLayout.JAVA_BYTE.withName("gcBits"),
            ValueLayout.JAVA_BYTE.withName("reserved")).withName("ftmem_header");

    private Header() {
    }

    /**
     * Writes a fresh header: the given owner and type, all counts, flags and bits zero, mutex
     * unlocked. Plain stores: the object is not yet visible to other threads.
     */
    public static void init(long object, long ownerTid, int type) {
        Memory.putLong(object + TID, ownerTid);
        Memory.putInt(object + MUTEX, 0);
        Memory.putInt(object + REF_LOCAL, 0);
        Memory.putLong(object + REF_SHARED, 0);
        Memory.putInt(object + TYPE, type);
        Memory.putShort(object + FLAGS, (short) 0);
        Memory.putByte(object + GC_BITS, (byte) 0);
        Memory.putByte(object + GC_BITS + 1, (byte) 0);
    }

    public static long tid(long object) {
        return Memory.getLong(object + TID);
    }

    /**
     * Writes the tid word. Only the collector may, with the world stopped by the calling thread (gc_refs
     * scratch, restored before the world starts); refcount writes it through its own ordered stores.
     * Anywhere else a wrong tid silently breaks biased counting (another thread counting as owner), so
     * debug mode ({@code -Dftmem.debug=true}) throws.
     *
     * @throws IllegalStateException in debug mode, if the calling thread has not stopped the world
     */
    public static void setTid(long object, long tid) {
        if (Memory.DEBUG && !World.isStoppedByCurrentThread()) {
            throw new IllegalStateException("Header.setTid(" + describe(object) + ") while the world runs: the tid word"
                    + " is refcount's owner id; only a collector that stopped the world may use it as scratch");
        }
        Memory.putLong(object + TID, tid);
    }

    public static int refLocal(long object) {
        return Memory.getInt(object + REF_LOCAL);
    }

    public static long refShared(long object) {
        return Memory.getLongVolatile(object + REF_SHARED);
    }

    public static int type(long object) {
        return Memory.getInt(object + TYPE);
    }

    public static void setType(long object, int type) {
        Memory.putInt(object + TYPE, type);
    }

    public static int flags(long object) {
        return Memory.getShort(object + FLAGS) & 0xFFFF;
    }

    public static void setFlags(long object, int flags) {
        Memory.putShort(object + FLAGS, (short) flags);
    }

    public static int gcBits(long object) {
        return Memory.getByte(object + GC_BITS) & 0xFF;
    }

    public static boolean hasGcBits(long object, int bits) {
        return (gcBits(object) & bits) == bits;
    }

    /**
     * Sets bits in {@code gcBits}; plain: only the owner thread or a stopped world writes them. The
     * collector's scratch bits ({@link #GC_UNREACHABLE}, {@link #GC_ALIVE}) only with the world stopped
     * by the calling thread: set on a running heap they make the next collection treat a live object as
     * garbage.
     *
     * @throws IllegalArgumentException in debug mode ({@code -Dftmem.debug=true}), for a bit outside the
     *         table or a scratch bit set while the calling thread has not stopped the world
     */
    public static void setGcBits(long object, int bits) {
        if (Memory.DEBUG) checkGcBits(object, bits, "setGcBits");
        Memory.putByte(object + GC_BITS, (byte) (gcBits(object) | bits));
    }

    /**
     * Clears bits in {@code gcBits}; plain, as for {@link #setGcBits}. Clearing a scratch bit is legal
     * with the world running (the collector does so on the garbage it holds while it clears it).
     *
     * @throws IllegalArgumentException in debug mode, for a bit outside the table
     */
    public static void clearGcBits(long object, int bits) {
        if (Memory.DEBUG) checkGcBits(object, bits, "clearGcBits");
        Memory.putByte(object + GC_BITS, (byte) (gcBits(object) & ~bits));
    }

    private static final int ALL_GC_BITS = GC_TRACKED | GC_FINALIZED | GC_UNREACHABLE | GC_FROZEN | GC_SHARED
            | GC_ALIVE | GC_DEFERRED;

    private static void checkGcBits(long object, int bits, String operation) {
        if ((bits & ~ALL_GC_BITS) != 0) {
            throw new IllegalArgumentException("Header." + operation + "(0x" + Integer.toHexString(bits)
                    + "): bits outside the gcBits table, on " + describe(object));
        }
        if (operation.equals("setGcBits") && (bits & (GC_UNREACHABLE | GC_ALIVE)) != 0
                && !World.isStoppedByCurrentThread()) {
            throw new IllegalArgumentException("Header." + operation + "(0x" + Integer.toHexString(bits)
                    + "): UNREACHABLE and ALIVE are the collector's scratch, written only with the world stopped, on "
                    + describe(object));
        }
    }

    public static long sharedCount(long refShared) {
        return refShared >> SHARED_SHIFT;
    }

    public static long sharedState(long refShared) {
        return refShared & SHARED_STATE_MASK;
    }

    /** A one-line description for error messages: address, type, owner and counts. */
    public static String describe(long object) {
        long shared = Memory.getLongVolatile(object + REF_SHARED);
        return "object 0x" + Long.toHexString(object) + " (type " + type(object) + ", tid " + tid(object)
                + ", refLocal " + Integer.toUnsignedString(refLocal(object)) + ", refShared count "
                + sharedCount(shared) + " state " + stateName(sharedState(shared)) + ", gcBits 0x"
                + Integer.toHexString(gcBits(object)) + ")";
    }

    public static String stateName(long state) {
        return switch ((int) state) {
            case 0 -> "INIT";
            case 1 -> "MAYBE_WEAKREF";
            case 2 -> "QUEUED";
            default -> "MERGED";
        };
    }
}
