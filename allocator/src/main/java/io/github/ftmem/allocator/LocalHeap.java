package io.github.ftmem.allocator;

/**
 * The calling thread's heap for one tag, for callers that allocate often and want to skip the
 * per-call thread lookup of {@link Allocator#allocate(int, long)}: obtain it once per thread with
 * {@link Allocator#heap(int)} and use it only on that thread. Blocks it returns may be freed by any
 * thread, through {@link Allocator#free(long)} or any thread's own {@code LocalHeap}.
 *
 * <p>The heap stops working when its thread is released (runtime-thread exit or
 * {@link Allocator#releaseCurrentThread()}); using it afterwards is an {@link IllegalStateException}.
 */
public interface LocalHeap {

    /** The tag this heap allocates in. */
    int tag();

    /** Allocates {@code size} bytes (16-byte aligned, contents undefined); same as {@link Allocator#allocate}. */
    long allocate(long size);

    /** Frees a block of this allocator, allocated by any thread in any tag; same as {@link Allocator#free}. */
    void free(long address);
}
