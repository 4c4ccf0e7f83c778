package io.github.ftmem.stress.interpreter;

import io.github.ftmem.allocator.Allocator;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.qsbr.Qsbr;
import io.github.ftmem.refcount.RefCount;
import io.github.ftmem.stress.shared.OffHeap;
import io.github.ftmem.stress.shared.RefObjects;
import io.github.ftmem.stress.shared.Runtime;
import java.lang.foreign.MemorySegment;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The interpreter's lock-free list read ({@code Lists.getShared}): the reader loads the items block,
 * loads slot 0, try-increfs the value and keeps it only if the list still has that block and the slot
 * still holds the value. The writer replaces the items block (release store), drops the list's only
 * reference to the old value (which deallocates it) and retires the old block with {@code freeDelayed},
 * then tries to get the block reused: it processes its queue, reports itself quiescent, processes again
 * and allocates a block of the same size class, writing a bogus pointer into it.
 * <p>r1: what the reader got — 1 the old value, 2 the new one, 4 a value that failed the re-check, 5 a
 * failed try-incref (both fall back to the locked read), 3 the bogus pointer (it read reused storage);
 * r2: deallocations of the value the reader held a reference to, while it held it (0);
 * r3: deallocations of the old value at the end (1).
 */
@JCStressTest
@Description("lock-free list read: try-incref + re-check never keeps a freed value or reads reused storage")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "the old value, alive while held")
@Outcome(id = "2, 0, 1", expect = ACCEPTABLE, desc = "the new block's value")
@Outcome(id = "4, 0, 1", expect = ACCEPTABLE_INTERESTING, desc = "the re-check saw the replacement: locked fallback")
@Outcome(id = "5, 0, 1", expect = ACCEPTABLE_INTERESTING, desc = "the old value was already dead: locked fallback")
@Outcome(expect = FORBIDDEN, desc = "kept a freed value, read reused storage, or freed the old value twice")
@State
public class ListRead_01_LockFreeReadRacingReplace {

    static final Allocator ALLOCATOR = Allocator.builder().tags(1).qsbrTags(0).build();
    static final int ITEMS_SIZE = 32;
    static final long BOGUS = 0xBAD0;

    /** The list object's items word, read without a lock. */
    private final MemorySegment listMemory = OffHeap.zeroed(8);
    private final long listItems = listMemory.address();
    private final MemorySegment oldMemory = RefObjects.allocate();
    private final MemorySegment newMemory = RefObjects.allocate();
    private final long oldValue = oldMemory.address();
    private final long newValue = newMemory.address();
    private final long oldItems;
    private final long newItems;

    public ListRead_01_LockFreeReadRacingReplace() {
        RefObjects.newUnownedObject(oldValue, 1);
        RefObjects.newUnownedObject(newValue, 1);
        oldItems = ALLOCATOR.allocate(0, ITEMS_SIZE);
        Memory.putLong(oldItems, oldValue);
        newItems = ALLOCATOR.allocate(0, ITEMS_SIZE);
        Memory.putLong(newItems, newValue);
        Memory.putLongVolatile(listItems, oldItems);
    }

    @Actor
    public void reader(III_Result r) {
        RefObjects.enterActor();
        ThreadState self = Runtime.self();
        self.attach();
        long items = Memory.getLongAcquire(listItems);
        long v = Memory.getLongAcquire(items);
        if (v == BOGUS) {
            r.r1 = 3;
        } else if (RefCount.tryIncref(v)) {
            if (Memory.getLongAcquire(listItems) == items && Memory.getLongAcquire(items) == v) {
                r.r1 = v == oldValue ? 1 : 2;
                r.r2 = RefObjects.deallocations(v);
            } else {
                r.r1 = 4;
            }
            RefCount.decref(v);
        } else {
            r.r1 = 5;
        }
        self.detach();
    }

    @Actor
    public void writer() {
        RefObjects.enterActor();
        ThreadState self = Runtime.self();
        self.attach();
        Memory.putLongRelease(listItems, newItems);
        RefCount.decref(oldValue);
        ALLOCATOR.freeDelayed(oldItems);
        Qsbr.processDelayed();
        self.poll();
        Qsbr.processDelayed();
        long reuse = ALLOCATOR.allocate(0, ITEMS_SIZE);
        Memory.putLong(reuse, BOGUS);
        ALLOCATOR.free(reuse);
        self.detach();
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = RefObjects.deallocations(oldValue);
        ALLOCATOR.free(newItems);
    }
}
