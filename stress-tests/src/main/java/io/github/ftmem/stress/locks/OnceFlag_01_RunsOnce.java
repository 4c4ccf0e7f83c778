package io.github.ftmem.stress.locks;

import io.github.ftmem.core.Memory;
import io.github.ftmem.locks.OnceFlag;
import io.github.ftmem.stress.shared.OffHeap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import java.lang.foreign.MemorySegment;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two actors call {@code callOnce} on one flag; the initializer counts its runs and writes a plain
 * value. r1, r2: the value each actor sees after its call returned (the loser must wait for the
 * winner); r3: which actors ran it (1 first, 2 second, 3 both); r4: number of runs.
 * Run alone: {@code java --enable-native-access=ALL-UNNAMED -jar stress-tests/target/jcstress.jar -t OnceFlag_01}
 */
@JCStressTest
@Description("the once-flag runs its initializer exactly once and both callers see its effects")
@Outcome(id = {"42, 42, 1, 1", "42, 42, 2, 1"}, expect = ACCEPTABLE, desc = "one run, seen by both")
@Outcome(expect = FORBIDDEN, desc = "ran twice or not at all, or a caller returned before the effects were visible")
@State
public class OnceFlag_01_RunsOnce {

    private final MemorySegment block = OffHeap.zeroed(16);
    private final long flag = block.address();
    private final long value = block.address() + 8;
    private int runs;
    private boolean ranInFirst;
    private boolean ranInSecond;

    @Actor
    public void first(IIII_Result r) {
        if (OnceFlag.callOnce(flag, this::initialize)) {
            ranInFirst = true;
        }
        r.r1 = Memory.getInt(value);
    }

    @Actor
    public void second(IIII_Result r) {
        if (OnceFlag.callOnce(flag, this::initialize)) {
            ranInSecond = true;
        }
        r.r2 = Memory.getInt(value);
    }

    private void initialize() {
        runs++;
        Memory.putInt(value, 42);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r3 = (ranInFirst ? 1 : 0) + (ranInSecond ? 2 : 0);
        r.r4 = runs;
    }
}
