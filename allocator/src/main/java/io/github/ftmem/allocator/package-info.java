/**
 * A mimalloc-style general-purpose allocator for off-heap memory: {@link io.github.ftmem.allocator.Allocator}
 * ({@code allocate}/{@code free} of raw addresses from any thread, heaps per thread and per tag, a
 * stop-the-world block visitor, statistics, a debug mode), {@link io.github.ftmem.allocator.LocalHeap}
 * (the calling thread's heap, for hot paths), {@link io.github.ftmem.allocator.BlockVisitor} and
 * {@link io.github.ftmem.allocator.AllocatorStatistics}. Design: {@code docs/allocator.md}.
 */
package io.github.ftmem.allocator;
