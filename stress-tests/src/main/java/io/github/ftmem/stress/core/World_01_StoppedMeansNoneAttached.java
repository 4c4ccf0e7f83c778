package io.github.ftmem.stress.core;

import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;
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
 * A worker attaches and runs a loop with safepoint polls while a requester stops and starts the
 * world. While the requester holds the world stopped no other thread may be ATTACHED (r1), and the
 * worker must never observe the world stopped while it is attached (r2).
 */
@JCStressTest
@Description("while the world is stopped no other thread is ATTACHED")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "the worker was suspended or waited for")
@Outcome(expect = FORBIDDEN, desc = "a thread ran attached while the world was stopped")
@State
public class World_01_StoppedMeansNoneAttached {

    @Actor
    public void requester(II_Result r) {
        Runtime.self();
        World.stop();
        r.r1 = Runtime.othersAttached();
        World.start();
    }

    @Actor
    public void pollingWorker(II_Result r) {
        ThreadState self = Runtime.self();
        self.attach();
        int seenStopped = 0;
        for (int i = 0; i < 20; i++) {
            self.poll();
            if (World.isStopped()) {
                seenStopped = 1;
            }
        }
        self.detach();
        r.r2 = seenStopped;
    }
}
