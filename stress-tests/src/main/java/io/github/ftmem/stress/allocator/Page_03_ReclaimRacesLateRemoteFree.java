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
 * An abandoned page (owner 0) of 4 blocks with blocks 0 and 1 live. A reclaiming heap takes it over
 * (owner := 2, then merges all lists as {@code Heap.adopt} does) while a late cross-thread free of
 * block 1 arrives. The block must end up either collected by the reclaimer or waiting in
 * {@code threadFree}, never lost or duplicated: one live block remains. r1: used after the reclaimer's
 * collect (1: the free came first, 2: it came after); r2: 1 if the free asked for a notification
 * (never: an abandoned page is not in a full list); r3: live blocks by the invariants (-100: broken);
 * r4: the page owner afterwards.
 * Run alone: {@code java --enable-native-access=ALL-UNNAMED -jar stress-tests/target/jcstress.jar -t Page_03}
 */
@JCStressTest
@Description("Reclaim of an abandoned page racing a late cross-thread free")
@Outcome(id = "1, 0, 1, 2", expect = ACCEPTABLE, desc = "the free landed first; the reclaimer collected it")
@Outcome(id = "2, 0, 1, 2", expect = ACCEPTABLE, desc = "the free landed after the collect; the block waits in threadFree")
@Outcome(expect = FORBIDDEN, desc = "a block lost or duplicated, or a spurious notification")
@State
public class Page_03_ReclaimRacesLateRemoteFree {

    private final PageFixture fixture = new PageFixture(4);

    public Page_03_ReclaimRacesLateRemoteFree() {
        long page = fixture.page;
        Page.popFree(page);
        Page.popFree(page);
        Page.collectAll(page);
        Page.setOwner(page, 0);
    }

    @Actor
    public void reclaimer(IIII_Result r) {
        long page = fixture.page;
        Page.setOwner(page, PageFixture.RECLAIMER);
        Page.collectAll(page);
        r.r1 = Page.used(page);
    }

    @Actor
    public void lateFree(IIII_Result r) {
        r.r2 = Page.freeRemote(fixture.page, fixture.block(1)) ? 1 : 0;
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r3 = fixture.liveOrBroken();
        r.r4 = Page.owner(fixture.page);
    }
}
