package io.github.ftmem.stress.interpreter;

import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.interpreter.runtime.Gil;
import io.github.ftmem.stress.shared.Runtime;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The GIL's drop request: a holder runs a loop of safepoint polls until the other thread has had the GIL;
 * the other thread waits for it, times out after the switch interval, sets the holder's drop-request bit,
 * and the holder's poll gives the GIL up (forced switching: it waits until the requester took it).
 * The holder's loop is bounded (two seconds), so a drop request that is never honoured ends the test with
 * r1 = 0 instead of hanging. r1: the holder saw the requester get the GIL while it was polling;
 * r2: the requester ran.
 */
@JCStressTest
@Description("GIL: a waiter's drop request makes the polling holder hand the GIL over")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "the holder dropped the GIL at a poll and the waiter ran")
@Outcome(expect = FORBIDDEN, desc = "the drop request was not honoured, or the waiter never ran")
@State
public class Gil_02_DropRequestHonoured {
    /** The GIL of the test instance the calling thread is polling in (the handler is process-wide). */
    private static final ThreadLocal<Gil> POLLING = new ThreadLocal<>();

    static {
        RuntimeThreads.setPendingHandler(Gil.DROP_REQUEST, state -> {
            Gil gil = POLLING.get();
            if (gil != null) {
                gil.dropRequested(state);
            }
        });
    }

    private final Gil gil = new Gil();
    private volatile boolean holding;
    private volatile boolean requesterRan;

    public Gil_02_DropRequestHonoured() {
        gil.setSwitchInterval(0.0002);
    }

    @Actor
    public void holder(II_Result r) {
        ThreadState self = Runtime.self();
        gil.acquire(self);
        self.attach();
        POLLING.set(gil);
        holding = true;
        try {
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (!requesterRan && System.nanoTime() < deadline) {
                self.poll();
                Thread.onSpinWait();
            }
            r.r1 = requesterRan ? 1 : 0;
        } finally {
            POLLING.remove();
            self.detach();
            gil.release(self);
        }
    }

    @Actor
    public void requester(II_Result r) {
        while (!holding) {
            Thread.onSpinWait();
        }
        ThreadState self = Runtime.self();
        gil.acquire(self);
        self.attach();
        requesterRan = true;
        r.r2 = 1;
        self.detach();
        gil.release(self);
    }
}
