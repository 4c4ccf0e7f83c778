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
 * The owner drops its last local reference (L 1 → 0) while a non-owner drops the last shared one
 * (S (1, INIT) → 0). Either the non-owner subtracts first and the owner frees on the no-atomic fast
 * path, or the owner gives up ownership (tid 0, CAS to (1, MERGED)) and the non-owner's decref reaches
 * (0, MERGED) and frees. r1: deallocations, r2: the true count at deallocation, r3: who freed it.
 */
@JCStressTest
@Description("owner's last local ref racing a non-owner's last shared ref: deallocated exactly once, at count 0")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "the owner freed it (fast path, or its merge CAS found count 0)")
@Outcome(id = "1, 0, 2", expect = ACCEPTABLE_INTERESTING, desc = "the owner merged first; the non-owner's decref freed it")
@Outcome(expect = FORBIDDEN, desc = "not freed, freed twice, or freed while the true count was positive")
@State
public class RefCount_02_LastLocalAndLastShared {

    private final MemorySegment memory = RefObjects.allocate();
    private final long object = memory.address();
    private final long owner;

    public RefCount_02_LastLocalAndLastShared() {
        owner = RefObjects.newObject(object, 1, 1);
    }

    @Actor
    public void actor1() {
        RefCount.decref(object, RefObjects.enterActor());
    }

    @Actor
    public void actor2() {
        RefCount.decref(object, RefObjects.enterActor());
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r1 = RefObjects.deallocations(object);
        r.r2 = RefObjects.countAtFree(object);
        r.r3 = RefObjects.freedBy(object, owner);
    }
}
