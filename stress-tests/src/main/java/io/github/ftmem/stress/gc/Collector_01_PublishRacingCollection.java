package io.github.ftmem.stress.gc;

import io.github.ftmem.gc.model.GcModel;

import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.gc.Collector;
import io.github.ftmem.stress.shared.Runtime;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A mutator creates an object and publishes it into a live container (making a cycle with it), then
 * drops its own reference, while a collector thread runs a whole collection (two stop-the-world
 * pauses at most). Whether the stop lands before, between or after the mutator's steps, the live
 * container and the published object are reachable and must survive intact: r1 = the published
 * object is alive and still points back, r2 = the container is alive.
 *
 * <p>All states share one test heap and one collector (a state holds two 64-byte objects); the
 * arbiter frees both objects, so the heap stays small. Objects are counted by the real biased
 * {@code RefCount}: the container is owned by the thread that built the state, so the actors' and
 * the arbiter's counts go through the shared field and merge queues, which the collector drains.
 */
@JCStressTest
@Description("a reference published into a live object racing a collection is never freed")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "both objects survived the collection")
@Outcome(expect = FORBIDDEN, desc = "the collector freed or cleared a live object")
@State
public class Collector_01_PublishRacingCollection {

    private static final GcModel MODEL = new GcModel();
    private static final Collector COLLECTOR = MODEL.newCollector();

    private final long container = newContainer();

    /** Objects are touched only by attached threads, so the state's constructor attaches too. */
    private static long newContainer() {
        ThreadState self = Runtime.self();
        boolean attachHere = !self.isAttached();
        if (attachHere) {
            self.attach();
        }
        try {
            return MODEL.newContainer();
        } finally {
            if (attachHere) {
                self.detach();
            }
        }
    }

    @Actor
    public void mutator() {
        ThreadState self = Runtime.self();
        self.attach();
        long published = MODEL.newContainer();
        MODEL.set(published, 0, container);
        self.poll();
        MODEL.set(container, 0, published);
        self.poll();
        MODEL.decref(published);
        self.poll();
        self.detach();
    }

    @Actor
    public void collector() {
        ThreadState self = Runtime.self();
        self.attach();
        COLLECTOR.collect();
        self.detach();
    }

    @Arbiter
    public void arbiter(II_Result r) {
        ThreadState self = Runtime.self();
        boolean attachHere = !self.isAttached();
        if (attachHere) {
            self.attach();
        }
        try {
            check(r);
        } finally {
            if (attachHere) {
                self.detach();
            }
        }
    }

    private void check(II_Result r) {
        boolean containerAlive = !MODEL.isFreed(container) && MODEL.count(container) >= 2;
        long published = containerAlive ? MODEL.get(container, 0) : 0;
        r.r1 = published != 0 && !MODEL.isFreed(published) && MODEL.get(published, 0) == container ? 1 : 0;
        r.r2 = containerAlive ? 1 : 0;
        if (containerAlive) {
            MODEL.set(container, 0, 0);
            MODEL.decref(container);
        }
    }
}
