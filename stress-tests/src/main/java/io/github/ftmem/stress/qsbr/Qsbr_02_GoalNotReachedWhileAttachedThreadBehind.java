package io.github.ftmem.stress.qsbr;

import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.qsbr.Qsbr;
import io.github.ftmem.stress.shared.Runtime;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The reader thread stays attached for the whole run (it attaches on first use and never detaches),
 * and reports one quiescent state per iteration. The poller advances and polls the new goal. Since
 * the reader's only report this iteration is the one below, a poll that says the goal is reached must
 * have seen that report, made after the advance: r1 = reached, r2 = the reader's report passed the goal.
 */
@JCStressTest
@Description("a goal is never reported reached while an attached thread has not passed it")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "the reader reported before the advance; not reached")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "the reader reported after the advance, the scan came first")
@Outcome(id = "1, 1", expect = ACCEPTABLE_INTERESTING, desc = "the scan saw the reader's report after the advance")
@Outcome(id = "1, 0", expect = FORBIDDEN, desc = "reached although the attached reader never passed the goal")
@State
public class Qsbr_02_GoalNotReachedWhileAttachedThreadBehind {

    private long goal;
    private boolean reached;
    private long reported;

    @Actor
    public void poller() {
        long g = Qsbr.advance();
        reached = Qsbr.poll(g);
        goal = g;
    }

    @Actor
    public void reader() {
        ThreadState self = Runtime.self();
        if (!self.isAttached()) {
            self.attach();
        }
        self.quiescent();
        reported = self.quiescentSequence();
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = reached ? 1 : 0;
        r.r2 = reported - goal >= 0 ? 1 : 0;
    }
}
