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
import org.openjdk.jcstress.infra.results.JJJ_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two actors increment one off-heap long, one with a CAS retry loop and one with getAndAdd. Each sees
 * a distinct previous value and the final value counts both increments.
 * Run alone: {@code java --enable-native-access=ALL-UNNAMED -jar stress-tests/target/jcstress.jar -t Memory_01}
 */
@JCStressTest
@Description("CAS and getAndAdd on the global segment lose no update")
@Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = "both increments landed, in either order")
@Outcome(expect = FORBIDDEN, desc = "an update was lost or a previous value seen twice")
@State
public class Memory_01_CasNoLostUpdate {

    private final MemorySegment block = OffHeap.zeroed(8);
    private final long word = block.address();

    @Actor
    public void casIncrement(JJJ_Result r) {
        long seen;
        do {
            seen = Memory.getLongVolatile(word);
        } while (!Memory.compareAndSetLong(word, seen, seen + 1));
        r.r1 = seen;
    }

    @Actor
    public void addIncrement(JJJ_Result r) {
        r.r2 = Memory.getAndAddLong(word, 1);
    }

    @Arbiter
    public void arbiter(JJJ_Result r) {
        r.r3 = Memory.getLongVolatile(word);
    }
}
