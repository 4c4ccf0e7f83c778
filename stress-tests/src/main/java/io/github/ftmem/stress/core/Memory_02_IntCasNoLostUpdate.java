package io.github.ftmem.stress.core;

import io.github.ftmem.stress.shared.OffHeap;
import io.github.ftmem.core.Memory;
import java.lang.foreign.MemorySegment;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The int flavour: getAndAdd and a compareAndExchange loop on one off-heap int lose no update.
 */
@JCStressTest
@Description("int CAS and getAndAdd on the global segment lose no update")
@Outcome(id = {"0, 1, 5", "4, 0, 5"}, expect = ACCEPTABLE, desc = "both updates landed, in either order")
@Outcome(expect = FORBIDDEN, desc = "an update was lost")
@State
public class Memory_02_IntCasNoLostUpdate {

    private final MemorySegment block = OffHeap.zeroed(8);
    private final long word = block.address();

    @Actor
    public void exchangeAddOne(III_Result r) {
        int expected = Memory.getIntVolatile(word);
        int witness;
        while ((witness = Memory.compareAndExchangeInt(word, expected, expected + 1)) != expected) {
            expected = witness;
        }
        r.r1 = expected;
    }

    @Actor
    public void addFour(III_Result r) {
        r.r2 = Memory.getAndAddInt(word, 4);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = Memory.getIntVolatile(word);
    }
}
