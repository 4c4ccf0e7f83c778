package io.github.ftmem.stress.refcount;

import io.github.ftmem.refcount.RefCount;
import io.github.ftmem.stress.shared.RefObjects;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import java.lang.foreign.MemorySegment;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A lock-free reader's tryIncref races the final decref. The object is MAYBE_WEAKREF (as readers
 * require), so the owner's last decref goes through the CAS to MERGED rather than the no-atomic path.
 * r1: tryIncref succeeded, r2: deallocations, r3: the count at the end.
 */
@JCStressTest
@Description("tryIncref racing the final decref: the incref wins and the object lives, or it fails")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "the reader's incref came first; the object lives with its reference")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE_INTERESTING, desc = "the final decref came first; tryIncref failed")
@Outcome(expect = FORBIDDEN, desc = "an incref succeeded on a deallocated object, or a failed incref left it alive")
@State
public class RefCount_05_TryIncrefRacingFinalDecref {

    private final MemorySegment memory = RefObjects.allocate();
    private final long object = memory.address();
    private final long owner;

    public RefCount_05_TryIncrefRacingFinalDecref() {
        owner = RefObjects.newObject(object, 1, 0);
        RefCount.setMaybeWeakref(object);
    }

    @Actor
    public void actor1(III_Result r) {
        act(RefObjects.enterActor(), true, r);
    }

    @Actor
    public void actor2(III_Result r) {
        act(RefObjects.enterActor(), false, r);
    }

    private void act(long self, boolean actor1, III_Result r) {
        boolean decrefRole = owner != 0 ? self == owner : actor1;
        if (decrefRole) {
            RefCount.decref(object, self);
        } else {
            r.r1 = RefCount.tryIncref(object) ? 1 : 0;
        }
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r2 = RefObjects.deallocations(object);
        r.r3 = (int) RefCount.refcount(object);
    }
}
