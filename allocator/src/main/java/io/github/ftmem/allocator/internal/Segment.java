package io.github.ftmem.allocator.internal;

import io.github.ftmem.core.Memory;
import io.github.ftmem.core.OsMemory;

/**
 * Layout of a segment: a range reserved from the OS, aligned to {@link #SIZE}, whose first bytes hold
 * the segment header and the metadata of its pages.
 *
 * <pre>
 *  segment base (multiple of 4 MiB)
 *  +0     cookie        long  allocator cookie XOR base; proves "this is one of ours" on free
 *  +8     kind          int   SMALL (64 × 64 KiB pages), MEDIUM (8 × 512 KiB pages), HUGE (one block)
 *  +12    pageShift     int   16 or 19 (HUGE: 22)
 *  +16    pageCount     int   pages including page 0, whose data area holds this header
 *  +24    freeMask      long  bit i: page i is free                        guarded by the pool lock
 *  +32    committedMask long  bit i: page i is free and still committed    guarded by the pool lock
 *  +40    reservedSize  long  bytes reserved from the OS
 *  +48    hugeBlock     long  HUGE: the block's address
 *  +56    hugeSize      long  HUGE: the block's usable size
 *  +64    hugeState     int   HUGE: LIVE 1 / FREE 0, CAS by the freeing thread (double free check)
 *  +68    hugeTag       int   HUGE: tag
 *  +72    hugeExtent    long  HUGE: committed bytes accounted for the block
 *  +128   page metadata, {@link Page#META_SIZE} bytes per page, page i at +128 + i × META_SIZE
 *  ...
 *  +pageSize × i   data of page i (i ≥ 1); a HUGE block starts at max(OS page, alignment)
 * </pre>
 *
 * <p>{@code free(p)} finds the segment as {@code p & ~(SIZE - 1)} and the page metadata as
 * {@code base + 128 + ((p - base) >>> pageShift) × META_SIZE}: two loads, no lookup table. Page 0 is
 * never handed out: its range is the header's, and the rest of it is reserved address space that is
 * never touched (so never committed).
 */
public final class Segment {

    public static final int SHIFT = 22;
    public static final long SIZE = 1L << SHIFT;
    public static final long MASK = SIZE - 1;

    public static final int SMALL = 1;
    public static final int MEDIUM = 2;
    public static final int HUGE = 3;

    public static final int SMALL_PAGE_SHIFT = 16;
    public static final int MEDIUM_PAGE_SHIFT = 19;

    static final long COOKIE = 0;
    static final long KIND = 8;
    static final long PAGE_SHIFT = 12;
    static final long PAGE_COUNT = 16;
    static final long FREE_MASK = 24;
    static final long COMMITTED_MASK = 32;
    static final long RESERVED_SIZE = 40;
    static final long HUGE_BLOCK = 48;
    static final long HUGE_SIZE = 56;
    static final long HUGE_STATE = 64;
    static final long HUGE_TAG = 68;
    static final long HUGE_EXTENT = 72;
    static final long PAGES = 128;

    static final int HUGE_LIVE = 1;
    static final int HUGE_FREE = 0;

    /** Bytes of the header that are ever written (the metadata of 64 pages). */
    static final long HEADER_BYTES = PAGES + 64L * Page.META_SIZE;

    private Segment() {
    }

    public static long of(long address) {
        return address & ~MASK;
    }

    public static int kind(long segment) {
        return Memory.getInt(segment + KIND);
    }

    public static long pageMeta(long segment, long address) {
        return segment + PAGES + ((address - segment) >>> Memory.getInt(segment + PAGE_SHIFT)) * Page.META_SIZE;
    }

    public static long pageMetaAt(long segment, int index) {
        return segment + PAGES + (long) index * Page.META_SIZE;
    }

    public static int pageCount(long segment) {
        return Memory.getInt(segment + PAGE_COUNT);
    }

    public static long hugeBlock(long segment) {
        return Memory.getLong(segment + HUGE_BLOCK);
    }

    public static long hugeSize(long segment) {
        return Memory.getLong(segment + HUGE_SIZE);
    }

    public static int hugeTag(long segment) {
        return Memory.getInt(segment + HUGE_TAG);
    }

    public static boolean hugeLive(long segment) {
        return Memory.getIntAcquire(segment + HUGE_STATE) == HUGE_LIVE;
    }

    /** Committed bytes of a header: the OS pages the page metadata covers. */
    static long headerCommit() {
        long os = OsMemory.get().pageSize();
        return (HEADER_BYTES + os - 1) / os * os;
    }
}
