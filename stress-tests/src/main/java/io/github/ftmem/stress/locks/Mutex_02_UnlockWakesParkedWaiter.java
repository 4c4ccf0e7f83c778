package io.github.ftmem.stress.locks;

import io.github.ftmem.locks.Mutex;
import io.github.ftmem.stress.shared.OffHeap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import java.lang.foreign.MemorySegment;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The mutex starts locked; the actor blocks in {@code lock} (spinning, then parked with HAS_PARKED
 * set) and the signal unlocks it from another thread. A lost wake-up leaves the actor parked for ever.
 * Run alone: {@code java --enable-native-access=ALL-UNNAMED -jar stress-tests/target/jcstress.jar -t Mutex_02}
 */
@JCStressTest(Mode.Termination)
@Description("unlock wakes a waiter parked on the mutex")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter acquired the mutex after the unlock")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "the waiter stayed parked: a lost wake-up")
@State
public class Mutex_02_UnlockWakesParkedWaiter {

    private final MemorySegment block = OffHeap.zeroed(8);
    private final long mutex = block.address();

    public Mutex_02_UnlockWakesParkedWaiter() {
        Mutex.lock(mutex);
    }

    @Actor
    public void waiter() {
        Mutex.lock(mutex);
    }

    @Signal
    public void unlocker() {
        Mutex.unlock(mutex);
    }
}
