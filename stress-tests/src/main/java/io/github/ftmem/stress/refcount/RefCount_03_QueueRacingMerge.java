package io.github.ftmem.stress.refcount;

import io.github.ftmem.core.Header;
import io.github.ftmem.refcount.RefCount;
import io.github.ftmem.stress.shared.RefObjects;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The owner holds L = 2 (its own reference and one handed to the other actor), S = 0. The non-owner
 * drops its reference: S is 0, so it sets QUEUED and pushes the object on the owner's queue. The owner
 * drops its own reference and merges its queue at a safepoint, racing the push. If the merge came
 * first, the owner merges again in the arbiter (which JCStress runs on the owner's thread, see
 * {@link RefObjects}). r1: deallocations in the end, r2: 1 if freed before the arbiter.
 */
@JCStressTest
@Description("non-owner decref that queues, racing the owner's merge: exactly one deallocation")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "the owner's merge found the queued object and freed it")
@Outcome(id = "1, 0", expect = ACCEPTABLE_INTERESTING, desc = "the merge ran before the push; the next safepoint freed it")
@Outcome(id = "-1, 0", expect = ACCEPTABLE_INTERESTING, desc = "the arbiter was not on the owner's thread; object kept queued")
@Outcome(expect = FORBIDDEN, desc = "deallocated twice, or never although every reference was dropped")
@State
public class RefCount_03_QueueRacingMerge {

    /** Memory of objects left in an owner's queue: it must outlive the state. */
    private static final List<MemorySegment> STILL_QUEUED = new ArrayList<>();

    private final MemorySegment memory = RefObjects.allocate();
    private final long object = memory.address();
    private final long owner;

    public RefCount_03_QueueRacingMerge() {
        owner = RefObjects.newObject(object, 2, 0);
    }

    @Actor
    public void actor1() {
        act(RefObjects.enterActor(), true);
    }

    @Actor
    public void actor2() {
        act(RefObjects.enterActor(), false);
    }

    private void act(long self, boolean actor1) {
        boolean ownerRole = owner != 0 ? self == owner : actor1;
        RefCount.decref(object, self);
        if (ownerRole) {
            RefCount.mergeQueue();
        }
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r2 = RefObjects.deallocations(object);
        if (r.r2 == 0 && RefCount.currentTid() == owner) {
            RefCount.mergeQueue();
        }
        r.r1 = RefObjects.deallocations(object);
        if (r.r1 == 0 && (Header.sharedState(Header.refShared(object))) == Header.STATE_QUEUED) {
            synchronized (STILL_QUEUED) {
                STILL_QUEUED.add(memory);
            }
            r.r1 = -1;
        }
    }
}
