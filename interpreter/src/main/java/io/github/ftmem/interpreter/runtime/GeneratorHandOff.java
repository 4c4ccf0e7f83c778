package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;

/**
 * The turn-passing protocol of a THREAD generator (the fallback of {@link Generators} for yields nested in
 * expressions): the caller's thread and the generator's own runtime thread take turns, so exactly one of
 * them runs Python code at any time.
 *
 * <h2>Implementation notes</h2>
 * <table>
 *   <caption>{@code turn} (guarded by this object's monitor)</caption>
 *   <tr><th>value</th><th>who may run Python code</th><th>the other side</th></tr>
 *   <tr><td>CALLER</td><td>the caller (initial state, after each yield and after the end)</td>
 *       <td>generator parked in {@link #yieldToCaller} or {@link #awaitTurn}, detached; or finished</td></tr>
 *   <tr><td>GENERATOR</td><td>the generator thread</td><td>caller parked in {@link #runGenerator}, detached</td></tr>
 * </table>
 * Only the side that holds the turn writes {@code turn} (to give it away), always under the monitor,
 * followed by {@code notifyAll}; the other side waits under the monitor for the value it needs. The monitor
 * also orders every plain write a side made during its turn (the generator's transfer fields, frame slots,
 * heap objects) before the other side's reads in its next turn. A side detaches from the runtime before it
 * gives the turn away and re-attaches only after it has it back, so a stop-the-world never waits for a
 * parked side and the attached side is always the one running Python code. With a GIL, a side gives
 * the GIL up with its turn and takes it back after its turn came back ({@link Gil#beforeBlocking}). An interrupt does not end a
 * wait (the turn must still be given back); the interrupt status is restored afterwards.
 * {@code GeneratorHandOff_01_OneSideRuns} (stress-tests) checks the invariant.
 */
public final class GeneratorHandOff {
    private static final int CALLER = 0, GENERATOR = 1;

    private int turn = CALLER;

    /**
     * Caller side: gives the turn to the generator (starting its thread first if {@code start} is not null)
     * and returns when the generator has given it back; detached in between.
     */
    public void runGenerator(Thread start) {
        ThreadState self = RuntimeThreads.current();
        Gil.beforeBlocking(self);
        try {
            synchronized (this) {
                turn = GENERATOR;
                if (start != null) {
                    start.start();
                }
                notifyAll();
                awaitLocked(CALLER);
            }
        } finally {
            Gil.afterBlocking(self);
        }
    }

    /** Generator side, before its first Python code: waits (detached) for its first turn. */
    public void awaitTurn() {
        ThreadState self = RuntimeThreads.current();
        self.detach();
        try {
            synchronized (this) {
                awaitLocked(GENERATOR);
            }
        } finally {
            Gil.afterBlocking(self);
        }
    }

    /** Generator side: gives the turn back to the caller and waits (detached) for the next resume. */
    public void yieldToCaller() {
        ThreadState self = RuntimeThreads.current();
        Gil.beforeBlocking(self);
        try {
            synchronized (this) {
                turn = CALLER;
                notifyAll();
                awaitLocked(GENERATOR);
            }
        } finally {
            Gil.afterBlocking(self);
        }
    }

    /**
     * Generator side, after its last Python code and after its thread unregistered (so its exit steps
     * never overlap the caller's next turn): gives the turn back for good. Needs no runtime state.
     */
    public void finish() {
        synchronized (this) {
            turn = CALLER;
            notifyAll();
        }
    }

    private void awaitLocked(int wanted) {
        assert Thread.holdsLock(this);
        boolean interrupted = false;
        while (turn != wanted) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
