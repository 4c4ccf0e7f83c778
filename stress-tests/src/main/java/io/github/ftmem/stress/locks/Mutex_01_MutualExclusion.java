package io.github.ftmem.stress.locks;

import io.github.ftmem.core.Memory;
import io.github.ftmem.locks.Mutex;
import io.github.ftmem.stress.shared.OffHeap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import java.lang.foreign.MemorySegment;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two actors increment a plain (non-atomic) off-heap counter under one mutex, like jcstress's
 * {@code Mutex_*} samples. Each reports the value it wrote: with mutual exclusion they are 1 and 2.
 * Run alone: {@code java --enable-native-access=ALL-UNNAMED -jar stress-tests/target/jcstress.jar -t Mutex_01}
 */
@JCStressTest
@Description("a plain counter incremented under the mutex loses no update")
@Outcome(id = {"1, 2", "2, 1"}, expect = ACCEPTABLE, desc = "the critical sections ran one after the other")
@Outcome(expect = FORBIDDEN, desc = "both read the same value: a lost update, mutual exclusion broken")
@State
public class Mutex_01_MutualExclusion {

    private final MemorySegment block = OffHeap.zeroed(16);
    private final long mutex = block.address();
    private final long counter = block.address() + 8;

    @Actor
    public void first(II_Result r) {
        r.r1 = increment();
    }

    @Actor
    public void second(II_Result r) {
        r.r2 = increment();
    }

    private int increment() {
        Mutex.lock(mutex);
        int value = Memory.getInt(counter) + 1;
        Memory.putInt(counter, value);
        Mutex.unlock(mutex);
        return value;
    }
}
