package io.github.ftmem.core.threads;

import io.github.ftmem.core.Memory;
import java.lang.foreign.Arena;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The words of quiescent-state-based reclamation that core's own paths must write: the global write
 * sequence and each runtime thread's read sequence ({@link ThreadState#quiescentSequence()}). The
 * protocol built on them (goals, polls, delayed frees) is the {@code io.github.ftmem.qsbr} module;
 * these words live in core because attach, detach and the safepoint poll write them and must not call
 * out of core to do it.
 *
 * <h2>Implementation notes</h2>
 * <ul>
 *   <li>The write sequence starts at {@link #INITIAL} and grows by {@link #INCREMENT} with an atomic
 *       getAndAdd ({@link #advance()}), so it is always odd and never equals {@link #OFFLINE}. It sits
 *       alone in a 128-byte off-heap block (no false sharing with anything else that is written).</li>
 *   <li>A thread's read sequence is written only by that thread: the write sequence at each quiescent
 *       state (release store after an acquire load; on attach a volatile store and a full fence),
 *       {@link #OFFLINE} when it detaches or suspends (release store). The one exception: the stop
 *       requester sets a dead thread OFFLINE.</li>
 *   <li>{@link #scanMinimum()} starts with a full fence (it pairs with the fence after the attach
 *       store), reads the write sequence, then every registered thread's read sequence (acquire)
 *       from the lock-free id table, skipping OFFLINE ones. It never blocks.</li>
 * </ul>
 *
 * <p>{@code -Dftmem.qsbr.pollReports=false} makes {@link ThreadState#poll()} skip its quiescent-state
 * store (then only attach, detach and explicit {@link ThreadState#quiescent()} calls report, so goals
 * pass only as threads detach). It exists to measure the cost of the store; reclamation stays safe.
 */
public final class Quiescence {

    /** The read sequence of a thread that is not attached: it holds nobody back. */
    public static final long OFFLINE = 0;
    /** The first write sequence. */
    public static final long INITIAL = 1;
    /** What one {@link #advance()} adds. */
    public static final long INCREMENT = 2;

    /** Whether {@link ThreadState#poll()} reports a quiescent state (default true). */
    static final boolean POLL_REPORTS = !"false".equals(System.getProperty("ftmem.qsbr.pollReports"));

    /** Address of the write sequence: its own 128-byte block, allocated once for the process. */
    static final long WRITE_SEQ = Arena.global().allocate(128, 128).address();

    static {
        Memory.putLongVolatile(WRITE_SEQ, INITIAL);
    }

    private Quiescence() {
    }

    /** The current write sequence (acquire). */
    public static long writeSequence() {
        return Memory.getLongAcquire(WRITE_SEQ);
    }

    /** Advances the write sequence by {@link #INCREMENT} (atomic, volatile semantics); returns the new value. */
    public static long advance() {
        return Memory.getAndAddLong(WRITE_SEQ, INCREMENT) + INCREMENT;
    }

    /**
     * The smallest read sequence among registered threads that are not OFFLINE, or the write sequence
     * if that is smaller (or no thread is online). Preceded by a full fence. Any thread may call it.
     */
    public static long scanMinimum() {
        VarHandle.fullFence();
        long min = writeSequence();
        AtomicReferenceArray<ThreadState> table = RuntimeThreads.table();
        for (int i = 1, n = table.length(); i < n; i++) {
            ThreadState state = table.getAcquire(i);
            if (state != null) {
                long seq = state.quiescentSequence();
                if (seq != OFFLINE && seq - min < 0) {
                    min = seq;
                }
            }
        }
        return min;
    }

    /** Whether {@code ThreadState.poll()} reports quiescent states in this JVM. */
    public static boolean pollReports() {
        return POLL_REPORTS;
    }
}
