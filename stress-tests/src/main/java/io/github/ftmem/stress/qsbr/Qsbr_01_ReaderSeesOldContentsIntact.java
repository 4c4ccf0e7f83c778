package io.github.ftmem.stress.qsbr;

import io.github.ftmem.allocator.Allocator;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.qsbr.Qsbr;
import io.github.ftmem.stress.shared.OffHeap;
import io.github.ftmem.stress.shared.Runtime;
import java.lang.foreign.MemorySegment;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A writer swaps the block in a slot and retires the old one with {@code freeDelayed}, then tries as
 * hard as it can to get it reused: it processes its queue, reports itself quiescent, processes again
 * and allocates a block of the same class, writing into it. The allocator is in debug mode, so a
 * reclaimed block is filled with 0xDF. A reader attached across its load of the slot and its read of
 * the block must see the old contents (42) or the new block (43), never the fill or the reuser's 99.
 */
@JCStressTest
@Description("a reader that loaded a pointer before it was retired reads the old contents intact")
@Outcome(id = "42", expect = ACCEPTABLE, desc = "the reader loaded the old block and read it intact")
@Outcome(id = "43", expect = ACCEPTABLE_INTERESTING, desc = "the reader loaded the new block")
@Outcome(expect = FORBIDDEN, desc = "the reader read a reclaimed or reused block")
@State
public class Qsbr_01_ReaderSeesOldContentsIntact {

    static final Allocator ALLOCATOR = Allocator.builder().tags(1).debug(true).build();
    static final int SIZE = 48;

    private final long oldBlock;
    private final long newBlock;
    /** Keeps the slot's memory alive for as long as the state lives. */
    private final MemorySegment slotMemory = OffHeap.zeroed(8);
    /** The shared slot, read without a lock by the reader. */
    private final long slot = slotMemory.address();

    public Qsbr_01_ReaderSeesOldContentsIntact() {
        oldBlock = ALLOCATOR.allocate(0, SIZE);
        Memory.putLong(oldBlock + 16, 42);
        newBlock = ALLOCATOR.allocate(0, SIZE);
        Memory.putLong(newBlock + 16, 43);
        Memory.putLongVolatile(slot, oldBlock);
    }

    @Actor
    public void writer() {
        ThreadState self = Runtime.self();
        self.attach();
        Memory.putLongRelease(slot, newBlock);
        ALLOCATOR.freeDelayed(oldBlock);
        Qsbr.processDelayed();
        self.poll();
        Qsbr.processDelayed();
        long reuse = ALLOCATOR.allocate(0, SIZE);
        Memory.putLong(reuse + 16, 99);
        ALLOCATOR.free(reuse);
        self.detach();
    }

    @Actor
    public void reader(J_Result r) {
        ThreadState self = Runtime.self();
        self.attach();
        long block = Memory.getLongAcquire(slot);
        r.r1 = Memory.getLong(block + 16);
        self.detach();
    }

    @Arbiter
    public void cleanUp() {
        ALLOCATOR.free(newBlock);
    }
}
