package io.github.ftmem.allocator.internal;

import io.github.ftmem.core.Memory;
import io.github.ftmem.core.OsMemory;

/**
 * Layout of page metadata and the page-level protocol: three sharded free lists per page.
 *
 * <h2>Implementation notes</h2>
 * A page is a run of equal-sized blocks of one size class. Its metadata lives in its segment's
 * header (see {@link Segment}), {@link #META_SIZE} bytes per page:
 * <pre>
 * off size field        writer                                    readers / mode
 *  0  8   free          owner, plain                              owner
 *  8  8   localFree     owner, plain                              owner
 * 16  8   threadFree    any thread: CAS push; owner: getAndSet    any, volatile
 * 24  4   used          owner, plain                              owner (stats: stopped world)
 * 28  4   capacity      owner, plain                              owner
 * 32  4   reserved      owner at init, plain (published by the pool lock / by the block hand-off)
 * 36  4   blockSize     owner at init, as reserved
 * 40  4   owner         heap id; 0 = free or abandoned. The owner writes it at init and when it
 *                       abandons (release, under the pool lock); a reclaimer writes it under the
 *                       pool lock. Any thread reads it opaque.
 * 44  4   sizeClass     owner at init
 * 48  4   tag           owner at init
 * 52  4   flags         IN_USE: set and cleared under the pool lock while no heap owns the page;
 *                       IN_FULL_LIST, HAS_ALIGNED: owner, plain. Any thread reads it (free's one
 *                       test "IN_USE and nothing unusual"); a racing reader sees IN_USE either way.
 * 60  4   extent        committed bytes of the data area: owner while IN_USE, pool lock while FREE
 * 64  8   next          owner: link in the heap's class queue or full list
 * 72  8   prev          owner
 * 80  8   start         first block; written once when the segment is created
 * 88  8   freedAt       nanoTime of the last release to the pool, pool lock
 * </pre>
 * "Owner" is the thread of the heap whose id is in {@code owner}; for an abandoned page (owner 0,
 * state IN_USE) the holder of the pool lock acts as owner. Every block's first word is its free-list
 * link; its second word holds {@code block ^ FREED_MARK} while the block is free and 0 while it is
 * allocated (the allocation fast path clears it), which lets {@code free} recognise most double frees
 * with one compare.
 *
 * <h3>Lists</h3>
 * <ul>
 *   <li>{@code free}: allocation pops from it; nothing else pushes to it except {@link #collect}.</li>
 *   <li>{@code localFree}: the owner's frees. Not reused at once: they move to {@code free} only when
 *       {@code free} is empty, so the owner enters the slow path at a steady cadence (mimalloc's
 *       "temporal cadence").</li>
 *   <li>{@code threadFree}: frees by other threads, one CAS push each. Bit 0 is {@link #IN_FULL}: the
 *       owner set it (CAS from "no blocks") when it moved the page to its full list; the pusher that
 *       clears it (the first push afterwards) tells the owner heap, which moves the page back to its
 *       class queue. A page therefore never sits in a full list with blocks in {@code threadFree} and
 *       nobody told.</li>
 * </ul>
 *
 * <h3>Invariants (owner's view, any quiescent moment)</h3>
 * <pre>
 *   live + |threadFree| + |free| + |localFree| == capacity ≤ reserved
 *   live == used − |threadFree|,  hence  used + |free| + |localFree| == capacity
 *   IN_FULL set  ⇒  |threadFree| == 0
 *   IN_FULL_LIST ⇒  |free| == |localFree| == 0 and capacity == reserved
 * </pre>
 * {@code used} counts blocks in {@code threadFree} until the owner collects them (collect subtracts
 * the count it took); that is what lets a remote free touch nothing but the one CASed word. (The
 * form "used − |threadFree| + |free| + |localFree| == capacity" sometimes quoted for mimalloc counts
 * the remotely freed blocks twice; {@link Engine#validate} checks the two lines above.)
 */
public final class Page {

    public static final int META_SIZE = 128;

    static final long FREE = 0;
    static final long LOCAL_FREE = 8;
    static final long THREAD_FREE = 16;
    static final long USED = 24;
    static final long CAPACITY = 28;
    static final long RESERVED = 32;
    static final long BLOCK_SIZE = 36;
    static final long OWNER = 40;
    static final long SIZE_CLASS = 44;
    static final long TAG = 48;
    static final long FLAGS = 52;
    static final long EXTENT = 60;
    static final long NEXT = 64;
    static final long PREV = 72;
    static final long START = 80;
    static final long FREED_AT = 88;

    /** threadFree bit: the page is in its owner's full list and the owner wants to hear of a free. */
    public static final long IN_FULL = 1;
    static final long FLAG_MASK = 0xF;

    /** flags bit: the page is in its owner's full list. */
    static final int IN_FULL_LIST = 1;
    /** flags bit: some block was handed out at an interior, over-aligned address. */
    static final int HAS_ALIGNED = 2;
    /** flags bit: the page belongs to a heap or to the abandoned pool (not free in its segment). */
    static final int IN_USE = 4;

    /** XORed with the block address into a free block's second word. */
    public static final long FREED_MARK = 0x5A17_F4EE_D0C0_FFEEL;

    /** A fresh page is threaded at most this many bytes at a time, so untouched memory stays uncommitted. */
    static final int EXTEND_BYTES = 4096;
    /** ... but at least this many blocks, so large classes do not extend on every allocation. */
    static final int MIN_EXTEND = 4;

    private Page() {
    }

    // ---- accessors (named for tests and the stress module) ------------------------------------

    public static long free(long page) {
        return Memory.getLong(page + FREE);
    }

    public static long localFree(long page) {
        return Memory.getLong(page + LOCAL_FREE);
    }

    public static long threadFree(long page) {
        return Memory.getLongVolatile(page + THREAD_FREE);
    }

    public static int used(long page) {
        return Memory.getInt(page + USED);
    }

    public static int capacity(long page) {
        return Memory.getInt(page + CAPACITY);
    }

    public static int reserved(long page) {
        return Memory.getInt(page + RESERVED);
    }

    public static int blockSize(long page) {
        return Memory.getInt(page + BLOCK_SIZE);
    }

    public static int owner(long page) {
        return Memory.getIntOpaque(page + OWNER);
    }

    public static int sizeClass(long page) {
        return Memory.getInt(page + SIZE_CLASS);
    }

    public static int tag(long page) {
        return Memory.getInt(page + TAG);
    }

    public static long start(long page) {
        return Memory.getLong(page + START);
    }

    static boolean inUse(long page) {
        return (Memory.getInt(page + FLAGS) & IN_USE) != 0;
    }

    // ---- owner operations ---------------------------------------------------------------------

    /**
     * Prepares a page for class {@code sizeClass}, owned by heap {@code owner}, its blocks starting at
     * {@code start} (16-byte aligned) and spanning {@code reservedBytes}. The caller holds the page
     * exclusively (taken from the pool, or a test fixture).
     */
    public static void init(long page, long start, int sizeClass, int tag, int owner, long reservedBytes) {
        int blockSize = SizeClasses.blockSize(sizeClass);
        Memory.putLong(page + START, start);
        Memory.putLong(page + FREE, 0);
        Memory.putLong(page + LOCAL_FREE, 0);
        Memory.putLongVolatile(page + THREAD_FREE, 0);
        Memory.putInt(page + USED, 0);
        Memory.putInt(page + CAPACITY, 0);
        Memory.putInt(page + RESERVED, (int) (reservedBytes / blockSize));
        Memory.putInt(page + BLOCK_SIZE, blockSize);
        Memory.putInt(page + SIZE_CLASS, sizeClass);
        Memory.putInt(page + TAG, tag);
        Memory.putInt(page + FLAGS, IN_USE);
        Memory.putLong(page + NEXT, 0);
        Memory.putLong(page + PREV, 0);
        Memory.putIntRelease(page + OWNER, owner);
    }

    /**
     * Owner: pops a block from {@code free} (0 if empty), counting it as used and clearing its free
     * mark. The allocation fast path is this method, inlined.
     */
    public static long popFree(long page) {
        long block = Memory.getLong(page + FREE);
        if (block != 0) {
            Memory.putLong(page + FREE, Memory.getLong(block));
            Memory.putLong(block + 8, 0);
            Memory.putInt(page + USED, Memory.getInt(page + USED) + 1);
        }
        return block;
    }

    /** Owner-side free of a block of its own page into {@code localFree}; returns the new used count. */
    public static int pushLocalFree(long page, long block) {
        Memory.putLong(block, Memory.getLong(page + LOCAL_FREE));
        Memory.putLong(block + 8, block ^ FREED_MARK);
        Memory.putLong(page + LOCAL_FREE, block);
        int used = Memory.getInt(page + USED) - 1;
        Memory.putInt(page + USED, used);
        return used;
    }

    /**
     * A thread other than the owner frees {@code block}: marks it free and pushes it onto
     * {@code threadFree}. Returns true if the owner must be told (see {@link #pushThreadFree}).
     */
    public static boolean freeRemote(long page, long block) {
        Memory.putLong(block + 8, block ^ FREED_MARK);
        return pushThreadFree(page, block);
    }

    /**
     * Sets the owner of a page that has none (a reclaimer, under the pool lock) or gives it up (the
     * owner abandoning it). Release: the new owner's earlier writes are visible to whoever reads it.
     */
    public static void setOwner(long page, int owner) {
        Memory.putIntRelease(page + OWNER, owner);
    }

    /**
     * Threads the next blocks of a page onto {@code free} (which must be empty) and returns the number
     * of committed bytes this added. Precondition: capacity &lt; reserved.
     */
    public static long extend(long page) {
        assert Memory.getLong(page + FREE) == 0 : "extend with a non-empty free list";
        int capacity = Memory.getInt(page + CAPACITY);
        int reserved = Memory.getInt(page + RESERVED);
        int blockSize = Memory.getInt(page + BLOCK_SIZE);
        int extent = Memory.getInt(page + EXTENT);
        // Memory still committed from the page's previous use is threaded at once: laziness only
        // pays for memory that is not yet backed.
        int committedBlocks = (int) ((extent - (long) capacity * blockSize) / blockSize);
        int count = Math.min(reserved - capacity, Math.max(Math.max(MIN_EXTEND, EXTEND_BYTES / blockSize), committedBlocks));
        long first = Memory.getLong(page + START) + (long) capacity * blockSize;
        long block = first;
        for (int i = 1; i < count; i++) {
            long next = block + blockSize;
            Memory.putLong(block, next);
            Memory.putLong(block + 8, block ^ FREED_MARK);
            block = next;
        }
        Memory.putLong(block, 0);
        Memory.putLong(block + 8, block ^ FREED_MARK);
        Memory.putLong(page + FREE, first);
        Memory.putInt(page + CAPACITY, capacity + count);
        long os = OsMemory.get().pageSize();
        long touched = ((long) (capacity + count) * blockSize + os - 1) / os * os;
        if (touched > extent) {
            Memory.putInt(page + EXTENT, (int) touched);
            return touched - extent;
        }
        return 0;
    }

    /**
     * Owner, with {@code free} empty: moves {@code localFree} and everything in {@code threadFree} to
     * {@code free}. Returns the number of blocks taken from {@code threadFree}.
     */
    public static int collect(long page) {
        assert Memory.getLong(page + FREE) == 0 : "collect with a non-empty free list";
        long head = Memory.getLong(page + LOCAL_FREE);
        Memory.putLong(page + LOCAL_FREE, 0);
        int collected = 0;
        // A stale "empty" here only delays those blocks to the next collect: a page is declared full
        // only by tryMarkFull's CAS, which sees every push.
        if ((Memory.getLongOpaque(page + THREAD_FREE) & ~FLAG_MASK) != 0) {
            long list = Memory.getAndSetLong(page + THREAD_FREE, 0) & ~FLAG_MASK;
            long tail = list;
            collected = 1;
            for (long next = Memory.getLong(tail); next != 0; next = Memory.getLong(tail)) {
                tail = next;
                collected++;
            }
            Memory.putLong(tail, head);
            head = list;
            Memory.putInt(page + USED, Memory.getInt(page + USED) - collected);
        }
        Memory.putLong(page + FREE, head);
        return collected;
    }

    /**
     * Owner or pool-lock holder: merges all three lists into {@code free} and clears {@link #IN_FULL}
     * (used when a page changes hands: abandon and reclaim).
     */
    public static int collectAll(long page) {
        long kept = Memory.getLong(page + FREE);
        Memory.putLong(page + FREE, 0);
        long head = Memory.getLong(page + LOCAL_FREE);
        Memory.putLong(page + LOCAL_FREE, 0);
        long list = Memory.getAndSetLong(page + THREAD_FREE, 0) & ~FLAG_MASK;
        int collected = 0;
        if (list != 0) {
            long tail = list;
            collected = 1;
            for (long next = Memory.getLong(tail); next != 0; next = Memory.getLong(tail)) {
                tail = next;
                collected++;
            }
            Memory.putLong(tail, head);
            head = list;
            Memory.putInt(page + USED, Memory.getInt(page + USED) - collected);
        }
        if (kept != 0) {
            if (head == 0) {
                head = kept;
            } else {
                long tail = head;
                for (long next = Memory.getLong(tail); next != 0; next = Memory.getLong(tail)) {
                    tail = next;
                }
                Memory.putLong(tail, kept);
            }
        }
        Memory.putLong(page + FREE, head);
        return collected;
    }

    /**
     * Owner, when the page has nothing left to hand out: sets {@link #IN_FULL} if {@code threadFree}
     * holds no block. False means a remote free got in first: collect again.
     */
    public static boolean tryMarkFull(long page) {
        long threadFree = Memory.getLongVolatile(page + THREAD_FREE);
        if (threadFree == IN_FULL) {
            return true;
        }
        return threadFree == 0 && Memory.compareAndSetLong(page + THREAD_FREE, 0, IN_FULL);
    }

    /**
     * Owner, with {@code free} empty: collects until the page has a block to hand out or room to
     * extend (true), or declares it full with {@link #tryMarkFull} (false). A remote free that races
     * the declaration either is collected here or gets told to notify the owner: never neither.
     */
    public static boolean collectOrMarkFull(long page) {
        while (true) {
            collect(page);
            if (Memory.getLong(page + FREE) != 0 || Memory.getInt(page + CAPACITY) < Memory.getInt(page + RESERVED)) {
                return true;
            }
            if (tryMarkFull(page)) {
                return false;
            }
        }
    }

    // ---- any thread ----------------------------------------------------------------------------

    /**
     * Pushes a block freed by a thread other than the owner. The block's second word must already
     * hold its free mark. Returns true if this push cleared {@link #IN_FULL}: the caller must then tell
     * the owner heap, which is waiting to hear about this page.
     */
    public static boolean pushThreadFree(long page, long block) {
        long seen = Memory.getLongVolatile(page + THREAD_FREE);
        while (true) {
            // Plain store of the link: the CAS below (volatile) publishes it to the collector's getAndSet.
            Memory.putLong(block, seen & ~FLAG_MASK);
            long witness = Memory.compareAndExchangeLong(page + THREAD_FREE, seen, block);
            if (witness == seen) {
                return (seen & IN_FULL) != 0;
            }
            seen = witness;
        }
    }

    // ---- checking (validate, visit) ------------------------------------------------------------

    /**
     * Checks the list invariants of a quiescent page and returns its live blocks.
     *
     * @throws IllegalStateException naming the broken invariant
     */
    public static int checkInvariants(long page) {
        long[] bits = new long[(Memory.getInt(page + CAPACITY) + 63) >>> 6];
        String where = "page 0x" + Long.toHexString(page) + " (tag " + tag(page) + ", size class " + sizeClass(page) + ")";
        int capacity = capacity(page);
        int reserved = reserved(page);
        int used = used(page);
        if (capacity > reserved || capacity < 0) {
            throw new IllegalStateException(where + ": capacity " + capacity + " outside [0, reserved " + reserved + "]");
        }
        int free = markList(page, free(page), bits, "free");
        int localFree = markList(page, localFree(page), bits, "localFree");
        long threadFreeWord = threadFree(page);
        int threadFree = markList(page, threadFreeWord, bits, "threadFree");
        if (used + free + localFree != capacity || threadFree > used) {
            throw new IllegalStateException(where + ": used " + used + " + |free| " + free + " + |localFree| " + localFree
                    + " != capacity " + capacity + " (|threadFree| " + threadFree + ")");
        }
        if ((threadFreeWord & IN_FULL) != 0 && threadFree != 0) {
            throw new IllegalStateException(where + ": IN_FULL set while threadFree holds blocks");
        }
        if ((Memory.getInt(page + FLAGS) & IN_FULL_LIST) != 0 && (free != 0 || localFree != 0 || capacity != reserved)) {
            throw new IllegalStateException(where + ": in the full list with blocks to hand out");
        }
        return used - threadFree;
    }

    /**
     * Marks every block of the list in {@code bits} (bit i = block i), checking that each entry is a
     * block boundary of this page below capacity and appears once. Returns the list length.
     */
    static int markList(long page, long head, long[] bits, String listName) {
        long start = Memory.getLong(page + START);
        int blockSize = Memory.getInt(page + BLOCK_SIZE);
        int capacity = Memory.getInt(page + CAPACITY);
        int count = 0;
        for (long block = head & ~FLAG_MASK; block != 0; block = Memory.getLong(block)) {
            long offset = block - start;
            if (offset < 0 || offset % blockSize != 0 || offset / blockSize >= capacity) {
                throw new IllegalStateException("page 0x" + Long.toHexString(page) + " (size class "
                        + Memory.getInt(page + SIZE_CLASS) + ", " + blockSize + " B): " + listName
                        + " holds 0x" + Long.toHexString(block) + ", which is not one of its first " + capacity
                        + " blocks (corrupted free list: a write after free or an overflow?)");
            }
            int index = (int) (offset / blockSize);
            if ((bits[index >>> 6] & (1L << index)) != 0) {
                throw new IllegalStateException("page 0x" + Long.toHexString(page) + " (size class "
                        + Memory.getInt(page + SIZE_CLASS) + ", " + blockSize + " B): block 0x"
                        + Long.toHexString(block) + " is twice in the free lists (" + listName + ")");
            }
            bits[index >>> 6] |= 1L << index;
            count++;
        }
        return count;
    }
}
