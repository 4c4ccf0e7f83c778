package io.github.ftmem.qsbr;

/**
 * A snapshot of QSBR's counters. Sequences are exact at the moment each was read; queue counts are
 * exact when no thread is queuing or processing (e.g. while the world is stopped), otherwise recent.
 *
 * @param writeSequence   the global write sequence (odd; +2 per advance)
 * @param readSequence    the highest sequence known to be passed by every attached thread
 * @param pendingItems    delayed frees queued by live threads, not yet reclaimed
 * @param orphanedItems   delayed frees left by exited threads, not yet reclaimed
 * @param reclaimedTotal  delayed frees reclaimed so far, by every thread
 */
public record QsbrStatistics(long writeSequence, long readSequence, long pendingItems, long orphanedItems,
                             long reclaimedTotal) {
}
