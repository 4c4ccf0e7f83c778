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
 * A page of 4 blocks; the owner has handed out blocks 0, 1, 2, so {@code free} holds block 3. The
 * owner allocates twice (the second allocation finds {@code free} empty and collects), while another
 * thread frees block 1 into {@code threadFree}. No block may be handed out twice and none may be lost:
 * the owner gets block 3 and then either block 1 (the remote free came first; 4 blocks are then live)
 * or nothing (3 live blocks, block 1 waiting in threadFree), and the page's lists stay consistent. r1, r2: blocks the owner got (-1: none); r3: live
 * blocks by the page invariants (-100: broken); r4: 1 if the remote free asked for a notification.
 * Run alone: {@code java --enable-native-access=ALL-UNNAMED -jar stress-tests/target/jcstress.jar -t Page_01}
 */
@JCStressTest
@Description("Owner allocation racing a cross-thread free into the same page")
@Outcome(id = "3, 1, 4, 0", expect = ACCEPTABLE, desc = "the remote free landed first; the owner collected and reused block 1")
@Outcome(id = "3, -1, 3, 0", expect = ACCEPTABLE, desc = "the owner collected before the remote free; block 1 waits in threadFree")
@Outcome(expect = FORBIDDEN, desc = "a block handed out twice, lost, or the page lists broken")
@State
public class Page_01_OwnerAllocatesWhileRemoteFrees {

    private final PageFixture fixture = new PageFixture(4);

    public Page_01_OwnerAllocatesWhileRemoteFrees() {
        for (int i = 0; i < 3; i++) {
            Page.popFree(fixture.page);
        }
    }

    @Actor
    public void owner(IIII_Result r) {
        long page = fixture.page;
        r.r1 = fixture.index(Page.popFree(page));
        long block = Page.popFree(page);
        if (block == 0) {
            Page.collect(page);
            block = Page.popFree(page);
        }
        r.r2 = fixture.index(block);
    }

    @Actor
    public void remote(IIII_Result r) {
        r.r4 = Page.freeRemote(fixture.page, fixture.block(1)) ? 1 : 0;
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r3 = fixture.liveOrBroken();
    }
}
