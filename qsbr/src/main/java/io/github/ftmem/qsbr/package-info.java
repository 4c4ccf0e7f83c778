/**
 * Quiescent-state-based reclamation (QSBR) for memory read without locks.
 *
 * <p>A runtime with lock-free readers of off-heap storage (a list's item array read by
 * {@code lst[i]} while another thread appends, a dict's table read by a lookup while another thread
 * resizes it) cannot free the replaced storage when the writer is done with it: a reader that loaded
 * the old pointer a moment earlier may still be reading through it. QSBR lets the writer hand the
 * storage to {@link io.github.ftmem.qsbr.Qsbr#freeDelayed} instead; it is reclaimed once every thread
 * that was attached at that moment has passed a <em>quiescent state</em>: a safepoint poll
 * ({@code ThreadState.poll()}), a detach, or a stop-the-world. Readers pay nothing beyond the poll
 * they already make (one extra store).
 *
 * <p>Rules for threads: read shared storage only while attached, and hold a pointer into it no longer
 * than until your next poll or detach (take a reference, e.g. with try-incref, to keep an object
 * past that); retire storage only after unpublishing it; a thread that stays attached without
 * polling holds back every reclamation (as it stalls every stop-the-world).
 *
 * <p>The allocator builds on it: {@code Allocator.freeDelayed(address)} frees a block through this
 * module, and tags created with {@code qsbrTags} keep an emptied page (or a huge block's mapping)
 * from being given to another size class or returned to the OS before its goal passes.
 * See {@code docs/qsbr.md}.
 */
package io.github.ftmem.qsbr;
