package io.github.ftmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.ftmem.core.Memory;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A randomized model test in the spirit of mimalloc's test-stress: two runtime threads allocate in two
 * tags, free locally, hand blocks to each other (which free them cross-thread or keep them), and exit
 * every generation leaving orphaned blocks that the next generation's threads free (exercising abandon
 * and reclaim). Every block carries a pattern derived from its id, checked before it is freed; once per
 * generation the world is stopped mid-run and {@link Allocator#visit} must report exactly the model's
 * live blocks, none overlapping. At the end every block is freed and the live count is 0.
 *
 * <p>CI runs 10 million operations ({@code -Dftmem.allocator.modelOps=N} changes it; a long run:
 * {@code -Dftmem.allocator.modelOps=500000000}).
 */
class RandomizedModelTest {

    private static final long TOTAL_OPS = Long.getLong("ftmem.allocator.modelOps", 10_000_000L);
    private static final int GENERATIONS = 10;
    private static final int THREADS = 2;
    private static final int MAX_LIVE_PER_THREAD = 20_000;
    /** Pattern words written per block: the first PATTERN_HEAD bytes, then every 4 KiB, then the last word. */
    private static final int PATTERN_HEAD = 256;

    /** A block in the model: address, requested size, tag, pattern seed. */
    record Block(long address, long size, int tag, long seed) {
    }

    private final Allocator allocator = Allocator.builder().tags(2).build();
    private final ConcurrentLinkedQueue<Block> orphans = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    @Test
    void randomOperationsKeepEveryBlockIntactAndDisjoint() throws Exception {
        long opsPerThread = TOTAL_OPS / GENERATIONS / THREADS;
        for (int generation = 0; generation < GENERATIONS; generation++) {
            Worker[] workers = new Worker[THREADS];
            for (int i = 0; i < THREADS; i++) {
                workers[i] = new Worker(generation * 31L + i, opsPerThread);
            }
            for (int i = 0; i < THREADS; i++) {
                workers[i].peer = workers[(i + 1) % THREADS];
            }
            Thread[] threads = new Thread[THREADS];
            for (int i = 0; i < THREADS; i++) {
                Worker worker = workers[i];
                threads[i] = RuntimeThreads.newThread("model-" + generation + "-" + i, worker);
                threads[i].start();
            }
            Thread.sleep(20);
            checkWhileStopped(workers);
            for (Thread thread : threads) {
                thread.join();
            }
            if (failure.get() != null) {
                fail("worker failed", failure.get());
            }
            for (Worker worker : workers) {
                orphans.addAll(worker.inbox);
            }
        }
        Block block;
        while ((block = orphans.poll()) != null) {
            check(block);
            allocator.free(block.address);
        }
        allocator.collect(true);
        allocator.validate();
        AllocatorStatistics stats = allocator.statistics();
        assertEquals(0, stats.liveBlocks(), stats.toString());
        assertEquals(0, stats.pagesAbandoned(), stats.toString());
        assertTrue(stats.pagesAbandonedTotal() > 0 && stats.pagesReclaimedTotal() > 0, stats.toString());
    }

    private final class Worker implements Runnable {
        final SplittableRandom random;
        final long ops;
        final ConcurrentLinkedQueue<Block> inbox = new ConcurrentLinkedQueue<>();
        final Block[] live = new Block[MAX_LIVE_PER_THREAD];
        int liveCount;
        Worker peer;
        long nextSeed;

        Worker(long seed, long ops) {
            this.random = new SplittableRandom(seed);
            this.ops = ops;
            this.nextSeed = seed << 40;
        }

        @Override
        public void run() {
            try {
                ThreadState self = RuntimeThreads.current();
                for (long op = 0; op < ops; op++) {
                    self.poll();
                    step();
                }
                for (Block block = inbox.poll(); block != null; block = inbox.poll()) {
                    free(block);
                }
                for (int i = 0; i < liveCount; i++) {
                    if ((i & 1) == 0) {
                        orphans.add(live[i]);
                    } else {
                        free(live[i]);
                    }
                }
                liveCount = 0;
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }

        private void step() {
            Block received = inbox.poll();
            if (received != null) {
                if (random.nextBoolean() && liveCount < live.length) {
                    check(received);
                    live[liveCount++] = received;
                } else {
                    free(received);
                }
                return;
            }
            int choice = random.nextInt(100);
            if (choice < 52 && liveCount < live.length) {
                live[liveCount++] = allocate();
            } else if (liveCount > 0) {
                int index = random.nextInt(liveCount);
                Block block = live[index];
                live[index] = live[--liveCount];
                live[liveCount] = null;
                if (choice < 88) {
                    free(block);
                } else if (choice < 99) {
                    check(block);
                    peer.inbox.add(block);
                } else {
                    check(block);
                    orphans.add(block);
                }
            } else {
                Block orphan = orphans.poll();
                if (orphan != null) {
                    free(orphan);
                }
            }
        }

        private Block allocate() {
            int bucket = random.nextInt(1000);
            long size;
            if (bucket < 700) {
                size = 8 + random.nextInt(249);
            } else if (bucket < 950) {
                size = 257 + random.nextInt(3840);
            } else if (bucket < 999) {
                size = 4097 + random.nextInt(61_440);
            } else {
                size = 65_537 + random.nextInt(200_000);
            }
            int tag = random.nextInt(2);
            long address = random.nextInt(64) == 0
                    ? allocator.allocateAligned(tag, size, 64L << random.nextInt(5))
                    : allocator.allocate(tag, size);
            Block block = new Block(address, size, tag, nextSeed++);
            write(block);
            return block;
        }

        private void free(Block block) {
            check(block);
            allocator.free(block.address);
        }
    }

    private static void write(Block block) {
        forEachPatternWord(block, true);
    }

    private static void check(Block block) {
        forEachPatternWord(block, false);
    }

    private static void forEachPatternWord(Block block, boolean write) {
        long words = block.size / 8;
        long head = Math.min(words, PATTERN_HEAD / 8);
        for (long w = 0; w < words; w = w < head - 1 ? w + 1 : (w == words - 1 ? words : Math.min(words - 1, w + 512))) {
            long address = block.address + w * 8;
            long expected = block.seed * 0x9E37_79B9_7F4A_7C15L + w;
            if (write) {
                Memory.putLong(address, expected);
            } else if (Memory.getLong(address) != expected) {
                throw new AssertionError("block 0x" + Long.toHexString(block.address) + " (" + block.size + " B, tag "
                        + block.tag + ") corrupted at word " + w);
            }
        }
    }

    /** Stops the world mid-run: visit must see exactly the model's live blocks, disjoint. */
    private void checkWhileStopped(Worker[] workers) {
        World.stop();
        try {
            TreeMap<Long, Block> model = new TreeMap<>();
            for (Worker worker : workers) {
                for (int i = 0; i < worker.liveCount; i++) {
                    model.put(worker.live[i].address, worker.live[i]);
                }
                worker.inbox.forEach(b -> model.put(b.address, b));
            }
            orphans.forEach(b -> model.put(b.address, b));
            for (int tag = 0; tag < 2; tag++) {
                List<long[]> visited = new ArrayList<>();
                allocator.visit(tag, (address, size) -> visited.add(new long[] {address, size}));
                long[][] blocks = visited.toArray(new long[0][]);
                Arrays.sort(blocks, (a, b) -> Long.compare(a[0], b[0]));
                for (int i = 1; i < blocks.length; i++) {
                    assertTrue(blocks[i - 1][0] + blocks[i - 1][1] <= blocks[i][0], "blocks overlap");
                }
                int expected = 0;
                for (Block block : model.values()) {
                    if (block.tag == tag) {
                        expected++;
                    }
                }
                assertEquals(expected, blocks.length, "visited blocks of tag " + tag);
                for (long[] b : blocks) {
                    long start = b[0];
                    long end = b[0] + b[1];
                    Map.Entry<Long, Block> inside = model.ceilingEntry(start);
                    Block owner = inside != null && inside.getKey() < end && inside.getValue().tag == tag ? inside.getValue() : null;
                    assertTrue(owner != null && owner.address + owner.size <= end, "visited block without a model block");
                    check(owner);
                }
            }
            allocator.validate();
            assertEquals(model.size(), allocator.statistics().liveBlocks());
        } finally {
            World.start();
        }
    }
}
