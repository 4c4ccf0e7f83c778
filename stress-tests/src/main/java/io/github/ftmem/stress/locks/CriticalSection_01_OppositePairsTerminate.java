package io.github.ftmem.stress.locks;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.locks.CriticalSection;
import io.github.ftmem.stress.shared.OffHeap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two objects, a at the lower address; one actor begins a two-object section on (b, a), the other on
 * (a, b), each inside an outer single section on the object it names second, and both increment a
 * plain counter in a. Locks taken in argument order would deadlock; the second actor uses the timed
 * form so a deadlock shows up as its timeout (after 10 s) instead of hanging the fork.
 * r1, r2: whether each actor got its pair section; r3: the counter.
 * Run alone: {@code java --enable-native-access=ALL-UNNAMED -jar stress-tests/target/jcstress.jar -t CriticalSection_01}
 */
@JCStressTest
@Description("begin2(a, b) and begin2(b, a) on two threads always terminate")
@Outcome(id = "1, 1, 2", expect = ACCEPTABLE, desc = "both sections ran, one after the other")
@Outcome(expect = FORBIDDEN, desc = "a deadlock (timeout) or a lost update")
@State
public class CriticalSection_01_OppositePairsTerminate {

    private final MemorySegment block = OffHeap.zeroed(2L * Header.SIZE + 8);
    private final long a = block.address();
    private final long b = block.address() + Header.SIZE + 8;
    private final long counter = a + Header.SIZE;

    @Actor
    public void ba(III_Result r) {
        CriticalSection.begin(a);
        CriticalSection.begin2(b, a);
        Memory.putInt(counter, Memory.getInt(counter) + 1);
        CriticalSection.end();
        CriticalSection.end();
        r.r1 = 1;
    }

    @Actor
    public void ab(III_Result r) {
        CriticalSection.begin(b);
        try {
            if (CriticalSection.tryBegin2(a, b, 10, TimeUnit.SECONDS)) {
                Memory.putInt(counter, Memory.getInt(counter) + 1);
                CriticalSection.end();
                r.r2 = 1;
            }
        } catch (InterruptedException e) {
            r.r2 = -1;
        } finally {
            CriticalSection.end();
        }
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = Memory.getInt(counter);
    }
}
