package io.github.ftmem.allocator;

import io.github.ftmem.allocator.internal.Engine;
import io.github.ftmem.allocator.internal.SizeClasses;
import io.github.ftmem.core.Memory;
import java.time.Duration;

/**
 * A general-purpose off-heap allocator in the style of mimalloc: {@code malloc}/{@code free} for
 * addresses ({@code long}s usable with {@link Memory}), with per-thread heaps, one per thread per
 * <em>tag</em>.
 *
 * <pre>{@code
 * Allocator allocator = Allocator.builder().tags(3).build();
 * long block = allocator.allocate(OBJECTS, 48);     // 16-byte aligned, contents undefined
 * Memory.putLong(block, 42);
 * allocator.free(block);                            // from any thread
 * }</pre>
 *
 * <p><b>Tags</b> are small integers chosen by the caller ({@code 0 … tags-1}); blocks of different
 * tags never share a page, so {@link #visit} can walk one tag (e.g. GC-tracked objects) without
 * touching the others.
 *
 * <p><b>Threads.</b> Any Java thread may allocate and free. Runtime threads (registered with
 * {@code RuntimeThreads}) have their heaps abandoned when they unregister (or, if they die
 * registered, when the next stop-the-world reaps them); other threads' heaps are abandoned when the
 * allocator notices the thread is dead (on its slow paths, {@link #statistics}, {@link #visit},
 * {@link #collect}) or when the thread calls {@link #releaseCurrentThread()}. Blocks of an abandoned
 * heap stay valid; their pages are reclaimed by other threads of the same tag. The only restriction:
 * {@link #visit} of a tag needs every thread with a heap of that tag stopped, so threads that
 * allocate in visited tags must be registered runtime threads (an unregistered one is reported).
 *
 * <p><b>Misuse.</b> {@code free} of a foreign address, a misaligned address or (in most cases) a
 * block that is already free is an {@link IllegalArgumentException} that leaves the allocator intact.
 * Debug mode ({@link Builder#debug(boolean)}, default from {@code -Dftmem.allocator.debug=true}) adds
 * exact double-free and foreign-free detection, overflow canaries and use-after-free fill checks, with
 * the allocating and freeing threads named.
 *
 * <p><b>Memory</b> comes from the OS ({@code mmap}) in 4 MiB segments aligned to 4 MiB; free pages
 * go back to the OS ({@code madvise}) {@link Builder#purgeDelay(Duration) purgeDelay} after they
 * empty. See {@code docs/allocator.md} for the design.
 */
public final class Allocator {

    /** Default number of tags: room for raw memory, non-GC objects and GC objects, and a few more. */
    public static final int DEFAULT_TAGS = 8;
    /** mimalloc's default purge delay: long enough to absorb free-then-reallocate bursts. */
    public static final Duration DEFAULT_PURGE_DELAY = Duration.ofMillis(10);
    /** Largest supported alignment for {@link #allocateAligned}. */
    public static final long MAX_ALIGNMENT = 2L << 20;

    private static volatile Allocator shared;

    private final Engine engine;

    private Allocator(Builder builder) {
        this.engine = new Engine(builder.tags, builder.purgeDelay.toNanos(), builder.debug, builder.qsbrTags);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The process-wide allocator with default settings, created on first use. */
    public static Allocator shared() {
        Allocator instance = shared;
        if (instance == null) {
            synchronized (Allocator.class) {
                instance = shared;
                if (instance == null) {
                    instance = builder().build();
                    shared = instance;
                }
            }
        }
        return instance;
    }

    /** Options; every one has a default. */
    public static final class Builder {
        private int tags = DEFAULT_TAGS;
        private Duration purgeDelay = DEFAULT_PURGE_DELAY;
        private boolean debug = Boolean.getBoolean("ftmem.allocator.debug");
        private long qsbrTags;

        private Builder() {
        }

        /** Number of tags, 1 to 64. */
        public Builder tags(int tags) {
            if (tags < 1 || tags > 64) {
                throw new IllegalArgumentException("tags must be in [1, 64], not " + tags);
            }
            this.tags = tags;
            return this;
        }

        /** How long a free page stays committed before it is returned to the OS; zero purges at once. */
        public Builder purgeDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative purge delay " + delay);
            }
            this.purgeDelay = delay;
            return this;
        }

        /** Debug mode: canaries, fill patterns, exact double/foreign free detection; slower. */
        public Builder debug(boolean debug) {
            this.debug = debug;
            return this;
        }

        /**
         * Tags whose blocks lock-free readers may touch after they are freed (objects read with
         * try-incref): a page of these tags that empties, or a huge block of them, is not given to
         * another size class or returned to the OS until every attached thread has passed a
         * quiescent state (a QSBR goal). Freed blocks are still reused at once for the same size class.
         */
        public Builder qsbrTags(int... qsbrTags) {
            long mask = 0;
            for (int tag : qsbrTags) {
                if (tag < 0 || tag >= 64) {
                    throw new IllegalArgumentException("QSBR tag " + tag + " outside [0, 64)");
                }
                mask |= 1L << tag;
            }
            this.qsbrTags = mask;
            return this;
        }

        public Allocator build() {
            if ((qsbrTags & ~(tags == 64 ? -1L : (1L << tags) - 1)) != 0) {
                throw new IllegalArgumentException("QSBR tags " + Long.toBinaryString(qsbrTags) + " beyond the " + tags + " tags");
            }
            return new Allocator(this);
        }
    }

    // ---- allocation -----------------------------------------------------------------------------

    /**
     * Allocates {@code size} bytes in {@code tag}; the block is 16-byte aligned and its contents are
     * undefined. Size 0 gives a minimal block.
     */
    public long allocate(int tag, long size) {
        return engine.heap(tag).allocate(size);
    }

    /** As {@link #allocate}, with the block's first {@code size} bytes zeroed. */
    public long allocateZeroed(int tag, long size) {
        long block = allocate(tag, size);
        if (size > SizeClasses.MAX_PAGED_SIZE && !engine.debug()) {
            return block;
        }
        Memory.fill(block, size, (byte) 0);
        return block;
    }

    /**
     * Allocates {@code size} bytes at a multiple of {@code alignment}, a power of two up to
     * {@link #MAX_ALIGNMENT}. Free it with {@link #free} like any block.
     */
    public long allocateAligned(int tag, long size, long alignment) {
        if (Long.bitCount(alignment) != 1 || alignment > MAX_ALIGNMENT) {
            throw new IllegalArgumentException("alignment " + alignment + " is not a power of two up to " + MAX_ALIGNMENT);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative allocation size " + size);
        }
        if (alignment <= SizeClasses.GRANULE) {
            return allocate(tag, size);
        }
        return engine.allocateAligned(engine.heap(tag), size, alignment);
    }

    /**
     * Resizes a block: returns {@code address} itself if the block already fits {@code newSize}
     * without wasting more than half of it, else a new block of the same tag holding the old contents
     * (up to {@code newSize}), freeing the old one.
     */
    public long reallocate(long address, long newSize) {
        if (address == 0) {
            throw new IllegalArgumentException("reallocate(0): allocate a new block with allocate(tag, size) instead");
        }
        if (newSize < 0) {
            throw new IllegalArgumentException("negative allocation size " + newSize);
        }
        long usable = engine.usableSize(address);
        if (!engine.debug() && newSize <= usable && newSize >= usable / 2) {
            return address;
        }
        long moved = allocate(engine.tagOf(address), newSize);
        Memory.copy(address, moved, Math.min(usable, newSize));
        free(address);
        return moved;
    }

    /** Frees a block allocated by this allocator, on any thread; 0 is ignored. */
    public void free(long address) {
        if (address != 0) {
            engine.free(address, null);
        }
    }

    /**
     * Frees a block once no thread can still be reading it: after every runtime thread attached now
     * has passed a quiescent state (its next safepoint poll or detach; see the {@code qsbr} module).
     * Until then the block stays allocated (it counts in {@link AllocatorStatistics#delayedBlocks()}),
     * so neither it nor its page can be reused. For storage that other threads read without a lock
     * (a list's item array, a dict's table) after it has been unpublished. The caller must be an
     * attached runtime thread; if it has stopped the world the block is freed at once. In debug mode
     * the block is checked now (live, not already queued) and filled with the free pattern when it is
     * finally freed.
     *
     * @throws IllegalStateException if the calling thread is not an attached runtime thread
     */
    public void freeDelayed(long address) {
        if (address != 0) {
            engine.freeDelayed(address);
        }
    }

    /** Bytes usable at {@code address} (at least the requested size; exactly it in debug mode). */
    public long usableSize(long address) {
        return engine.usableSize(address);
    }

    /** The calling thread's heap for {@code tag}, for a faster allocate/free on this thread. */
    public LocalHeap heap(int tag) {
        return engine.heap(tag);
    }

    /** The tag a live block was allocated in. */
    public int tagOf(long address) {
        return engine.tagOf(address);
    }

    // ---- whole allocator ----------------------------------------------------------------------------

    /**
     * Calls {@code visitor} for every live block of {@code tag}, in every heap including abandoned
     * ones. Only legal while the world is stopped ({@code World.stop()}); every thread that owns a
     * heap of this tag must be a registered runtime thread (or dead, or the caller).
     */
    public void visit(int tag, BlockVisitor visitor) {
        engine.visit(tag, visitor);
    }

    /** Statistics of all tags. */
    public AllocatorStatistics statistics() {
        return engine.statistics(-1);
    }

    /** Statistics of one tag (committed and reserved bytes are still those of the whole allocator). */
    public AllocatorStatistics statistics(int tag) {
        return engine.statistics(tag);
    }

    /**
     * Gives memory back: the calling thread's retained empty pages, heaps of dead threads, abandoned
     * pages that emptied; then purges free pages whose delay has passed, or all of them if
     * {@code force}.
     */
    public void collect(boolean force) {
        engine.collect(force);
    }

    /** Abandons the calling thread's heaps now (its blocks stay valid); later calls get new heaps. */
    public void releaseCurrentThread() {
        engine.releaseCurrentThread();
    }

    /**
     * Checks every page invariant ({@code used − |threadFree| + |free| + |localFree| == capacity}, list
     * membership, ownership) and that the live counters agree with the pages. Needs a quiescent
     * allocator: the world stopped, or no other thread using it.
     *
     * @throws IllegalStateException naming the first broken invariant
     */
    public void validate() {
        engine.validate();
    }

    public boolean isDebug() {
        return engine.debug();
    }

    public int tags() {
        return engine.tags();
    }
}
