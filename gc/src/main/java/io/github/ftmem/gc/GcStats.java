package io.github.ftmem.gc;

/**
 * A snapshot of the collector's statistics.
 *
 * @param collections       completed collections
 * @param collected         garbage objects cleared, over all collections
 * @param uncollectable     garbage objects moved to the garbage list (legacy finalizers), over all collections
 * @param resurrected       garbage objects made reachable again by finalizers or callbacks, over all collections
 * @param pauses            stop-the-world pauses taken by collections and freeze/unfreeze
 * @param lastPauseNanos    length of the last pause
 * @param maxPauseNanos     longest pause
 * @param totalPauseNanos   all pauses together
 * @param longLivedTotal    reachable tracked objects found by the last collection, plus frozen ones
 * @param frozen            objects frozen by the last {@link Collector#freeze()}
 */
public record GcStats(long collections, long collected, long uncollectable, long resurrected, long pauses,
                      long lastPauseNanos, long maxPauseNanos, long totalPauseNanos, long longLivedTotal,
                      long frozen) {
}
