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
 * Concurrent increfs and decrefs (more decrefs than increfs, from the former owner and another thread)
 * on an immortal object: one compare on each path, nothing written. r1: 1 if the count words (tid,
 * refLocal, refShared) are unchanged, r2: deallocations.
 */
@JCStressTest
@Description("immortal objects: concurrent increfs and decrefs write nothing")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "the header is untouched")
@Outcome(expect = FORBIDDEN, desc = "a count word was written, or the immortal object was deallocated")
@State
public class RefCount_06_ImmortalWritesNothing {

    private final MemorySegment memory = RefObjects.allocate();
    private final long object = memory.address();

    public RefCount_06_ImmortalWritesNothing() {
        RefObjects.newObject(object, 1, 0);
        RefCount.immortalize(object);
    }

    @Actor
    public void actor1() {
        long self = RefObjects.enterActor();
        RefCount.decref(object, self);
        RefCount.incref(object, self);
        RefCount.decref(object, self);
        RefCount.decref(object, self);
    }

    @Actor
    public void actor2() {
        long self = RefObjects.enterActor();
        RefCount.decref(object, self);
        RefCount.decref(object, self);
        RefCount.incref(object, self);
        RefCount.decref(object, self);
    }

    @Arbiter
    public void arbiter(II_Result r) {
        boolean untouched = Memory.getLongVolatile(object + Header.TID) == 0
                && Memory.getIntVolatile(object + Header.REF_LOCAL) == Header.IMMORTAL_LOCAL
                && Memory.getLongVolatile(object + Header.REF_SHARED) == 0;
        r.r1 = untouched ? 1 : 0;
        r.r2 = RefObjects.deallocations(object);
    }
}
