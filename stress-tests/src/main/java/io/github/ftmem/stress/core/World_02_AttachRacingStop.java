package io.github.ftmem.stress.core;

import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;
import io.github.ftmem.stress.shared.Runtime;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A detached thread attaches (without ever polling) while another thread stops the world. The
 * attach either loses the race (it is suspended and waits for the start) or wins it (the requester
 * waits until it detaches). r1: the requester saw the attacher's write made while attached, proving
 * it was waited for; r2: the attacher saw the world stopped while attached (forbidden).
 */
@JCStressTest
@Description("an attach racing a stop is suspended or waited for, never attached while stopped")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "the stop came first; the attacher ran after the start")
@Outcome(id = "1, 0", expect = ACCEPTABLE_INTERESTING, desc = "the attach came first; the requester waited for it")
@Outcome(expect = FORBIDDEN, desc = "the attacher ran attached while the world was stopped")
@State
public class World_02_AttachRacingStop {

    private int writtenWhileAttached;

    @Actor
    public void requester(II_Result r) {
        World.stop();
        r.r1 = writtenWhileAttached;
        World.start();
    }

    @Actor
    public void attacher(II_Result r) {
        ThreadState self = Runtime.self();
        self.attach();
        r.r2 = World.isStopped() ? 1 : 0;
        writtenWhileAttached = 1;
        self.detach();
    }
}
