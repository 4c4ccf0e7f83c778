package io.github.ftmem.stress.allocator;

import io.github.ftmem.allocator.internal.Page;
import io.github.ftmem.core.Memory;
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
 * A full one-block page: its only block is live. The owner, finding nothing to hand out, runs
 * {@link Page#collectOrMarkFull} (collect, else declare the page full); another thread frees the last
 * block. Either the owner sees the block (and does not declare the page full) or the page is
 * declared full and the remote free is told to notify the owner; a full page with a freed block and
 * no notification would never be used again. r1: 1 if the owner declared the page full; r2: 1 if the
 * remote free must notify; r3: live blocks by the page invariants (-100: broken); r4: blocks the owner
 * can hand out once it has acted on the notification, if any (1 in every correct run).
 * Run alone: {@code java --enable-native-access=ALL-UNNAMED -jar stress-tests/target/jcstress.jar -t Page_02}
 */
@JCStressTest
@Description("Cross-thread free of the last block of a full page is never lost")
@Outcome(id = "0, 0, 0, 1", expect = ACCEPTABLE, desc = "the free came first: the owner collected the block")
@Outcome(id = "1, 1, 0, 1", expect = ACCEPTABLE, desc = "the page was declared full; the free cleared IN_FULL and notifies the owner")
@Outcome(expect = FORBIDDEN, desc = "the page is full and nobody knows its block is free, or the lists broke")
@State
public class Page_02_RemoteFreeOfFullPageNotifies {

    private final PageFixture fixture = new PageFixture(1);
    private final long block;

    public Page_02_RemoteFreeOfFullPageNotifies() {
        block = Page.popFree(fixture.page);
    }

    @Actor
    public void owner(IIII_Result r) {
        r.r1 = Page.collectOrMarkFull(fixture.page) ? 0 : 1;
    }

    @Actor
    public void remote(IIII_Result r) {
        r.r2 = Page.freeRemote(fixture.page, block) ? 1 : 0;
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        long page = fixture.page;
        r.r3 = fixture.liveOrBroken();
        if (r.r2 == 1) {
            // what the owner does when it drains the notification
            Page.collect(page);
        }
        int available = 0;
        for (long b = Page.free(page); b != 0; b = Memory.getLong(b)) {
            available++;
        }
        r.r4 = available;
    }
}
