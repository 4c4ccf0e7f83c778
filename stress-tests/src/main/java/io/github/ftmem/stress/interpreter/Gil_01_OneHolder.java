package io.github.ftmem.stress.interpreter;

import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.interpreter.runtime.Gil;
import io.github.ftmem.stress.shared.Runtime;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import java.util.concurrent.atomic.AtomicInteger;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The GIL's mutual exclusion: two threads each take the GIL (detached, as the interpreter does), attach,
 * run "Python code" that would notice the other running at the same time, detach and give it up.
 * r1: overlaps seen; r2: how many times the code ran (2: nobody was lost).
 */
@JCStressTest
@Description("GIL: never two holders, every acquirer gets it")
@Outcome(id = "0, 2", expect = ACCEPTABLE, desc = "one holder at a time")
@Outcome(expect = FORBIDDEN, desc = "two threads held the GIL at once, or an acquisition was lost")
@State
public class Gil_01_OneHolder {
    private final Gil gil = new Gil();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger runs = new AtomicInteger();

    @Actor
    public void first() {
        python();
    }

    @Actor
    public void second() {
        python();
    }

    private void python() {
        ThreadState self = Runtime.self();
        gil.acquire(self);
        self.attach();
        try {
            if (running.getAndIncrement() != 0) {
                overlaps.incrementAndGet();
            }
            runs.incrementAndGet();
            running.decrementAndGet();
        } finally {
            self.detach();
            gil.release(self);
        }
    }

    @org.openjdk.jcstress.annotations.Arbiter
    public void arbiter(II_Result r) {
        r.r1 = overlaps.get();
        r.r2 = runs.get();
    }
}
