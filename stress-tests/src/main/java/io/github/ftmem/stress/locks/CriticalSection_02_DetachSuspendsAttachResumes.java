package io.github.ftmem.stress.locks;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.locks.CriticalSection;
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
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A runtime thread increments a plain counter in a critical section, detaches (which suspends the
 * section and releases the object), re-attaches (which re-acquires it) and increments again; another
 * thread increments once in its own section. The other thread may slip in only while the first is
 * detached. r1: how much the counter grew between the first thread's two increments (1, or 2 if the
 * other slipped in); r2: the final counter.
 * Run alone: {@code java --enable-native-access=ALL-UNNAMED -jar stress-tests/target/jcstress.jar -t CriticalSection_02}
 */
@JCStressTest
@Description("detach suspends a critical section and attach re-acquires it before the thread goes on")
@Outcome(id = "1, 3", expect = ACCEPTABLE, desc = "the other section ran before or after the detach window")
@Outcome(id = "2, 3", expect = ACCEPTABLE_INTERESTING, desc = "the other section ran while the thread was detached")
@Outcome(expect = FORBIDDEN, desc = "a lost update: the section was not exclusive outside the detach window")
@State
public class CriticalSection_02_DetachSuspendsAttachResumes {

    private final MemorySegment block = OffHeap.zeroed(Header.SIZE + 8);
    private final long object = block.address();
    private final long counter = object + Header.SIZE;

    @Actor
    public void detaching(II_Result r) {
        ThreadState self = Runtime.self();
        self.attach();
        CriticalSection.begin(object);
        int first = Memory.getInt(counter) + 1;
        Memory.putInt(counter, first);
        self.detach();
        self.attach();
        int second = Memory.getInt(counter) + 1;
        Memory.putInt(counter, second);
        CriticalSection.end();
        self.detach();
        r.r1 = second - first;
    }

    @Actor
    public void other() {
        CriticalSection.begin(object);
        Memory.putInt(counter, Memory.getInt(counter) + 1);
        CriticalSection.end();
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r2 = Memory.getInt(counter);
    }
}
