package io.github.ftmem.interpreter.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The "is this generator running" flag as a claim (CPython 3.13t checks {@code gi_frame_state} with an
 * atomic exchange): a resume starts with {@link #tryClaim} and ends with {@link #release}, so of two
 * threads resuming one generator at once exactly one runs it and the other raises
 * {@code ValueError: generator already executing}.
 *
 * <h2>Implementation notes</h2>
 * One boolean: false (free) → true by a CAS in {@link #tryClaim} (volatile: also the acquire that makes
 * the previous run's plain writes to the generator's frame and resume stack visible), true → false by a
 * release store in {@link #release} (publishes this run's writes to the next claimer). Only the claimer
 * releases. {@link #isClaimed} is an acquire read for {@code gi_running} and the collector (which reads
 * it with the world stopped). {@code GeneratorClaim_01_OneResumerWins} (stress-tests) checks it.
 */
public final class ResumeClaim {
    private static final VarHandle CLAIMED;

    static {
        try {
            CLAIMED = MethodHandles.lookup().findVarHandle(ResumeClaim.class, "claimed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through CLAIMED
    private boolean claimed;

    /** Claims the generator for one resume; false if another resume holds it. */
    public boolean tryClaim() {
        return CLAIMED.compareAndSet(this, false, true);
    }

    /** Ends the claimer's resume. */
    public void release() {
        CLAIMED.setRelease(this, false);
    }

    public boolean isClaimed() {
        return (boolean) CLAIMED.getAcquire(this);
    }
}
