package io.github.ftmem.stress.interpreter;

import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.interpreter.runtime.FrameProbe;
import io.github.ftmem.stress.shared.Runtime;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import java.io.OutputStream;
import java.io.PrintStream;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The holder takes an uncounted stack reference to a deferred class in a real interpreter frame (as
 * the evaluator does for the callee of {@code Cls()}), drops the class's last counted reference, so
 * that the frame is all that keeps it, and reaches a safepoint; the collector runs a whole collection
 * with the world stopped, landing before, during or after the hold. r1 = the class came out of the
 * safepoint intact (still deferred, tracked, namespace not cleared, not finalized), r2 = the stack
 * reference was uncounted (recorded in the frame, not in the count).
 *
 * <p>One interpreter {@code Runtime} is shared by all states (created once, by the thread that first
 * loads the class); each state's class becomes garbage when the holder releases it and is freed by a
 * later state's collection, so the heap stays small.
 */
@JCStressTest
@Description("a deferred object referenced only by an uncounted frame reference survives a collection")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "the class stayed alive while only the frame referenced it")
@Outcome(expect = FORBIDDEN, desc = "the collector freed or cleared a class held by a frame, or the reference was counted")
@State
public class FrameRoots_01_UncountedReferenceSurvivesCollection {

    private static final String NAME = "Held";
    private static final io.github.ftmem.interpreter.runtime.Runtime RUNTIME = newRuntime();

    private final long cls = newClass();

    private static io.github.ftmem.interpreter.runtime.Runtime newRuntime() {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        return attached(() -> new io.github.ftmem.interpreter.runtime.Runtime(discard, discard));
    }

    private static long newClass() {
        return attached(() -> FrameProbe.newDeferredClass(NAME));
    }

    private static <T> T attached(java.util.function.Supplier<T> body) {
        ThreadState self = Runtime.self();
        boolean attachHere = !self.isAttached();
        if (attachHere) {
            self.attach();
        }
        try {
            return body.get();
        } finally {
            if (attachHere) {
                self.detach();
            }
        }
    }

    @Actor
    public void holder(II_Result r) {
        ThreadState self = Runtime.self();
        self.attach();
        FrameProbe frame = FrameProbe.enter();
        long ref = frame.hold(cls);
        FrameProbe.decref(cls);
        self.poll();
        r.r1 = FrameProbe.isIntactClass(cls, NAME) ? 1 : 0;
        r.r2 = FrameProbe.isUncounted(ref) ? 1 : 0;
        frame.release(ref);
        frame.exit();
        self.detach();
    }

    @Actor
    public void collector() {
        ThreadState self = Runtime.self();
        self.attach();
        RUNTIME.collector.collect();
        self.detach();
    }
}
