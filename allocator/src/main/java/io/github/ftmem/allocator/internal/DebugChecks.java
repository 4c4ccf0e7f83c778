package io.github.ftmem.allocator.internal;

import io.github.ftmem.core.Memory;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Debug mode: every misuse becomes an exception that names the block, its size class and the threads
 * involved, and the allocator's state is left intact (the offending call does nothing).
 *
 * <h2>Implementation notes</h2>
 * A side table maps every address ever returned to a {@link Record}: requested size, size class,
 * allocating thread, and the freeing thread once freed. Blocks are laid out as
 * <pre>
 *   [ requested bytes | canary 0xCA … up to the block end (at least {@link #CANARY_BYTES}) ]
 * </pre>
 * and a freed block is filled with 0xDF from byte 16 on (bytes 0–15 hold the free-list link and the
 * free mark). Checks:
 * <ul>
 *   <li>free of an address without a record: never returned by this allocator (foreign);</li>
 *   <li>free of a record already freed: double free (first freeing thread named);</li>
 *   <li>free with a canary byte changed: buffer overflow (offset and byte named);</li>
 *   <li>allocation of a block whose 0xDF fill changed since its free: write after free;</li>
 *   <li>{@code freeDelayed} of a block already queued, and {@code free} of a queued block (it is
 *       freed, and filled with 0xDF, when its grace period ends: a reader that outlived its grace
 *       period reads the fill, and one that wrote is caught at the block's next allocation).</li>
 * </ul>
 * Fresh blocks are filled with 0xD0 so reads of uninitialised memory stand out. A record's
 * {@code freedBy} is guarded by the record itself, so two racing frees cannot both succeed. A page that
 * is formatted again (fresh from the pool, possibly for another size class) forgets its old records.
 */
final class DebugChecks {

    static final int CANARY_BYTES = 8;
    static final byte CANARY = (byte) 0xCA;
    static final byte FREED_FILL = (byte) 0xDF;
    static final byte UNINITIALISED_FILL = (byte) 0xD0;
    /** The free-list link and the free mark live in the first 16 bytes of a free block. */
    private static final int FILL_FROM = 16;

    static final class Record {
        final long requested;
        final long blockStart;
        final long blockBytes;
        final String sizeClass;
        final String allocatedBy;
        String freedBy;
        /** Thread that queued the block with freeDelayed, until its grace period ends; guarded by the record. */
        String delayedBy;

        Record(long requested, long blockStart, long blockBytes, String sizeClass, String allocatedBy) {
            this.requested = requested;
            this.blockStart = blockStart;
            this.blockBytes = blockBytes;
            this.sizeClass = sizeClass;
            this.allocatedBy = allocatedBy;
        }
    }

    private final Engine engine;
    /**
     * Records by block address. Ordered, so that a page formatted for a (possibly different) size class
     * drops the records of its previous life in one range operation ({@link #pageFormatted}). Kept
     * instead of Agrona's {@code Long2ObjectHashMap} (which would drop the boxed key): a hash map has no
     * range operation (a page's records would have to be found block by block), and it is not
     * concurrent (every allocation and free of every thread would take one lock); this is debug mode
     * only.
     */
    private final ConcurrentSkipListMap<Long, Record> records = new ConcurrentSkipListMap<>();

    DebugChecks(Engine engine) {
        this.engine = engine;
    }

    long allocate(Heap heap, long size, long alignment, boolean zero) {
        Heap.checkSize(size);
        long padded = size + CANARY_BYTES;
        long address = alignment > SizeClasses.GRANULE ? heap.allocateAlignedRaw(padded, alignment) : heap.allocateRaw(padded);
        long usable = engine.blockUsableSize(address);
        long blockStart = address + usable - blockBytes(address);
        Record previous = records.get(blockStart);
        if (previous != null && previous.freedBy != null && previous.blockStart == blockStart) {
            checkFreedFill(heap, address, previous);
        }
        Memory.fill(address, size, zero ? 0 : UNINITIALISED_FILL);
        Memory.fill(address + size, usable - size, CANARY);
        records.put(address, new Record(size, blockStart, blockBytes(address), engine.describeClass(address),
                Thread.currentThread().getName()));
        return address;
    }

    private long blockBytes(long address) {
        long segment = Segment.of(address);
        if (Segment.kind(segment) == Segment.HUGE) {
            return Segment.hugeSize(segment);
        }
        return Page.blockSize(Segment.pageMeta(segment, address));
    }

    private void checkFreedFill(Heap heap, long address, Record previous) {
        if (Segment.kind(Segment.of(address)) == Segment.HUGE) {
            return;
        }
        long start = previous.blockStart;
        for (long offset = FILL_FROM; offset < previous.blockBytes; offset++) {
            byte found = Memory.getByte(start + offset);
            if (found != FREED_FILL) {
                Memory.fill(start + FILL_FROM, previous.blockBytes - FILL_FROM, FREED_FILL);
                String message = "write after free: block 0x" + Long.toHexString(start) + " (" + previous.sizeClass
                        + ", requested " + previous.requested + " B) allocated by thread " + previous.allocatedBy
                        + " and freed by thread " + previous.freedBy + " was modified at offset " + offset
                        + " (fill 0xDF overwritten with 0x" + hex(found) + ")";
                engine.freeChecked(address, heap.threadHeaps);
                throw new IllegalStateException(message);
            }
        }
    }

    /**
     * A page was (re)formatted for a size class: the records of blocks it held before describe blocks
     * that no longer exist. Their 0xDF fill is legitimately overwritten by the free-list links of the
     * new blocks (which start at other offsets when the size class changed), so they are dropped
     * rather than checked; a later free of such an address is reported as foreign.
     */
    void pageFormatted(long pageStart, long pageBytes) {
        records.subMap(pageStart, pageStart + pageBytes).clear();
    }

    void free(long address, ThreadHeaps heaps) {
        if (address == 0) {
            return;
        }
        Record record = records.get(address);
        if (record == null) {
            throw new IllegalArgumentException("free(0x" + Long.toHexString(address) + "): address was never returned by this "
                    + "allocator" + locate(address));
        }
        synchronized (record) {
            if (record.delayedBy != null) {
                throw new IllegalArgumentException("free(0x" + Long.toHexString(address) + "): the block ("
                        + record.sizeClass + ", requested " + record.requested + " B) allocated by thread "
                        + record.allocatedBy + " is queued for a delayed free by thread " + record.delayedBy
                        + "; it is freed when its grace period ends");
            }
            if (record.freedBy != null) {
                throw new IllegalArgumentException("free(0x" + Long.toHexString(address) + "): double free of a block ("
                        + record.sizeClass + ", requested " + record.requested + " B) allocated by thread "
                        + record.allocatedBy + " and already freed by thread " + record.freedBy);
            }
            long usable = engine.blockUsableSize(address);
            for (long offset = record.requested; offset < usable; offset++) {
                byte found = Memory.getByte(address + offset);
                if (found != CANARY) {
                    throw new IllegalStateException("buffer overflow: block 0x" + Long.toHexString(address) + " ("
                            + record.sizeClass + ", requested " + record.requested + " B) allocated by thread "
                            + record.allocatedBy + " was written past its end at offset " + offset + " (canary 0xCA overwritten with 0x"
                            + hex(found) + ")");
                }
            }
            record.freedBy = Thread.currentThread().getName();
        }
        if (Segment.kind(Segment.of(address)) != Segment.HUGE && record.blockBytes > FILL_FROM) {
            Memory.fill(record.blockStart + FILL_FROM, record.blockBytes - FILL_FROM, FREED_FILL);
        }
        engine.freeChecked(address, heaps);
    }

    /** Checks a block handed to freeDelayed: live and not queued already; marks it queued. */
    void delay(long address) {
        Record record = records.get(address);
        if (record == null) {
            throw new IllegalArgumentException("freeDelayed(0x" + Long.toHexString(address) + "): address was never returned "
                    + "by this allocator" + locate(address));
        }
        synchronized (record) {
            if (record.freedBy != null) {
                throw new IllegalArgumentException("freeDelayed(0x" + Long.toHexString(address) + "): the block ("
                        + record.sizeClass + ", requested " + record.requested + " B) allocated by thread "
                        + record.allocatedBy + " was already freed by thread " + record.freedBy);
            }
            if (record.delayedBy != null) {
                throw new IllegalArgumentException("freeDelayed(0x" + Long.toHexString(address) + "): the block ("
                        + record.sizeClass + ", requested " + record.requested + " B) allocated by thread "
                        + record.allocatedBy + " is already queued for a delayed free by thread " + record.delayedBy);
            }
            record.delayedBy = Thread.currentThread().getName();
        }
    }

    /** The grace period of a queued block is over (or queuing failed): it may be freed. */
    void undelay(long address) {
        Record record = records.get(address);
        if (record != null) {
            synchronized (record) {
                record.delayedBy = null;
            }
        }
    }

    long usableSize(long address) {
        Record record = records.get(address);
        if (record == null || record.freedBy != null) {
            throw new IllegalArgumentException("usableSize(0x" + Long.toHexString(address) + "): not a live block of this allocator"
                    + (record == null ? locate(address) : " (freed by thread " + record.freedBy + ")"));
        }
        return record.requested;
    }

    /** " (it lies N bytes inside block B …)" when the address is inside a known block, else "". */
    private String locate(long address) {
        long segment = Segment.of(address);
        if (SegmentMap.engineOf(segment) != engine.mapId) {
            return " (no segment of this allocator contains it)";
        }
        if (Segment.kind(segment) == Segment.HUGE) {
            return " (it lies inside huge block 0x" + Long.toHexString(Segment.hugeBlock(segment)) + ")";
        }
        long page = Segment.pageMeta(segment, address);
        if (!Page.inUse(page)) {
            return " (it lies in a free page)";
        }
        long start = Page.start(page);
        long blockSize = Page.blockSize(page);
        long block = start + (address - start) / blockSize * blockSize;
        Record record = records.get(block);
        return " (it lies " + (address - block) + " bytes inside block 0x" + Long.toHexString(block) + ", size class "
                + Page.sizeClass(page) + " = " + blockSize + " B"
                + (record != null ? ", allocated by thread " + record.allocatedBy : "") + ")";
    }

    private static String hex(byte b) {
        return String.format("%02X", b & 0xFF);
    }
}
