package io.github.ftmem.allocator.internal;

import io.github.ftmem.allocator.AllocatorStatistics;
import io.github.ftmem.allocator.BlockVisitor;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.World;
import io.github.ftmem.qsbr.Qsbr;
import io.github.ftmem.qsbr.Reclaimer;
import java.lang.foreign.Arena;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The allocator proper: thread heaps, the free path, huge blocks, and the whole-allocator operations
 * (statistics, visit, validate, collect). {@code io.github.ftmem.allocator.Allocator} is its public face.
 *
 * <h2>Implementation notes</h2>
 * <b>Free.</b> {@code free(p)} masks {@code p} to its segment, checks that the process-wide
 * {@link SegmentMap} names this allocator there (so a foreign pointer is an error, not a crash),
 * finds the page, recognises a double free by the block's free mark, then compares the page's owner with
 * the calling thread's heap for the page's tag: equal means {@link Heap#freeLocal} (plain stores),
 * different means one CAS push onto the page's {@code threadFree}. Reading the owner opaque is
 * enough: only the owner itself stores its own id into a page's owner field or removes it, so a thread
 * that reads its own id is the owner, and any other value sends it down the always-safe remote path.
 *
 * <p><b>Threads.</b> {@code threads} lists every thread's {@link ThreadHeaps}, guarded by itself,
 * which also guards {@code retired} (counters of released heaps), the heap-id bitmap and the
 * {@code heapsById} table (copy-on-grow; read lock-free by remote frees that post a page to its
 * owner).
 *
 * <p><b>Delayed frees.</b> {@link #freeDelayed} validates the block, counts it in the caller's heap
 * ({@code delayedBlocks/Bytes}, plain, like {@code counts}) and queues it with QSBR; the block stays
 * allocated until {@link #reclaimDelayed} (run by QSBR after the grace period, on whichever thread
 * processes the queue) uncounts it and frees it normally. Pages of QSBR tags wait for a goal in the
 * {@link SegmentPool} before they can change size class or be decommitted.
 */
public final class Engine {

    /** Metadata of a page with nothing to hand out, shared by every heap's empty direct-table slots. */
    static final long EMPTY_PAGE = Arena.global().allocate(Page.META_SIZE, 64).address();

    private static final VarHandle LONG_ELEMENT = MethodHandles.arrayElementVarHandle(long[].class);

    private static final AtomicInteger MAP_IDS = new AtomicInteger();

    final long cookie = new SecureRandom().nextLong() & ~0xFL;
    /** This allocator's entry value in the {@link SegmentMap}; never 0. */
    final int mapId = MAP_IDS.incrementAndGet();
    final int tags;
    final long purgeDelayNanos;
    final SegmentPool pool;
    final AtomicLong committed = new AtomicLong();
    /** Fresh pages handed out, allocator-wide: paces the search for dead threads. */
    final AtomicLong freshPages = new AtomicLong();
    final ThreadLocal<ThreadHeaps> local = new ThreadLocal<>();
    final DebugChecks debugChecks;
    /** Bit t set: tag t's emptied pages wait for a QSBR goal before reuse by another class or purge. */
    final long qsbrTags;
    private final Reclaimer reclaimer = this::reclaimDelayed;

    private final List<ThreadHeaps> threads = new ArrayList<>();
    private final long[][] retired;
    private final long[] retiredHugeBytes;
    /** Per tag: delayed blocks and bytes of released heaps. */
    private final long[][] retiredDelayed;
    private final BitSet heapIds = new BitSet();
    private volatile AtomicReferenceArray<Heap> heapsById = new AtomicReferenceArray<>(64);

    public Engine(int tags, long purgeDelayNanos, boolean debug) {
        this(tags, purgeDelayNanos, debug, 0);
    }

    public Engine(int tags, long purgeDelayNanos, boolean debug, long qsbrTags) {
        this.tags = tags;
        this.qsbrTags = qsbrTags;
        this.retiredDelayed = new long[tags][2];
        this.purgeDelayNanos = purgeDelayNanos;
        this.pool = new SegmentPool(this, tags);
        this.debugChecks = debug ? new DebugChecks(this) : null;
        this.retired = new long[tags][SizeClasses.COUNT + 1];
        this.retiredHugeBytes = new long[tags];
    }

    public int tags() {
        return tags;
    }

    public boolean debug() {
        return debugChecks != null;
    }

    // ---- thread heaps ----------------------------------------------------------------------------

    /** The calling thread's heap for {@code tag}, created on first use. */
    public Heap heap(int tag) {
        ThreadHeaps heaps = local.get();
        if (heaps != null && tag >= 0 && tag < tags) {
            Heap heap = heaps.heaps[tag];
            if (heap != null) {
                return heap;
            }
        }
        return heapSlow(tag);
    }

    private Heap heapSlow(int tag) {
        checkTag(tag);
        return threadHeaps().heap(tag);
    }

    public void checkTag(int tag) {
        if (tag < 0 || tag >= tags) {
            throw new IllegalArgumentException("tag " + tag + " out of range [0, " + tags + ")");
        }
    }

    ThreadHeaps threadHeaps() {
        ThreadHeaps heaps = local.get();
        if (heaps == null) {
            // A thread arriving is a good moment to notice threads that left: thread pools replace
            // their threads, and a dead thread's pages hold memory until its heaps are abandoned.
            reapDeadThreads();
            heaps = new ThreadHeaps(this, Thread.currentThread(), tags);
            synchronized (threads) {
                threads.add(heaps);
            }
            local.set(heaps);
            ThreadBinding.bind(heaps);
        }
        return heaps;
    }

    Heap createHeap(ThreadHeaps heaps, int tag) {
        Heap heap;
        synchronized (threads) {
            int id = heapIds.nextClearBit(1);
            heapIds.set(id);
            AtomicReferenceArray<Heap> table = heapsById;
            if (id >= table.length()) {
                AtomicReferenceArray<Heap> grown = new AtomicReferenceArray<>(table.length() * 2);
                for (int i = 0; i < table.length(); i++) {
                    grown.set(i, table.get(i));
                }
                heapsById = grown;
                table = grown;
            }
            heap = new Heap(this, heaps, id, tag);
            table.setRelease(id, heap);
        }
        heaps.heaps[tag] = heap;
        return heap;
    }

    /**
     * Abandons every heap of a thread that is the caller or is dead; idempotent. Counters move to
     * {@code retired}, so statistics stay exact.
     */
    void releaseThread(ThreadHeaps heaps) {
        synchronized (heaps) {
            if (heaps.released) {
                return;
            }
            heaps.released = true;
        }
        for (Heap heap : heaps.heaps) {
            if (heap != null) {
                heap.abandon();
            }
        }
        synchronized (threads) {
            for (Heap heap : heaps.heaps) {
                if (heap == null) {
                    continue;
                }
                for (int c = 0; c <= SizeClasses.COUNT; c++) {
                    retired[heap.tag][c] += heap.counts[c];
                }
                retiredHugeBytes[heap.tag] += heap.liveHugeBytes;
                retiredDelayed[heap.tag][0] += heap.delayedBlocks;
                retiredDelayed[heap.tag][1] += heap.delayedBytes;
                heapsById.setRelease(heap.id, null);
                heapIds.clear(heap.id);
            }
            threads.remove(heaps);
        }
    }

    /** Releases the calling thread's heaps now; later calls on this thread get new heaps. */
    public void releaseCurrentThread() {
        ThreadHeaps heaps = local.get();
        if (heaps != null) {
            releaseThread(heaps);
            local.remove();
            ThreadBinding.unbind(heaps);
        }
    }

    /** Abandons the heaps of threads that died without the runtime telling us. */
    public void reapDeadThreads() {
        List<ThreadHeaps> dead = new ArrayList<>();
        synchronized (threads) {
            for (ThreadHeaps heaps : threads) {
                if (!heaps.thread.isAlive()) {
                    dead.add(heaps);
                }
            }
        }
        for (ThreadHeaps heaps : dead) {
            releaseThread(heaps);
        }
    }

    // ---- free ----------------------------------------------------------------------------------

    /** Frees from the calling thread; {@code heaps} is the caller's ThreadHeaps if known, else null. */
    public void free(long address, ThreadHeaps heaps) {
        if (debugChecks != null) {
            debugChecks.free(address, heaps);
        } else {
            freeChecked(address, heaps);
        }
    }

    /** The release-mode free: cheap checks, then the local or remote path. */
    void freeChecked(long address, ThreadHeaps heaps) {
        long segment = address & ~Segment.MASK;
        if ((address & (SizeClasses.GRANULE - 1)) != 0 || SegmentMap.engineOf(segment) != mapId) {
            throw notOurs("free", address);
        }
        // A huge segment's page shift is the segment size, so its address maps to page 0, whose
        // flags are never IN_USE: huge blocks, aligned blocks and bad addresses all leave the fast path.
        long page = Segment.pageMeta(segment, address);
        if ((Memory.getInt(page + Page.FLAGS) & ~Page.IN_FULL_LIST) != Page.IN_USE) {
            freeUnusual(address, segment, page, heaps);
            return;
        }
        freeBlock(page, address, heaps);
    }

    private void freeBlock(long page, long block, ThreadHeaps heaps) {
        if (Memory.getLong(block + 8) == (block ^ Page.FREED_MARK)) {
            throw doubleFree(page, block);
        }
        if (heaps == null) {
            heaps = threadHeaps();
        }
        int tag = Memory.getInt(page + Page.TAG);
        Heap mine = heaps.heaps[tag];
        if (mine == null) {
            mine = heaps.heap(tag);
        }
        int sizeClass = Memory.getInt(page + Page.SIZE_CLASS);
        if (Page.owner(page) == mine.id) {
            mine.freeLocal(page, block);
        } else {
            freeRemote(page, block, sizeClass, mine);
        }
    }

    private void freeUnusual(long address, long segment, long page, ThreadHeaps heaps) {
        if (Segment.kind(segment) == Segment.HUGE) {
            freeHuge(segment, address, heaps);
        } else if (!Page.inUse(page)) {
            throw new IllegalArgumentException("free(0x" + Long.toHexString(address)
                    + "): the address lies in a page of this allocator that holds no blocks (freed long ago, or never allocated)");
        } else {
            freeBlock(page, blockStart(page, address), heaps);
        }
    }

    private static IllegalArgumentException doubleFree(long page, long address) {
        int sizeClass = Page.sizeClass(page);
        return new IllegalArgumentException("free(0x" + Long.toHexString(address) + "): double free: the block (size class "
                + sizeClass + ", " + SizeClasses.blockSize(sizeClass) + " B) is already free");
    }

    private void freeRemote(long page, long block, int sizeClass, Heap mine) {
        if (Page.freeRemote(page, block)) {
            notifyOwner(page);
        }
        mine.counts[sizeClass]--;
    }

    /** The page was in its owner's full list: post it so the owner takes it back into use. */
    private void notifyOwner(long page) {
        int owner = Page.owner(page);
        if (owner == 0) {
            return;
        }
        AtomicReferenceArray<Heap> table = heapsById;
        Heap heap = owner < table.length() ? table.getAcquire(owner) : null;
        if (heap != null) {
            heap.fullFreed.add(page);
        }
    }

    private void freeHuge(long segment, long address, ThreadHeaps heaps) {
        if (address != Segment.hugeBlock(segment)) {
            throw new IllegalArgumentException("free(0x" + Long.toHexString(address) + "): not the start of the huge block 0x"
                    + Long.toHexString(Segment.hugeBlock(segment)) + " that contains it");
        }
        if (!Memory.compareAndSetInt(segment + Segment.HUGE_STATE, Segment.HUGE_LIVE, Segment.HUGE_FREE)) {
            throw new IllegalArgumentException("free(0x" + Long.toHexString(address) + "): double free of a huge block");
        }
        if (heaps == null) {
            heaps = threadHeaps();
        }
        Heap mine = heaps.heap(Segment.hugeTag(segment));
        mine.counts[SizeClasses.HUGE]--;
        mine.liveHugeBytes -= Segment.hugeSize(segment);
        pool.releaseHuge(segment);
    }

    long allocateHuge(Heap heap, long size, long alignment) {
        if (alignment > Segment.SIZE / 2) {
            throw new IllegalArgumentException("alignment " + alignment + " exceeds the maximum " + Segment.SIZE / 2);
        }
        long segment = pool.reserveHuge(size, alignment, heap.tag);
        heap.counts[SizeClasses.HUGE]++;
        heap.liveHugeBytes += Segment.hugeSize(segment);
        return Segment.hugeBlock(segment);
    }

    /** Aligned allocation in {@code heap} (the caller's), with debug checks if enabled. */
    public long allocateAligned(Heap heap, long size, long alignment) {
        if (debugChecks != null) {
            return debugChecks.allocate(heap, size, alignment, false);
        }
        return heap.allocateAlignedRaw(size, alignment);
    }

    private static long blockStart(long page, long address) {
        long start = Page.start(page);
        long blockSize = Page.blockSize(page);
        return start + (address - start) / blockSize * blockSize;
    }

    IllegalArgumentException notOurs(String operation, long address) {
        String why = (address & (SizeClasses.GRANULE - 1)) != 0 ? "it is not 16-byte aligned, so it is no block start"
                : "no segment of this allocator contains it";
        return new IllegalArgumentException(operation + "(0x" + Long.toHexString(address)
                + "): not an address returned by this allocator (" + why + ")");
    }

    // ---- delayed free ---------------------------------------------------------------------------

    boolean usesQsbr(int tag) {
        return (qsbrTags >>> tag & 1) != 0;
    }

    /** Validates a live block, counts it as delayed and hands it to QSBR. */
    public void freeDelayed(long address) {
        long segment = checkedSegment("freeDelayed", address);
        if (Segment.kind(segment) != Segment.HUGE && Memory.getLong(address + 8) == (address ^ Page.FREED_MARK)) {
            throw doubleFree(Segment.pageMeta(segment, address), address);
        }
        int tag = delayedTag(segment, address);
        long bytes = delayedBytes(segment, address);
        if (debugChecks != null) {
            debugChecks.delay(address);
        }
        Heap mine = heap(tag);
        mine.delayedBlocks++;
        mine.delayedBytes += bytes;
        try {
            Qsbr.freeDelayed(address, reclaimer);
        } catch (RuntimeException | Error e) {
            mine.delayedBlocks--;
            mine.delayedBytes -= bytes;
            if (debugChecks != null) {
                debugChecks.undelay(address);
            }
            throw e;
        }
    }

    /** QSBR's reclaimer: the grace period of a delayed block is over. */
    void reclaimDelayed(long address) {
        long segment = Segment.of(address);
        Heap mine = heap(delayedTag(segment, address));
        mine.delayedBlocks--;
        mine.delayedBytes -= delayedBytes(segment, address);
        if (debugChecks != null) {
            debugChecks.undelay(address);
        }
        free(address, mine.threadHeaps);
    }

    private static int delayedTag(long segment, long address) {
        return Segment.kind(segment) == Segment.HUGE ? Segment.hugeTag(segment) : Page.tag(Segment.pageMeta(segment, address));
    }

    private static long delayedBytes(long segment, long address) {
        return Segment.kind(segment) == Segment.HUGE ? Segment.hugeSize(segment) : Page.blockSize(Segment.pageMeta(segment, address));
    }

    // ---- lookups -------------------------------------------------------------------------------

    /** Usable bytes from {@code address} to the end of its block; validates the address. */
    public long usableSize(long address) {
        if (debugChecks != null) {
            return debugChecks.usableSize(address);
        }
        return blockUsableSize(address);
    }

    long blockUsableSize(long address) {
        long segment = checkedSegment("usableSize", address);
        if (Segment.kind(segment) == Segment.HUGE) {
            return Segment.hugeBlock(segment) + Segment.hugeSize(segment) - address;
        }
        long page = Segment.pageMeta(segment, address);
        long start = blockStart(page, address);
        return start + Page.blockSize(page) - address;
    }

    /** The tag of the block at {@code address}; validates the address. */
    public int tagOf(long address) {
        long segment = checkedSegment("tagOf", address);
        if (Segment.kind(segment) == Segment.HUGE) {
            return Segment.hugeTag(segment);
        }
        return Page.tag(Segment.pageMeta(segment, address));
    }

    /** A description of the block at {@code address} for messages: size class and size. */
    String describeClass(long address) {
        long segment = Segment.of(address);
        if (Segment.kind(segment) == Segment.HUGE) {
            return "huge block, " + Segment.hugeSize(segment) + " B";
        }
        long page = Segment.pageMeta(segment, address);
        return "size class " + Page.sizeClass(page) + " = " + Page.blockSize(page) + " B";
    }

    long checkedSegment(String operation, long address) {
        long segment = address & ~Segment.MASK;
        if ((address & (SizeClasses.GRANULE - 1)) != 0 || SegmentMap.engineOf(segment) != mapId) {
            throw notOurs(operation, address);
        }
        if (Segment.kind(segment) == Segment.HUGE) {
            if (!Segment.hugeLive(segment) || address < Segment.hugeBlock(segment)) {
                throw new IllegalArgumentException(operation + "(0x" + Long.toHexString(address) + "): not a live block");
            }
        } else {
            long page = Segment.pageMeta(segment, address);
            if (!Page.inUse(page)) {
                throw new IllegalArgumentException(operation + "(0x" + Long.toHexString(address) + "): not a live block");
            }
        }
        return segment;
    }

    // ---- collect -------------------------------------------------------------------------------

    /**
     * Returns what can be returned: the caller's retained empty pages, dead threads' heaps, abandoned
     * pages that emptied; then purges free pages whose delay expired (all of them if forced).
     */
    public void collect(boolean force) {
        ThreadHeaps heaps = local.get();
        if (heaps != null) {
            for (Heap heap : heaps.heaps) {
                if (heap != null) {
                    heap.releaseRetained();
                }
            }
        }
        reapDeadThreads();
        pool.releaseEmptyAbandoned();
        pool.purge(force);
    }

    // ---- statistics ----------------------------------------------------------------------------

    /** Statistics of one tag, or of all tags if {@code tag} is -1. */
    public AllocatorStatistics statistics(int tag) {
        if (tag != -1) {
            checkTag(tag);
        }
        long[] live = new long[SizeClasses.COUNT + 1];
        long hugeBytes = 0;
        long delayedBlocks = 0;
        long delayedBytes = 0;
        pool.addPageCounts(tag, live);
        synchronized (threads) {
            for (int t = 0; t < tags; t++) {
                if (tag == -1 || t == tag) {
                    for (int c = 0; c <= SizeClasses.COUNT; c++) {
                        live[c] += retired[t][c];
                    }
                    hugeBytes += retiredHugeBytes[t];
                    delayedBlocks += retiredDelayed[t][0];
                    delayedBytes += retiredDelayed[t][1];
                }
            }
            for (ThreadHeaps heaps : threads) {
                for (Heap heap : heaps.heaps) {
                    if (heap == null || (tag != -1 && heap.tag != tag)) {
                        continue;
                    }
                    synchronized (heaps) {
                        if (heaps.released) {
                            continue;
                        }
                    }
                    for (int c = 0; c <= SizeClasses.COUNT; c++) {
                        live[c] += (long) LONG_ELEMENT.getOpaque(heap.counts, c);
                    }
                    hugeBytes += heap.liveHugeBytes;
                    delayedBlocks += heap.delayedBlocks;
                    delayedBytes += heap.delayedBytes;
                }
            }
        }
        List<AllocatorStatistics.SizeClass> classes = new ArrayList<>();
        long blocks = 0;
        long bytes = 0;
        for (int c = 0; c < SizeClasses.COUNT; c++) {
            if (live[c] != 0) {
                long classBytes = live[c] * SizeClasses.blockSize(c);
                classes.add(new AllocatorStatistics.SizeClass(c, SizeClasses.blockSize(c), live[c], classBytes));
                blocks += live[c];
                bytes += classBytes;
            }
        }
        if (live[SizeClasses.HUGE] != 0) {
            classes.add(new AllocatorStatistics.SizeClass(SizeClasses.HUGE, 0, live[SizeClasses.HUGE], hugeBytes));
            blocks += live[SizeClasses.HUGE];
            bytes += hugeBytes;
        }
        return new AllocatorStatistics(blocks, bytes, committed.get(), pool.reservedBytes(), pool.abandonedPages(),
                pool.abandonedTotal(), pool.reclaimedTotal(), List.copyOf(classes), delayedBlocks, delayedBytes,
                pool.awaitingGoal());
    }

    // ---- visit ---------------------------------------------------------------------------------

    /**
     * Calls {@code visitor} for every live block of {@code tag} in every heap, abandoned pages
     * included. The world must be stopped.
     */
    public void visit(int tag, BlockVisitor visitor) {
        assert World.isStopped() : "visit needs the world stopped";
        if (!World.isStopped()) {
            throw new IllegalStateException("visit(" + tag + ") needs the world stopped (World.stop()): other threads would "
                    + "change the pages while they are walked");
        }
        checkTag(tag);
        checkQuiescent(tag);
        long[] bits = new long[(int) (SegmentPool.pageBytes(Segment.MEDIUM) / SizeClasses.GRANULE / 64)];
        for (long segment : pool.segments()) {
            if (Segment.kind(segment) == Segment.HUGE) {
                if (Segment.hugeLive(segment) && Segment.hugeTag(segment) == tag) {
                    visitor.visit(Segment.hugeBlock(segment), Segment.hugeSize(segment));
                }
                continue;
            }
            for (int i = 1, n = Segment.pageCount(segment); i < n; i++) {
                long page = Segment.pageMetaAt(segment, i);
                if (Page.inUse(page) && Page.tag(page) == tag) {
                    visitPage(page, bits, visitor);
                }
            }
        }
    }

    // The world is stopped: no other runtime thread runs, so plain reads of owner fields are safe.
    private static void visitPage(long page, long[] bits, BlockVisitor visitor) {
        int capacity = Page.capacity(page);
        long blockSize = Page.blockSize(page);
        long start = Page.start(page);
        long free = Page.free(page);
        long localFree = Page.localFree(page);
        long threadFree = Page.threadFree(page) & ~Page.FLAG_MASK;
        if (free == 0 && localFree == 0 && threadFree == 0) {
            for (int i = 0; i < capacity; i++) {
                visitor.visit(start + i * blockSize, blockSize);
            }
            return;
        }
        int words = (capacity + 63) >>> 6;
        java.util.Arrays.fill(bits, 0, words, 0L);
        Page.markList(page, free, bits, "free");
        Page.markList(page, localFree, bits, "localFree");
        Page.markList(page, threadFree, bits, "threadFree");
        for (int w = 0; w < words; w++) {
            long liveBits = ~bits[w];
            if (w == words - 1 && (capacity & 63) != 0) {
                liveBits &= (1L << (capacity & 63)) - 1;
            }
            while (liveBits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(liveBits);
                liveBits &= liveBits - 1;
                visitor.visit(start + i * blockSize, blockSize);
            }
        }
    }

    /** Dead threads' heaps are abandoned; a live thread that could not be stopped is an error. */
    private void checkQuiescent(int tag) {
        reapDeadThreads();
        synchronized (threads) {
            for (ThreadHeaps heaps : threads) {
                if (heaps.thread == Thread.currentThread() || heaps.heaps[tag] == null) {
                    continue;
                }
                var runtime = heaps.runtime;
                if (runtime == null || runtime.hasExited()) {
                    throw new IllegalStateException("visit(" + tag + "): thread " + heaps.thread.getName()
                            + " owns a heap of this tag but is not a registered runtime thread, so stopping the world "
                            + "does not stop it; register threads that allocate in visited tags "
                            + "(RuntimeThreads.register), or release its heaps first (Allocator.releaseCurrentThread)");
                }
            }
        }
    }

    // ---- validate ------------------------------------------------------------------------------

    /**
     * Checks every invariant of every page and that the live counters agree with the pages. Needs a
     * quiescent allocator (world stopped, or no other thread using it).
     *
     * @throws IllegalStateException naming the first broken invariant
     */
    public void validate() {
        long[][] livePerTag = new long[tags][SizeClasses.COUNT + 1];
        for (long segment : pool.segments()) {
            if (Memory.getLong(segment + Segment.COOKIE) != (cookie ^ segment)) {
                throw new IllegalStateException("segment 0x" + Long.toHexString(segment) + ": cookie overwritten");
            }
            if (Segment.kind(segment) == Segment.HUGE) {
                if (Segment.hugeLive(segment)) {
                    livePerTag[Segment.hugeTag(segment)][SizeClasses.HUGE]++;
                }
                continue;
            }
            long freeMask = Memory.getLong(segment + Segment.FREE_MASK);
            for (int i = 1, n = Segment.pageCount(segment); i < n; i++) {
                long page = Segment.pageMetaAt(segment, i);
                boolean inUse = Page.inUse(page);
                if (inUse == ((freeMask & (1L << i)) != 0)) {
                    throw new IllegalStateException("page 0x" + Long.toHexString(page) + ": in-use flag " + inUse
                            + " disagrees with the segment's free mask");
                }
                if (inUse) {
                    livePerTag[Page.tag(page)][Page.sizeClass(page)] += validatePage(page);
                }
            }
        }
        for (int t = 0; t < tags; t++) {
            AllocatorStatistics stats = statistics(t);
            long[] counted = new long[SizeClasses.COUNT + 1];
            for (AllocatorStatistics.SizeClass sc : stats.sizeClasses()) {
                counted[sc.sizeClass()] = sc.liveBlocks();
            }
            for (int c = 0; c <= SizeClasses.COUNT; c++) {
                if (counted[c] != livePerTag[t][c]) {
                    throw new IllegalStateException("tag " + t + ", size class " + c + ": the pages hold " + livePerTag[t][c]
                            + " live blocks but the counters say " + counted[c]);
                }
            }
        }
    }

    /** Checks one in-use page; returns its live blocks. */
    private int validatePage(long page) {
        String where = "page 0x" + Long.toHexString(page) + " (tag " + Page.tag(page) + ", size class " + Page.sizeClass(page) + ")";
        if (Page.blockSize(page) != SizeClasses.blockSize(Page.sizeClass(page))) {
            throw new IllegalStateException(where + ": block size " + Page.blockSize(page) + " does not match its class");
        }
        int live = Page.checkInvariants(page);
        int owner = Page.owner(page);
        if (owner == 0) {
            if (!pool.isAbandoned(page) && !pool.isAwaitingGoal(page)) {
                throw new IllegalStateException(where + ": no owner but neither abandoned nor awaiting a QSBR goal");
            }
        } else if (owner >= heapsById.length() || heapsById.get(owner) == null) {
            throw new IllegalStateException(where + ": owner heap " + owner + " does not exist");
        }
        return live;
    }
}
