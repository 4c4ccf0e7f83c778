package io.github.ftmem.allocator;

import java.util.List;

/**
 * A snapshot of an allocator's counters (or of one tag's). Live counts are exact when no thread is
 * allocating or freeing concurrently (e.g. while the world is stopped, or after the threads joined);
 * otherwise each counter is a recent value. Bytes are block bytes (usable sizes), not requested sizes.
 *
 * @param liveBlocks        blocks allocated and not yet freed
 * @param liveBytes         their usable bytes
 * @param committedBytes    bytes the allocator holds backed by memory: touched page data, segment
 *                          headers, huge blocks (all tags: memory is shared between tags)
 * @param reservedBytes     address space reserved from the OS (all tags)
 * @param pagesAbandoned    pages currently abandoned (their thread exited, blocks still live)
 * @param pagesAbandonedTotal pages ever abandoned
 * @param pagesReclaimedTotal abandoned pages taken over by another heap
 * @param sizeClasses       per size class (paged classes, then one entry for huge blocks), only
 *                          classes with live blocks
 * @param delayedBlocks     blocks handed to {@code freeDelayed} and not yet freed (counted in
 *                          {@code liveBlocks} too: they are still allocated)
 * @param delayedBytes      their usable bytes
 * @param pagesAwaitingGoal emptied pages (and huge blocks) of QSBR tags held until their goal passes
 */
public record AllocatorStatistics(long liveBlocks, long liveBytes, long committedBytes, long reservedBytes,
                                  long pagesAbandoned, long pagesAbandonedTotal, long pagesReclaimedTotal,
                                  List<SizeClass> sizeClasses, long delayedBlocks, long delayedBytes,
                                  long pagesAwaitingGoal) {

    /**
     * @param sizeClass  index (the huge pseudo-class is the last index)
     * @param blockSize  block size in bytes; 0 for huge blocks, whose sizes vary
     * @param liveBlocks live blocks of this class
     * @param liveBytes  their usable bytes
     */
    public record SizeClass(int sizeClass, long blockSize, long liveBlocks, long liveBytes) {
    }
}
