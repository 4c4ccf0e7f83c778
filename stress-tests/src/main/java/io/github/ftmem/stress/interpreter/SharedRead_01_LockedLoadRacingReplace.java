package io.github.ftmem.stress.interpreter;

import io.github.ftmem.core.Memory;
import io.github.ftmem.locks.CriticalSection;
import io.github.ftmem.refcount.RefCount;
import io.github.ftmem.stress.shared.OffHeap;
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
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The interpreter's shared-read protocol (Dict/SetTable/Lists while several threads run Python): a reader
 * loads a reference from a container slot and increfs it inside the container's critical section; a
 * writer stores a replacement inside the section and drops the old value's reference after it. The
 * container owns one reference to the old value. r1: the reader's value was already deallocated when it
 * took its reference (a use after free); r2: deallocations of the old value (1 once everyone is done);
 * r3: the old value's count when it was freed (0).
 */
@JCStressTest
@Description("shared read: a load + incref under the container's section never takes a freed value")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "the reader got a live value or the new one; the old one freed once, at zero")
@Outcome(expect = FORBIDDEN, desc = "the reader took a freed value, or the old value was freed twice or not at zero")
@State
public class SharedRead_01_LockedLoadRacingReplace {
    private final MemorySegment containerMemory = OffHeap.zeroed(64);
    private final long container = containerMemory.address();
    private final long slot = container + 40;
    private final MemorySegment oldMemory = RefObjects.allocate();
    private final MemorySegment newMemory = RefObjects.allocate();
    private final long oldValue = oldMemory.address();
    private final long newValue = newMemory.address();

    public SharedRead_01_LockedLoadRacingReplace() {
        RefObjects.newUnownedObject(oldValue, 1);
        RefObjects.newUnownedObject(newValue, 1);
        Memory.putLong(slot, oldValue);
    }

    @Actor
    public void reader(III_Result r) {
        RefObjects.enterActor();
        long v;
        CriticalSection.begin(container);
        try {
            v = Memory.getLong(slot);
            r.r1 = RefObjects.deallocations(v);
            RefCount.incref(v);
        } finally {
            CriticalSection.end();
        }
        RefCount.decref(v);
    }

    @Actor
    public void writer() {
        RefObjects.enterActor();
        long old;
        CriticalSection.begin(container);
        try {
            old = Memory.getLong(slot);
            Memory.putLong(slot, newValue);
        } finally {
            CriticalSection.end();
        }
        RefCount.decref(old);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r2 = RefObjects.deallocations(oldValue);
        r.r3 = RefObjects.countAtFree(oldValue);
    }
}
