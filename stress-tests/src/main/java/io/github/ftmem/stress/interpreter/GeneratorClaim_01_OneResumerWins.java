package io.github.ftmem.stress.interpreter;

import io.github.ftmem.interpreter.runtime.ResumeClaim;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A generator entered from two threads at once: each tries to claim it; the winner "runs" it (a plain
 * increment of a field the generator's frame would hold) and releases; the loser gets
 * "generator already executing". r1, r2: whether each thread ran it; r3: the frame field afterwards
 * (a run that overlapped another or saw a stale frame would lose an increment).
 */
@JCStressTest
@Description("generator claim: two resumes never run the body at once, and runs see each other's writes")
@Outcome(id = {"1, 0, 1", "0, 1, 1"}, expect = ACCEPTABLE, desc = "one ran, the other was refused")
@Outcome(id = "1, 1, 2", expect = ACCEPTABLE, desc = "they ran one after the other, the second saw the first's write")
@Outcome(expect = FORBIDDEN, desc = "both ran at once (or neither), or a run missed the previous one's write")
@State
public class GeneratorClaim_01_OneResumerWins {
    private final ResumeClaim claim = new ResumeClaim();
    /** Plain: the generator frame's state, ordered between runs only by the claim. */
    private int frameSlot;

    @Actor
    public void first(III_Result r) {
        r.r1 = resume();
    }

    @Actor
    public void second(III_Result r) {
        r.r2 = resume();
    }

    private int resume() {
        if (!claim.tryClaim()) {
            return 0;
        }
        frameSlot = frameSlot + 1;
        claim.release();
        return 1;
    }

    @org.openjdk.jcstress.annotations.Arbiter
    public void arbiter(III_Result r) {
        r.r3 = frameSlot;
    }
}
