package io.github.ftmem.stress.locks;

import io.github.ftmem.locks.ParkingLot;
import io.github.ftmem.stress.shared.OffHeap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJ_Result;

import java.lang.foreign.MemorySegment;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A waiter parks with a 50 µs deadline; the unparker calls {@code unparkOne} (token 42) just before that
 * deadline, so the timeout and the unpark race. The waiter must return exactly what the unparker
 * decided: the token if it was chosen, a timeout if not. r1: park result; r2: 1 if unparkOne woke
 * someone; r3: waiters left.
 * Run alone: {@code java --enable-native-access=ALL-UNNAMED -jar stress-tests/target/jcstress.jar -t ParkingLot_01}
 */
@JCStressTest
@Description("a timed-out waiter that an unparker already chose takes its token")
@Outcome(id = "42, 1, 0", expect = ACCEPTABLE, desc = "chosen by the unparker (possibly after its timeout fired)")
@Outcome(id = "-2, 0, 0", expect = ACCEPTABLE_INTERESTING, desc = "timed out and left before the unpark, or parked after it")
@Outcome(expect = FORBIDDEN, desc = "chosen but reported a timeout (a lost hand-off), or a waiter was left behind")
@State
public class ParkingLot_01_TimeoutRacingUnpark {

    private static final long TIMEOUT_NANOS = 50_000;

    private final MemorySegment block = OffHeap.zeroed(8);
    private final long word = block.address();
    private volatile long deadline;

    @Actor
    public void waiter(JJJ_Result r) {
        long parkDeadline = System.nanoTime() + TIMEOUT_NANOS;
        deadline = parkDeadline;
        r.r1 = ParkingLot.park(word, 0, parkDeadline, 7);
    }

    @Actor
    public void unparker(JJJ_Result r) {
        long parkDeadline;
        while ((parkDeadline = deadline) == 0) {
            Thread.onSpinWait();
        }
        while (parkDeadline - System.nanoTime() > 5_000) {
            Thread.onSpinWait();
        }
        r.r2 = ParkingLot.unparkOne(word, (address, unparked, parkToken, more) -> unparked && parkToken == 7 ? 42 : 0) ? 1 : 0;
    }

    @Arbiter
    public void arbiter(JJJ_Result r) {
        r.r3 = ParkingLot.waiters(word);
    }
}
