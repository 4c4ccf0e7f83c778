package io.github.ftmem.stress.interpreter;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.interpreter.runtime.PyLocks;
import io.github.ftmem.interpreter.runtime.Types;
import io.github.ftmem.stress.shared.OffHeap;
import io.github.ftmem.stress.shared.Runtime;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import java.lang.foreign.MemorySegment;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Python's {@code lock.acquire(timeout=...)} racing {@code lock.release()} from another thread (a Lock may be
 * released by any thread): the lock starts locked; one thread acquires with a 1 ms timeout while the other
 * releases. r1: whether the acquire succeeded; r2: whether the lock is locked at the end.
 */
@JCStressTest
@Description("Python lock: a timed acquire racing a release either gets the lock or times out, never both or neither")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "the release came first (or during the wait): acquired, locked")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "the timeout expired before the release: not acquired, unlocked")
@Outcome(expect = FORBIDDEN, desc = "acquired but unlocked, or timed out while the lock stayed locked")
@State
public class PyLock_01_TimedAcquireRacingRelease {
    private final MemorySegment memory = OffHeap.zeroed(Header.SIZE + 32);
    private final long lock = memory.address();

    public PyLock_01_TimedAcquireRacingRelease() {
        Memory.putInt(lock + Header.TYPE, Types.LOCK);
        PyLocks.acquire(lock, false, -1);
    }

    @Actor
    public void acquirer(II_Result r) {
        ThreadState self = Runtime.self();
        self.attach();
        try {
            r.r1 = PyLocks.acquire(lock, true, 0.001) ? 1 : 0;
        } finally {
            self.detach();
        }
    }

    @Actor
    public void releaser() {
        PyLocks.release(lock);
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r2 = PyLocks.isLocked(lock) ? 1 : 0;
    }
}
