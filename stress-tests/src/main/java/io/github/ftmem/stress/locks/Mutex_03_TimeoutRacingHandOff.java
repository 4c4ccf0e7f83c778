package io.github.ftmem.stress.locks;

import io.github.ftmem.core.Memory;
import io.github.ftmem.locks.Mutex;
import io.github.ftmem.locks.ParkingLot;
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
 * The mutex starts locked. The waiter tries to lock it for 1 ms; the unlocker unlocks it about 1 ms
 * after the waiter started, when the waiter is old enough for a fairness hand-off and its timeout is
 * firing. A hand-off made to a waiter that then reports a timeout would leave the mutex locked for
 * ever. r1: the waiter acquired it; r2: the final word; r3: waiters left in the parking lot.
 * Run alone: {@code java --enable-native-access=ALL-UNNAMED -jar stress-tests/target/jcstress.jar -t Mutex_03}
 */
@JCStressTest
@Description("a timed lock racing a fairness hand-off either owns the mutex or leaves it unlocked")
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "acquired (by hand-off or by CAS); the word is LOCKED")
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "timed out; the unlock left the word clean")
@Outcome(expect = FORBIDDEN, desc = "a hand-off was lost, the word is inconsistent or a waiter was left behind")
@State
public class Mutex_03_TimeoutRacingHandOff {

    private static final long TIMEOUT_NANOS = 1_000_000;

    private final MemorySegment block = OffHeap.zeroed(8);
    private final long mutex = block.address();
    private volatile long waiterStart;

    public Mutex_03_TimeoutRacingHandOff() {
        Mutex.lock(mutex);
    }

    @Actor
    public void waiter(III_Result r) {
        waiterStart = System.nanoTime();
        try {
            r.r1 = Mutex.tryLock(mutex, TIMEOUT_NANOS, TimeUnit.NANOSECONDS) ? 1 : 0;
        } catch (InterruptedException e) {
            r.r1 = -1;
        }
    }

    @Actor
    public void unlocker() {
        long start;
        while ((start = waiterStart) == 0) {
            Thread.onSpinWait();
        }
        while (System.nanoTime() - start < TIMEOUT_NANOS) {
            Thread.onSpinWait();
        }
        Mutex.unlock(mutex);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r2 = Memory.getIntVolatile(mutex);
        r.r3 = ParkingLot.waiters(mutex);
    }
}
