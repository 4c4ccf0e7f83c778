package io.github.ftmem.stress.refcount;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
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

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A MERGED object (tid 0, S = (2, MERGED)) whose last two references are dropped by two threads, neither
 * of them an owner: the CAS loops serialise, and only the one producing exactly (0, MERGED) frees it.
 * r1: deallocations, r2: the true count at deallocation.
 */
@JCStressTest
@Description("two non-owners decref'ing the last two shared refs of a MERGED object: exactly one deallocation")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "freed once, at count 0")
@Outcome(expect = FORBIDDEN, desc = "freed twice, not at all, or with a positive count")
@State
public class RefCount_04_MergedLastTwoShared {

    private final MemorySegment memory = RefObjects.allocate();
    private final long object = memory.address();

    public RefCount_04_MergedLastTwoShared() {
        Header.init(object, 0, RefObjects.TYPE);
        Memory.putLong(object + Header.REF_SHARED, 2L << Header.SHARED_SHIFT | Header.STATE_MERGED);
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
    public void arbiter(II_Result r) {
        r.r1 = RefObjects.deallocations(object);
        r.r2 = RefObjects.countAtFree(object);
    }
}
