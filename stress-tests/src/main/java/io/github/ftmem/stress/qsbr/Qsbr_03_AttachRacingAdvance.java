package io.github.ftmem.stress.qsbr;

import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.qsbr.Qsbr;
import io.github.ftmem.stress.shared.Runtime;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A detached reader attaches and loads a slot while the writer unpublishes the old value, advances
 * and polls. If the poll says reached, the writer would reclaim the old storage at once (here it
 * publishes {@code reclaimable}). A reader that, still attached, loaded the old value and then sees
 * the writer's verdict would be reading reclaimed memory: forbidden. The attach's store and fence and
 * the scan's fence make either the scan see the reader's sequence or the reader see the new value.
 * r1 = the value the reader loaded (1 old, 2 new), r2 = the reader saw "reclaimable".
 */
@JCStressTest
@Description("an attach racing an advance: the scan sees the attach, or the reader sees the unpublish")
@Outcome(id = {"1, 0", "2, 0"}, expect = ACCEPTABLE, desc = "the reader finished before the verdict")
@Outcome(id = "2, 1", expect = ACCEPTABLE_INTERESTING, desc = "the reader saw the new value, then the verdict")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "the reader held the old value while it was declared reclaimable")
@State
public class Qsbr_03_AttachRacingAdvance {

    private int slot = 1;
    private volatile int reclaimable;

    @Actor
    public void writer() {
        slot = 2;
        long goal = Qsbr.advance();
        if (Qsbr.poll(goal)) {
            reclaimable = 1;
        }
    }

    @Actor
    public void reader(II_Result r) {
        ThreadState self = Runtime.self();
        self.attach();
        r.r1 = slot;
        r.r2 = reclaimable;
        self.detach();
    }
}
