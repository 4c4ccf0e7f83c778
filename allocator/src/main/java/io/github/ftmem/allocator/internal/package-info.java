/**
 * The allocator's machinery, one class per layer (mimalloc's arena → segment → page → block, plus
 * heaps):
 * <ul>
 *   <li>{@link io.github.ftmem.allocator.internal.SizeClasses}: bins and the direct table;</li>
 *   <li>{@link io.github.ftmem.allocator.internal.Segment} (layout), {@code SegmentMap} (which allocator's
 *       segment starts at each 4 MiB boundary) and {@code SegmentPool} (pages in and out, abandoned pages, purge);</li>
 *   <li>{@link io.github.ftmem.allocator.internal.Page}: page metadata layout and the three-list
 *       protocol, the only code that touches the lists;</li>
 *   <li>{@link io.github.ftmem.allocator.internal.Heap}: one thread's pages for one tag;
 *       {@code ThreadHeaps} and {@code ThreadBinding}: a thread's heaps and their tie to runtime-thread
 *       exit;</li>
 *   <li>{@link io.github.ftmem.allocator.internal.Engine}: free, huge blocks, statistics, visit,
 *       validate; {@code DebugChecks}: debug mode.</li>
 * </ul>
 *
 * <p>Conventions. Off-heap metadata is addressed as {@code base + OFFSET} with {@code static final long}
 * offsets declared next to an ASCII layout. Fields named "owner" are written only by the owning
 * thread with plain accesses; every other thread uses the accessor whose mode is named in the layout
 * table (opaque reads of {@code owner}, CAS on {@code threadFree}), and each weaker-than-volatile
 * access says why it suffices. Fast paths are small methods ({@code Page.popFree},
 * {@code Heap.allocateRaw}, {@code Heap.free}); slow paths carry their own names
 * ({@code allocateSlow}, {@code freeLocalSlow}, {@code freeUnusual}). This package is exported only to
 * the JCStress module.
 */
package io.github.ftmem.allocator.internal;
