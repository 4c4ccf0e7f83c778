package io.github.ftmem.allocator.internal;

import io.github.ftmem.core.Memory;
import io.github.ftmem.core.OsMemory;
import io.github.ftmem.qsbr.Qsbr;
import org.agrona.collections.LongArrayQueue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The allocator's supply of pages: segments reserved from the OS, free pages, abandoned pages, and the
 * purge of free pages back to the OS.
 *
 * <h2>Implementation notes</h2>
 * Every method is {@code synchronized}: the pool is touched only on slow paths (a heap needs a fresh
 * page, an empty page goes back, a thread exits), at most once per page's worth of allocations.
 * The lock guards the segment-header fields {@code freeMask} and {@code committedMask}, the page
 * flag IN_USE, the page fields {@code freedAt} and (for free pages) {@code extent}, and every field of an abandoned
 * page other than {@code threadFree}: while a page is abandoned (state IN_USE, owner 0) the lock
 * holder acts as its owner.
 *
 * <p>Free pages are handed out committed ones first (their memory is still backed, so no page fault);
 * a free page is decommitted {@code purgeDelay} after its release ({@code madvise(DONTNEED)}), which is
 * how memory returns to the OS. Purging is driven by pool calls and by {@code collect}; an idle
 * allocator purges at its next call.
 *
 * <p>Small and medium segments are never unmapped, only decommitted page by page: a thread that has
 * just pushed a block onto a page's {@code threadFree} still reads that page's owner to notify it,
 * and by then the owner may have collected the block and emptied the page, so the page's metadata
 * must stay readable for as long as the allocator lives. The cost is address space (not memory) up
 * to the peak footprint. Huge segments are unmapped when their block is freed: nothing reads them
 * afterwards.
 *
 * <p><b>QSBR tags.</b> A page of a tag the engine marks {@code qsbrTags} that empties does not become
 * free at once: lock-free readers may still try-incref objects that were in it, which is harmless only
 * while the memory keeps the same block layout. It waits in {@code awaiting} (state IN_USE, owner 0,
 * every block on its free lists, in no heap) with the goal of an advance taken under the lock, so
 * goals are non-decreasing along the queue; it is released (may change class, be decommitted) once
 * {@code Qsbr.poll(goal)} says every attached thread has passed it, checked on every pool call. Huge
 * blocks of such tags wait the same way before they are unmapped.
 */
final class SegmentPool {

    private final Engine engine;
    private final LinkedHashSet<Long> segments = new LinkedHashSet<>();
    private final LinkedHashSet<Long> smallWithFreePages = new LinkedHashSet<>();
    private final LinkedHashSet<Long> mediumWithFreePages = new LinkedHashSet<>();
    /**
     * Pages with committed memory in release order, and their release times (two queues in step, no
     * boxed pair per page; Agrona's queues are not thread-safe: this pool's monitor guards them).
     */
    private final LongArrayQueue purgePages = new LongArrayQueue(64, 0);
    private final LongArrayQueue purgeTimes = new LongArrayQueue(64, 0);
    /** Abandoned pages by {@code tag × SizeClasses.COUNT + sizeClass}. */
    private final List<ArrayDeque<Long>> abandoned = new ArrayList<>();
    private final int[] sweepCursor;
    private long abandonedNow;
    private long abandonedTotal;
    private long reclaimedTotal;
    /** QSBR-tag pages and huge segments waiting for their goal: {address, goal}, goals non-decreasing. */
    private final ArrayDeque<long[]> awaiting = new ArrayDeque<>();
    /**
     * Per tag and size class: blocks this pool (acting as owner of abandoned pages) collected from
     * {@code threadFree} lists; the pool's share of the statistics balance (see {@link Heap#counts}).
     */
    private final long[][] collected;

    SegmentPool(Engine engine, int tags) {
        this.engine = engine;
        for (int i = 0; i < tags * SizeClasses.COUNT; i++) {
            abandoned.add(new ArrayDeque<>());
        }
        sweepCursor = new int[tags];
        collected = new long[tags][SizeClasses.COUNT];
    }

    private LinkedHashSet<Long> withFreePages(int kind) {
        return kind == Segment.SMALL ? smallWithFreePages : mediumWithFreePages;
    }

    private ArrayDeque<Long> abandoned(int tag, int sizeClass) {
        return abandoned.get(tag * SizeClasses.COUNT + sizeClass);
    }

    // ---- pages ---------------------------------------------------------------------------------

    /** A free page of a SMALL or MEDIUM segment, now IN_USE; its data size is {@link #pageBytes}. */
    synchronized long acquirePage(int kind) {
        releaseAwaited();
        Iterator<Long> candidates = withFreePages(kind).iterator();
        long segment = candidates.hasNext() ? candidates.next() : newSegment(kind);
        long freeMask = Memory.getLong(segment + Segment.FREE_MASK);
        long committedMask = Memory.getLong(segment + Segment.COMMITTED_MASK);
        long pick = (freeMask & committedMask) != 0 ? freeMask & committedMask : freeMask;
        int index = Long.numberOfTrailingZeros(pick);
        freeMask &= ~(1L << index);
        Memory.putLong(segment + Segment.FREE_MASK, freeMask);
        Memory.putLong(segment + Segment.COMMITTED_MASK, committedMask & ~(1L << index));
        if (freeMask == 0) {
            withFreePages(kind).remove(segment);
        }
        long page = Segment.pageMetaAt(segment, index);
        Memory.putInt(page + Page.FLAGS, Page.IN_USE);
        return page;
    }

    static long pageBytes(int kind) {
        return 1L << (kind == Segment.SMALL ? Segment.SMALL_PAGE_SHIFT : Segment.MEDIUM_PAGE_SHIFT);
    }

    /** Takes back an empty page (no live block, no block in threadFree). */
    synchronized void releasePage(long page) {
        releasePageLocked(page);
        purge(false);
    }

    private void releasePageLocked(long page) {
        assert Memory.getInt(page + Page.USED) == 0 : "release of a page with used blocks";
        if (engine.usesQsbr(Memory.getInt(page + Page.TAG))) {
            Page.setOwner(page, 0);
            awaiting.addLast(new long[] {page, Qsbr.advance()});
            return;
        }
        releasePageNow(page);
    }

    private void releasePageNow(long page) {
        long segment = Segment.of(page);
        int index = (int) ((page - segment - Segment.PAGES) / Page.META_SIZE);
        long now = System.nanoTime();
        Page.setOwner(page, 0);
        Memory.putLongVolatile(page + Page.THREAD_FREE, 0);
        Memory.putInt(page + Page.FLAGS, 0);
        Memory.putLong(page + Page.FREED_AT, now);
        long freeMask = Memory.getLong(segment + Segment.FREE_MASK) | (1L << index);
        Memory.putLong(segment + Segment.FREE_MASK, freeMask);
        if (Memory.getInt(page + Page.EXTENT) > 0) {
            Memory.putLong(segment + Segment.COMMITTED_MASK, Memory.getLong(segment + Segment.COMMITTED_MASK) | (1L << index));
            purgePages.offerLong(page);
            purgeTimes.offerLong(now);
        }
        withFreePages(Segment.kind(segment)).add(segment);
    }

    /** The owner gives up a page that still has live blocks. */
    synchronized void abandon(long page) {
        Page.setOwner(page, 0);
        abandoned(Page.tag(page), Page.sizeClass(page)).addLast(page);
        abandonedNow++;
        abandonedTotal++;
    }

    /** An abandoned page of this tag and class, now owned by {@code owner}; 0 if none. */
    synchronized long takeAbandoned(int tag, int sizeClass, int owner) {
        Long page = abandoned(tag, sizeClass).pollFirst();
        if (page == null) {
            return 0;
        }
        return claim(page, owner);
    }

    /**
     * Bounded-rate reclaim: up to {@code out.length} abandoned pages of this tag, any class, in
     * round-robin class order. Pages found empty go straight back to the pool; the others are claimed
     * for {@code owner} and returned in {@code out}. Returns how many were claimed.
     */
    synchronized int sweepAbandoned(int tag, int owner, long[] out) {
        int claimed = 0;
        int visited = 0;
        for (int step = 0; step < SizeClasses.COUNT && visited < out.length; step++) {
            int sizeClass = sweepCursor[tag];
            sweepCursor[tag] = (sizeClass + 1) % SizeClasses.COUNT;
            Long page = abandoned(tag, sizeClass).pollFirst();
            if (page == null) {
                continue;
            }
            visited++;
            abandonedNow--;
            collected[tag][sizeClass] += Page.collectAll(page);
            if (Memory.getInt(page + Page.USED) == 0) {
                releasePageLocked(page);
            } else {
                abandonedNow++;
                out[claimed++] = claim(page, owner);
            }
        }
        return claimed;
    }

    /** Returns every abandoned page that has become empty to the pool (collect). */
    synchronized int releaseEmptyAbandoned() {
        int released = 0;
        for (ArrayDeque<Long> pages : abandoned) {
            for (Iterator<Long> it = pages.iterator(); it.hasNext(); ) {
                long page = it.next();
                collected[Page.tag(page)][Page.sizeClass(page)] += Page.collectAll(page);
                if (Memory.getInt(page + Page.USED) == 0) {
                    it.remove();
                    abandonedNow--;
                    releasePageLocked(page);
                    released++;
                }
            }
        }
        return released;
    }

    private long claim(long page, int owner) {
        abandonedNow--;
        reclaimedTotal++;
        Page.setOwner(page, owner);
        return page;
    }

    synchronized long abandonedPages() {
        return abandonedNow;
    }

    synchronized long abandonedTotal() {
        return abandonedTotal;
    }

    synchronized long reclaimedTotal() {
        return reclaimedTotal;
    }

    /** Releases the awaiting pages and huge segments whose goal has passed, oldest first. */
    private void releaseAwaited() {
        while (!awaiting.isEmpty()) {
            long[] entry = awaiting.peekFirst();
            if (!Qsbr.poll(entry[1])) {
                return;
            }
            awaiting.pollFirst();
            long address = entry[0];
            if (Segment.kind(Segment.of(address)) == Segment.HUGE) {
                unmapHuge(address);
            } else {
                releasePageNow(address);
            }
        }
    }

    /** Pages and huge blocks of QSBR tags waiting for their goal. */
    synchronized long awaitingGoal() {
        releaseAwaited();
        return awaiting.size();
    }

    synchronized boolean isAwaitingGoal(long page) {
        for (long[] entry : awaiting) {
            if (entry[0] == page) {
                return true;
            }
        }
        return false;
    }

    synchronized boolean isAbandoned(long page) {
        return abandoned(Page.tag(page), Page.sizeClass(page)).contains(page);
    }

    // ---- huge blocks ---------------------------------------------------------------------------

    /** A dedicated segment for one block of {@code size} bytes aligned to {@code alignment}. */
    long reserveHuge(long size, long alignment, int tag) {
        long os = OsMemory.get().pageSize();
        long offset = Math.max(os, alignment);
        long total = (offset + size + os - 1) / os * os;
        long segment = OsMemory.get().reserve(total, Segment.SIZE);
        long usable = total - offset;
        Memory.putLong(segment + Segment.COOKIE, engine.cookie ^ segment);
        Memory.putInt(segment + Segment.KIND, Segment.HUGE);
        Memory.putInt(segment + Segment.PAGE_SHIFT, Segment.SHIFT);
        Memory.putInt(segment + Segment.PAGE_COUNT, 1);
        Memory.putLong(segment + Segment.RESERVED_SIZE, total);
        Memory.putLong(segment + Segment.HUGE_BLOCK, segment + offset);
        Memory.putLong(segment + Segment.HUGE_SIZE, usable);
        Memory.putInt(segment + Segment.HUGE_TAG, tag);
        Memory.putLong(segment + Segment.HUGE_EXTENT, os + usable);
        Memory.putIntRelease(segment + Segment.HUGE_STATE, Segment.HUGE_LIVE);
        engine.committed.addAndGet(os + usable);
        synchronized (this) {
            segments.add(segment);
            SegmentMap.add(segment, engine.mapId);
        }
        return segment;
    }

    void releaseHuge(long segment) {
        if (engine.usesQsbr(Segment.hugeTag(segment))) {
            synchronized (this) {
                awaiting.addLast(new long[] {segment, Qsbr.advance()});
                releaseAwaited();
            }
            return;
        }
        unmapHuge(segment);
    }

    private void unmapHuge(long segment) {
        long total = Memory.getLong(segment + Segment.RESERVED_SIZE);
        engine.committed.addAndGet(-Memory.getLong(segment + Segment.HUGE_EXTENT));
        synchronized (this) {
            segments.remove(segment);
            SegmentMap.remove(segment);
        }
        OsMemory.get().release(segment, total);
    }

    // ---- segments and purge ----------------------------------------------------------------------

    private long newSegment(int kind) {
        long segment = OsMemory.get().reserve(Segment.SIZE, Segment.SIZE);
        int shift = kind == Segment.SMALL ? Segment.SMALL_PAGE_SHIFT : Segment.MEDIUM_PAGE_SHIFT;
        int count = (int) (Segment.SIZE >>> shift);
        Memory.putLong(segment + Segment.COOKIE, engine.cookie ^ segment);
        Memory.putInt(segment + Segment.KIND, kind);
        Memory.putInt(segment + Segment.PAGE_SHIFT, shift);
        Memory.putInt(segment + Segment.PAGE_COUNT, count);
        Memory.putLong(segment + Segment.RESERVED_SIZE, Segment.SIZE);
        for (int i = 1; i < count; i++) {
            long page = Segment.pageMetaAt(segment, i);
            Memory.putLong(page + Page.START, segment + ((long) i << shift));
        }
        Memory.putLong(segment + Segment.FREE_MASK, allPages(segment));
        Memory.putLong(segment + Segment.COMMITTED_MASK, 0);
        engine.committed.addAndGet(Segment.headerCommit());
        segments.add(segment);
        SegmentMap.add(segment, engine.mapId);
        withFreePages(kind).add(segment);
        return segment;
    }

    private static long allPages(long segment) {
        int count = Segment.pageCount(segment);
        return (count == 64 ? -1L : (1L << count) - 1) & ~1L;
    }

    /** Decommits free pages released at least {@code purgeDelay} ago (all of them if forced). */
    synchronized void purge(boolean force) {
        releaseAwaited();
        if (purgePages.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        while (!purgePages.isEmpty()) {
            long freedAt = purgeTimes.peekLong();
            if (!force && now - freedAt < engine.purgeDelayNanos) {
                return;
            }
            long page = purgePages.pollLong();
            purgeTimes.pollLong();
            if (Page.inUse(page)
                    || Memory.getLong(page + Page.FREED_AT) != freedAt) {
                continue;
            }
            int extent = Memory.getInt(page + Page.EXTENT);
            if (extent > 0) {
                OsMemory.get().decommit(Memory.getLong(page + Page.START), extent);
                Memory.putInt(page + Page.EXTENT, 0);
                engine.committed.addAndGet(-extent);
                long segment = Segment.of(page);
                int index = (int) ((page - segment - Segment.PAGES) / Page.META_SIZE);
                Memory.putLong(segment + Segment.COMMITTED_MASK,
                        Memory.getLong(segment + Segment.COMMITTED_MASK) & ~(1L << index));
            }
        }
    }

    /**
     * Statistics: adds to {@code live[c]} the {@code used} count of every in-use page of class c and
     * {@code tag} (-1: every tag), plus what this pool collected from {@code threadFree} lists. Pages
     * are read opaque while their owners change them with plain stores: the sum is exact when the
     * owners are quiescent, and otherwise a value each page really had. Small and medium segments are
     * never unmapped, and huge ones are skipped, so every read is of mapped metadata.
     */
    synchronized void addPageCounts(int tag, long[] live) {
        for (long segment : segments) {
            if (Segment.kind(segment) == Segment.HUGE) {
                continue;
            }
            for (int i = 1, n = Segment.pageCount(segment); i < n; i++) {
                long page = Segment.pageMetaAt(segment, i);
                if ((Memory.getIntOpaque(page + Page.FLAGS) & Page.IN_USE) == 0) {
                    continue;
                }
                int pageTag = Memory.getIntOpaque(page + Page.TAG);
                int sizeClass = Memory.getIntOpaque(page + Page.SIZE_CLASS);
                if ((tag == -1 || pageTag == tag) && sizeClass >= 0 && sizeClass < SizeClasses.COUNT) {
                    live[sizeClass] += Memory.getIntOpaque(page + Page.USED);
                }
            }
        }
        for (int t = 0; t < collected.length; t++) {
            if (tag == -1 || t == tag) {
                for (int c = 0; c < SizeClasses.COUNT; c++) {
                    live[c] += collected[t][c];
                }
            }
        }
    }

    synchronized List<Long> segments() {
        return new ArrayList<>(segments);
    }

    synchronized long reservedBytes() {
        long total = 0;
        for (long segment : segments) {
            total += Memory.getLong(segment + Segment.RESERVED_SIZE);
        }
        return total;
    }
}
