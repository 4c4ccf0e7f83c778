package io.github.ftmem.stress.allocator;

import io.github.ftmem.allocator.internal.Page;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A full page of 2 blocks in its owner's full list ({@code IN_FULL} set). The owner's thread exits
 * and abandons it ({@code Heap.abandonPage}: merge all lists, then owner := 0) while another thread
 * frees block 1. The free either lands before the merge (collected: used 1) or after it (waiting in
 * {@code threadFree} for the reclaimer: used 2); a notification may be requested only if the free
 * came before the merge cleared {@code IN_FULL} (it then goes to a heap that is gone, harmlessly).
 * Either way one block stays live and the lists stay consistent. r1: used after the merge; r2: 1 if
 * the free asked for a notification; r3: live blocks by the invariants (-100: broken); r4: owner.
 * Run alone: {@code java --enable-native-access=ALL-UNNAMED -jar stress-tests/target/jcstress.jar -t Page_04}
 */
@JCStressTest
@Description("Abandon of a full page racing a cross-thread free")
@Outcome(id = "1, 1, 1, 0", expect = ACCEPTABLE, desc = "the free came first (cleared IN_FULL, asks to notify); the merge collected it")
@Outcome(id = "2, 0, 1, 0", expect = ACCEPTABLE, desc = "the merge came first (cleared IN_FULL); the block waits in threadFree")
@Outcome(expect = FORBIDDEN, desc = "a block lost or duplicated, or IN_FULL survived the merge")
@State
public class Page_04_AbandonRacesRemoteFree {

    private final PageFixture fixture = new PageFixture(2);

    public Page_04_AbandonRacesRemoteFree() {
        long page = fixture.page;
        Page.popFree(page);
        Page.popFree(page);
        Page.collectOrMarkFull(page);
    }

    @Actor
    public void abandoningOwner(IIII_Result r) {
        long page = fixture.page;
        Page.collectAll(page);
        Page.setOwner(page, 0);
        r.r1 = Page.used(page);
    }

    @Actor
    public void remote(IIII_Result r) {
        r.r2 = Page.freeRemote(fixture.page, fixture.block(1)) ? 1 : 0;
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r3 = (Page.threadFree(fixture.page) & Page.IN_FULL) != 0 ? -1 : fixture.liveOrBroken();
        r.r4 = Page.owner(fixture.page);
    }
}
