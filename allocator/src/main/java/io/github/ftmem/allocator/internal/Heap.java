package io.github.ftmem.allocator.internal;

import io.github.ftmem.allocator.LocalHeap;
import io.github.ftmem.core.Memory;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One thread's heap for one tag: the pages it allocates from, by size class.
 *
 * <h2>Implementation notes</h2>
 * Only the owner thread allocates from a heap and only it touches the fields below, with plain
 * accesses; other threads reach the heap only through {@link #fullFreed} (a concurrent queue) and
 * through the owner-independent page word {@code threadFree} (see {@link Page}). A heap is handed to
 * another thread exactly once, when it is abandoned after its thread died ({@link Engine#releaseThread});
 * thread death (observed through {@code Thread.isAlive()} or the runtime's exit listener) orders the
 * owner's last writes before the abandoning thread's reads.
 *
 * <ul>
 *   <li>{@code heads[c]}: first page of the class-c queue (a doubly linked list through the pages'
 *       {@code next}/{@code prev}), or 0. Allocation takes blocks from the head page.</li>
 *   <li>{@code direct[g]}: for requests of g granules (g ≤ 64), the head page of their class or the
 *       shared {@link Engine#EMPTY_PAGE} (whose free list is always empty, so the fast path needs no
 *       null check).</li>
 *   <li>{@code fullHead}: pages with nothing to hand out. They leave it when the owner frees into
 *       them or when a remote free posts them to {@code fullFreed} (see {@link Page#IN_FULL}).</li>
 *   <li>{@code counts[c]} (c a paged class): blocks of class c this heap collected from its pages'
 *       {@code threadFree} lists minus blocks of class c (of this tag) it pushed onto other heaps'
 *       {@code threadFree} (its remote frees). A page's {@code used} counts its allocated blocks plus
 *       those waiting in {@code threadFree}, so the live blocks of a class are the sum of {@code used}
 *       over its in-use pages plus {@code counts[c]} over all heaps (and the pool's, for abandoned
 *       pages): statistics computes that when asked, and the allocation and local-free fast paths
 *       count nothing. {@code counts[HUGE]}: huge blocks allocated minus huge blocks freed by this
 *       thread. Read by statistics with opaque loads (exact once the world is stopped or the threads
 *       are joined).</li>
 *   <li>{@code fastId}: {@code id} while the heap is usable in release mode, -1 (no page's owner) once
 *       it is abandoned or in debug mode, so the inline free needs one field and one compare to know
 *       it may take the owner's path. Owner-only, plain.</li>
 *   <li>{@code retained}: a ring of pages that became empty; the oldest is returned to the pool when
 *       the ring overflows ({@link #RETAINED_PAGES} pages or {@link #RETAINED_BYTES}), so a heap keeps
 *       a bounded amount of empty memory for reuse.</li>
 * </ul>
 */
public final class Heap implements LocalHeap {

    /** Most empty pages a heap keeps: absorbs free-all-then-allocate cycles of up to 2 MiB of small blocks... */
    static final int RETAINED_PAGES = 32;
    /** ... and at most this many bytes of them (four medium pages), so idle heaps stay small. */
    static final long RETAINED_BYTES = 2L << 20;
    /** Abandoned pages of other classes inspected every {@link #SWEEP_EVERY} fresh pages. */
    static final int SWEEP_BATCH = 2;
    static final int SWEEP_EVERY = 4;
    /** Dead unregistered threads are looked for every this many fresh pages (allocator-wide). */
    static final int REAP_EVERY = 64;

    final Engine engine;
    final ThreadHeaps threadHeaps;
    final int id;
    final int tag;
    private final boolean debug;
    private final long[] direct = new long[SizeClasses.DIRECT_ENTRIES];
    private final long[] heads = new long[SizeClasses.COUNT];
    private long fullHead;
    final long[] counts = new long[SizeClasses.COUNT + 1];
    private int fastId;
    long liveHugeBytes;
    /** Blocks (and their bytes) this thread handed to freeDelayed minus those it reclaimed; like {@code counts}. */
    long delayedBlocks;
    long delayedBytes;
    final ConcurrentLinkedQueue<Long> fullFreed = new ConcurrentLinkedQueue<>();
    private final long[] retained = new long[RETAINED_PAGES];
    private int retainedOldest;
    private int retainedCount;
    private long retainedBytes;
    private int freshPages;
    private final long[] sweepOut = new long[SWEEP_BATCH];
    boolean abandoned;

    Heap(Engine engine, ThreadHeaps threadHeaps, int id, int tag) {
        this.engine = engine;
        this.threadHeaps = threadHeaps;
        this.id = id;
        this.tag = tag;
        this.debug = engine.debugChecks != null;
        this.fastId = debug ? -1 : id;
        Arrays.fill(direct, Engine.EMPTY_PAGE);
    }

    @Override
    public int tag() {
        return tag;
    }

    public int id() {
        return id;
    }

    public Thread thread() {
        return threadHeaps.thread;
    }

    // ---- allocation ----------------------------------------------------------------------------

    @Override
    public long allocate(long size) {
        if (debug) {
            return engine.debugChecks.allocate(this, size, 0, false);
        }
        return allocateRaw(size);
    }

    /** Allocation without debug checks: the fast path. */
    long allocateRaw(long size) {
        if (size >= 0 && size <= SizeClasses.DIRECT_MAX) {
            int granules = (int) ((size + SizeClasses.GRANULE - 1) >>> SizeClasses.GRANULE_SHIFT);
            long block = Page.popFree(direct[granules]);
            if (block != 0) {
                return block;
            }
        }
        return allocateSlow(size);
    }

    private long allocateSlow(long size) {
        checkSize(size);
        checkUsable();
        if (size > SizeClasses.MAX_PAGED_SIZE) {
            return engine.allocateHuge(this, size, SizeClasses.GRANULE);
        }
        return Page.popFree(findPage(SizeClasses.classOf(size)));
    }

    /**
     * Allocation of {@code size} bytes at a multiple of {@code alignment} (a power of two above 16):
     * over-allocates in a paged class and marks the page so free finds the block start, or uses a
     * dedicated segment.
     */
    long allocateAlignedRaw(long size, long alignment) {
        checkSize(size);
        checkUsable();
        long padded = size + alignment - SizeClasses.GRANULE;
        if (padded > SizeClasses.MAX_PAGED_SIZE) {
            return engine.allocateHuge(this, size, alignment);
        }
        long block = allocateRaw(padded);
        long aligned = (block + alignment - 1) & -alignment;
        if (aligned != block) {
            long page = Segment.pageMeta(Segment.of(block), block);
            Memory.putInt(page + Page.FLAGS, Memory.getInt(page + Page.FLAGS) | Page.HAS_ALIGNED);
        }
        return aligned;
    }

    /** A page of this class with a non-empty free list, at the head of its queue. */
    private long findPage(int sizeClass) {
        drainFullFreed();
        long page = heads[sizeClass];
        while (page != 0) {
            if (Memory.getLong(page + Page.FREE) != 0) {
                break;
            }
            if (collectOrMarkFull(page)) {
                if (Memory.getLong(page + Page.FREE) == 0) {
                    engine.committed.addAndGet(Page.extend(page));
                }
                break;
            }
            long next = Memory.getLong(page + Page.NEXT);
            unlink(page);
            linkFull(page);
            page = next;
        }
        if (page == 0) {
            page = obtainPage(sizeClass);
        }
        if (heads[sizeClass] != page) {
            unlink(page);
            pushFront(page);
        }
        return page;
    }

    /** A page from the abandoned pool or a fresh one; it is in the class queue with a free block. */
    private long obtainPage(int sizeClass) {
        long page;
        while ((page = engine.pool.takeAbandoned(tag, sizeClass, id)) != 0) {
            if (adopt(page)) {
                return page;
            }
        }
        int kind = SizeClasses.isSmall(sizeClass) ? Segment.SMALL : Segment.MEDIUM;
        page = engine.pool.acquirePage(kind);
        Page.init(page, Page.start(page), sizeClass, tag, id, SegmentPool.pageBytes(kind));
        if (debug) {
            engine.debugChecks.pageFormatted(Page.start(page), SegmentPool.pageBytes(kind));
        }
        engine.committed.addAndGet(Page.extend(page));
        pushFront(page);
        freshPages++;
        if (freshPages % SWEEP_EVERY == 0) {
            sweepAbandoned();
        }
        if (engine.freshPages.incrementAndGet() % REAP_EVERY == 0) {
            engine.reapDeadThreads();
        }
        return page;
    }

    /** Takes a claimed (already collected) page into this heap; true if it has a block to hand out. */
    private boolean adopt(long page) {
        counts[Memory.getInt(page + Page.SIZE_CLASS)] += Page.collectAll(page);
        if (Memory.getLong(page + Page.FREE) != 0 || collectOrMarkFull(page)) {
            if (Memory.getLong(page + Page.FREE) == 0) {
                engine.committed.addAndGet(Page.extend(page));
            }
            insertSecond(page);
            return true;
        }
        linkFull(page);
        return false;
    }

    /** {@link Page#collectOrMarkFull}, counting the blocks it took from {@code threadFree}. */
    private boolean collectOrMarkFull(long page) {
        int used = Memory.getInt(page + Page.USED);
        boolean available = Page.collectOrMarkFull(page);
        counts[Memory.getInt(page + Page.SIZE_CLASS)] += used - Memory.getInt(page + Page.USED);
        return available;
    }

    private void sweepAbandoned() {
        int claimed = engine.pool.sweepAbandoned(tag, id, sweepOut);
        for (int i = 0; i < claimed; i++) {
            adopt(sweepOut[i]);
        }
    }

    /** Moves pages that received a remote free while in the full list back to their class queue. */
    private void drainFullFreed() {
        Long posted;
        while ((posted = fullFreed.poll()) != null) {
            long page = posted;
            if (Page.owner(page) == id && (Memory.getInt(page + Page.FLAGS) & Page.IN_FULL_LIST) != 0) {
                unlinkFull(page);
                counts[Memory.getInt(page + Page.SIZE_CLASS)] += Page.collect(page);
                insertSecond(page);
            }
        }
    }

    // ---- free ----------------------------------------------------------------------------------

    /**
     * Frees any block; the common case, a block of one of this heap's own pages, is handled here
     * without leaving the method: the same checks as {@link Engine#free} (the segment map names this
     * allocator, page in use with nothing unusual, not already free), then the owner's plain push.
     * Owner id equal to {@code fastId} also means the tag is this heap's, the heap is usable and
     * debug mode is off.
     */
    @Override
    public void free(long address) {
        long segment = address & ~Segment.MASK;
        if ((address & (SizeClasses.GRANULE - 1)) == 0 && SegmentMap.engineOf(segment) == engine.mapId) {
            long page = Segment.pageMeta(segment, address);
            if (Memory.getInt(page + Page.FLAGS) == Page.IN_USE && Page.owner(page) == fastId
                    && Memory.getLong(address + 8) != (address ^ Page.FREED_MARK)) {
                // flags == IN_USE: the page is not in the full list, so only emptiness needs a look.
                if (Page.pushLocalFree(page, address) == 0) {
                    retire(page);
                }
                return;
            }
        }
        freeOther(address);
    }

    private void freeOther(long address) {
        checkUsable();
        engine.free(address, threadHeaps);
    }

    /** Owner frees a block of its own page: no atomics. */
    void freeLocal(long page, long block) {
        int used = Page.pushLocalFree(page, block);
        if (used == 0 || (Memory.getInt(page + Page.FLAGS) & Page.IN_FULL_LIST) != 0) {
            freeLocalSlow(page, used);
        }
    }

    private void freeLocalSlow(long page, int used) {
        if ((Memory.getInt(page + Page.FLAGS) & Page.IN_FULL_LIST) != 0) {
            unlinkFull(page);
            insertSecond(page);
        }
        if (used == 0) {
            retire(page);
        }
    }

    /** An owned page just became empty: keep it for reuse, returning the oldest retained one. */
    private void retire(long page) {
        int sizeClass = Memory.getInt(page + Page.SIZE_CLASS);
        if (heads[sizeClass] == page && Memory.getLong(page + Page.NEXT) == 0) {
            return;
        }
        long bytes = pageBytes(page);
        while (retainedCount > 0 && (retainedCount == RETAINED_PAGES || retainedBytes + bytes > RETAINED_BYTES)) {
            long evicted = retained[retainedOldest];
            retained[retainedOldest] = 0;
            retainedOldest = (retainedOldest + 1) % RETAINED_PAGES;
            retainedCount--;
            retainedBytes -= pageBytes(evicted);
            if (evicted != page) {
                releaseIfEmpty(evicted);
            }
        }
        retained[(retainedOldest + retainedCount) % RETAINED_PAGES] = page;
        retainedCount++;
        retainedBytes += bytes;
    }

    private static long pageBytes(long page) {
        return SegmentPool.pageBytes(Segment.kind(Segment.of(page)));
    }

    private void releaseIfEmpty(long page) {
        if (Page.owner(page) != id || !Page.inUse(page)
                || Memory.getInt(page + Page.USED) != 0
                || (Memory.getInt(page + Page.FLAGS) & Page.IN_FULL_LIST) != 0) {
            return;
        }
        unlink(page);
        engine.pool.releasePage(page);
    }

    /** Returns every retained empty page to the pool (collect). */
    void releaseRetained() {
        for (int i = 0; i < RETAINED_PAGES; i++) {
            long page = retained[i];
            retained[i] = 0;
            if (page != 0) {
                releaseIfEmpty(page);
            }
        }
        retainedOldest = 0;
        retainedCount = 0;
        retainedBytes = 0;
    }

    // ---- abandon -------------------------------------------------------------------------------

    /** Gives every page away: empty ones to the pool, the others to the abandoned pool. */
    void abandon() {
        abandoned = true;
        fastId = -1;
        fullFreed.clear();
        Arrays.fill(retained, 0);
        retainedOldest = 0;
        retainedCount = 0;
        retainedBytes = 0;
        for (int c = 0; c < SizeClasses.COUNT; c++) {
            long page = heads[c];
            while (page != 0) {
                long next = Memory.getLong(page + Page.NEXT);
                abandonPage(page);
                page = next;
            }
            heads[c] = 0;
        }
        long page = fullHead;
        while (page != 0) {
            long next = Memory.getLong(page + Page.NEXT);
            abandonPage(page);
            page = next;
        }
        fullHead = 0;
        Arrays.fill(direct, Engine.EMPTY_PAGE);
    }

    private void abandonPage(long page) {
        Memory.putLong(page + Page.NEXT, 0);
        Memory.putLong(page + Page.PREV, 0);
        Memory.putInt(page + Page.FLAGS, Memory.getInt(page + Page.FLAGS) & ~Page.IN_FULL_LIST);
        counts[Memory.getInt(page + Page.SIZE_CLASS)] += Page.collectAll(page);
        if (Memory.getInt(page + Page.USED) == 0) {
            engine.pool.releasePage(page);
        } else {
            engine.pool.abandon(page);
        }
    }

    static void checkSize(long size) {
        if (size < 0 || size > SizeClasses.MAX_REQUEST) {
            throw new IllegalArgumentException("allocation size " + size + " outside [0, " + SizeClasses.MAX_REQUEST + "]");
        }
    }

    private void checkUsable() {
        if (abandoned) {
            throw new IllegalStateException("heap " + id + " (tag " + tag + ") of thread " + threadHeaps.thread.getName()
                    + " was released (thread exit or releaseCurrentThread); get a new heap from the allocator");
        }
    }

    // ---- queues ---------------------------------------------------------------------------------

    private void pushFront(long page) {
        int sizeClass = Memory.getInt(page + Page.SIZE_CLASS);
        long head = heads[sizeClass];
        Memory.putLong(page + Page.PREV, 0);
        Memory.putLong(page + Page.NEXT, head);
        if (head != 0) {
            Memory.putLong(head + Page.PREV, page);
        }
        setHead(sizeClass, page);
    }

    /** Inserts after the head (or as head if the queue is empty), leaving the current page in front. */
    private void insertSecond(long page) {
        int sizeClass = Memory.getInt(page + Page.SIZE_CLASS);
        long head = heads[sizeClass];
        if (head == 0) {
            pushFront(page);
            return;
        }
        long next = Memory.getLong(head + Page.NEXT);
        Memory.putLong(page + Page.PREV, head);
        Memory.putLong(page + Page.NEXT, next);
        if (next != 0) {
            Memory.putLong(next + Page.PREV, page);
        }
        Memory.putLong(head + Page.NEXT, page);
    }

    private void unlink(long page) {
        int sizeClass = Memory.getInt(page + Page.SIZE_CLASS);
        long prev = Memory.getLong(page + Page.PREV);
        long next = Memory.getLong(page + Page.NEXT);
        if (prev != 0) {
            Memory.putLong(prev + Page.NEXT, next);
        } else if (heads[sizeClass] == page) {
            setHead(sizeClass, next);
        }
        if (next != 0) {
            Memory.putLong(next + Page.PREV, prev);
        }
        Memory.putLong(page + Page.NEXT, 0);
        Memory.putLong(page + Page.PREV, 0);
    }

    private void linkFull(long page) {
        Memory.putInt(page + Page.FLAGS, Memory.getInt(page + Page.FLAGS) | Page.IN_FULL_LIST);
        Memory.putLong(page + Page.PREV, 0);
        Memory.putLong(page + Page.NEXT, fullHead);
        if (fullHead != 0) {
            Memory.putLong(fullHead + Page.PREV, page);
        }
        fullHead = page;
    }

    private void unlinkFull(long page) {
        Memory.putInt(page + Page.FLAGS, Memory.getInt(page + Page.FLAGS) & ~Page.IN_FULL_LIST);
        long prev = Memory.getLong(page + Page.PREV);
        long next = Memory.getLong(page + Page.NEXT);
        if (prev != 0) {
            Memory.putLong(prev + Page.NEXT, next);
        } else {
            fullHead = next;
        }
        if (next != 0) {
            Memory.putLong(next + Page.PREV, prev);
        }
        Memory.putLong(page + Page.NEXT, 0);
        Memory.putLong(page + Page.PREV, 0);
    }

    private void setHead(int sizeClass, long page) {
        heads[sizeClass] = page;
        long target = page == 0 ? Engine.EMPTY_PAGE : page;
        for (int g = SizeClasses.directLow(sizeClass), hi = SizeClasses.directHigh(sizeClass); g <= hi; g++) {
            direct[g] = target;
        }
    }

    /** Pages this heap owns (queues and full list), for validation. */
    int ownedPages() {
        int count = 0;
        for (long head : heads) {
            for (long page = head; page != 0; page = Memory.getLong(page + Page.NEXT)) {
                count++;
            }
        }
        for (long page = fullHead; page != 0; page = Memory.getLong(page + Page.NEXT)) {
            count++;
        }
        return count;
    }
}
