package io.github.ftmem.stress.interpreter;

import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.interpreter.runtime.GeneratorHandOff;
import io.github.ftmem.stress.shared.Runtime;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import java.util.concurrent.atomic.AtomicInteger;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The THREAD generator hand-off: a caller resumes a generator twice; the generator yields 1, receives the
 * sent 5, yields 2 and finishes. Each side's "Python code" marks {@code running} (an atomic, so an overlap
 * is seen whatever the JIT does) and checks that the other side is detached. Values cross in plain fields,
 * published only by the hand-off.
 * r1: overlaps (both sides in Python code at once); r2: times the waiting side was attached while the other
 * ran; r3: the two yielded values as the caller saw them (first * 10 + second); r4: the value the generator
 * received from send.
 * Run alone: {@code java --enable-native-access=ALL-UNNAMED -jar stress-tests/target/jcstress.jar -t GeneratorHandOff_01}
 */
@JCStressTest
@Description("generator hand-off: exactly one side runs Python code, the other is detached, no value lost")
@Outcome(id = "0, 0, 12, 5", expect = ACCEPTABLE, desc = "strict alternation, every value seen")
@Outcome(expect = FORBIDDEN, desc = "both sides ran at once, a waiting side stayed attached, or a value was lost")
@State
public class GeneratorHandOff_01_OneSideRuns {
    private static final int CALLER = 1, GENERATOR = 2;

    private final GeneratorHandOff handOff = new GeneratorHandOff();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger attachedWhileWaiting = new AtomicInteger();
    /** Plain: written by the side holding the turn, read by the other after the hand-off. */
    private long transfer;
    /** Plain: each written before its side's first hand-off action, read only after one. */
    private ThreadState callerState;
    private ThreadState generatorState;

    @Actor
    public void caller(IIII_Result r) {
        ThreadState self = Runtime.self();
        callerState = self;
        self.attach();
        try {
            handOff.runGenerator(null);
            long first = transfer;
            python(CALLER, generatorState);
            transfer = 5;
            handOff.runGenerator(null);
            long second = transfer;
            // The generator has finished: like the real generator thread it may still be attached
            // on its way out (it runs no Python code any more), so it is not checked here.
            python(CALLER, null);
            r.r1 = overlaps.get();
            r.r2 = attachedWhileWaiting.get();
            r.r3 = (int) (first * 10 + second);
        } finally {
            self.detach();
        }
    }

    @Actor
    public void generator(IIII_Result r) {
        ThreadState self = Runtime.self();
        generatorState = self;
        self.attach();
        try {
            handOff.awaitTurn();
            python(GENERATOR, callerState);
            transfer = 1;
            handOff.yieldToCaller();
            r.r4 = (int) transfer;
            python(GENERATOR, callerState);
            transfer = 2;
        } finally {
            handOff.finish();
            self.detach();
        }
    }

    private void python(int side, ThreadState other) {
        if (running.getAndSet(side) != 0) {
            overlaps.incrementAndGet();
        }
        if (other != null && other.state() == ThreadState.ATTACHED) {
            attachedWhileWaiting.incrementAndGet();
        }
        Thread.onSpinWait();
        if (running.getAndSet(0) != side) {
            overlaps.incrementAndGet();
        }
    }
}
