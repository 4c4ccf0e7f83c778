package io.github.ftmem.stress.refcount;

import io.github.ftmem.refcount.RefCount;
import io.github.ftmem.stress.shared.RefObjects;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;

import java.lang.foreign.MemorySegment;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The owner's plain incref/decref on refLocal races a non-owner's atomic incref/decref on refShared
 * (one actor is the owner of each state, see {@link RefObjects}). Each actor does +1 +1 −1 on an object
 * the state holds one reference to: the true count must end at 3, nothing deallocated.
 * r1: the true count, r2: deallocations.
 */
@JCStressTest
@Description("owner incref/decref racing a non-owner incref/decref: no count is lost")
@Outcome(id = "3, 0", expect = ACCEPTABLE, desc = "every increment and decrement counted")
@Outcome(expect = FORBIDDEN, desc = "a count was lost, or the object was deallocated while referenced")
@State
public class RefCount_01_NoLostCount {

    private final MemorySegment memory = RefObjects.allocate();
    private final long object = memory.address();

    public RefCount_01_NoLostCount() {
        RefObjects.newObject(object, 1, 0);
    }

    @Actor
    public void actor1() {
        long self = RefObjects.enterActor();
        RefCount.incref(object, self);
        RefCount.incref(object, self);
        RefCount.decref(object, self);
    }

    @Actor
    public void actor2() {
        long self = RefObjects.enterActor();
        RefCount.incref(object, self);
        RefCount.incref(object, self);
        RefCount.decref(object, self);
    }

    @Arbiter
    public void arbiter(JJ_Result r) {
        r.r1 = RefCount.refcount(object);
        r.r2 = RefObjects.deallocations(object);
    }
}
