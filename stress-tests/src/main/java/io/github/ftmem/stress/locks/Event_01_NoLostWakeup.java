package io.github.ftmem.stress.locks;

import io.github.ftmem.core.Memory;
import io.github.ftmem.locks.Event;
import io.github.ftmem.stress.shared.OffHeap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * One actor writes a plain value and sets the event; the other waits for the event (10 s timeout, so
 * a lost wake-up shows up as a timeout rather than a hung fork) and reads the value.
 * r1: the wait saw the event set; r2: the value read after the wait.
 * Run alone: {@code java --enable-native-access=ALL-UNNAMED -jar stress-tests/target/jcstress.jar -t Event_01}
 */
@JCStressTest
@Description("event set/wait never loses the wake-up and publishes prior writes")
@Outcome(id = "1, 42", expect = ACCEPTABLE, desc = "woken (or found set) and saw the value")
@Outcome(expect = FORBIDDEN, desc = "a lost wake-up (timeout) or the value written before set was not visible")
@State
public class Event_01_NoLostWakeup {

    private final MemorySegment block = OffHeap.zeroed(16);
    private final long event = block.address();
    private final long value = block.address() + 8;

    @Actor
    public void setter() {
        Memory.putInt(value, 42);
        Event.set(event);
    }

    @Actor
    public void waiter(II_Result r) {
        try {
            r.r1 = Event.await(event, 10, TimeUnit.SECONDS) ? 1 : 0;
        } catch (InterruptedException e) {
            r.r1 = -1;
        }
        r.r2 = Memory.getInt(value);
    }
}
