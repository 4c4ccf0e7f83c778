/**
 * ftmem allocator: a mimalloc-style allocator over off-heap memory (per-thread heaps by tag,
 * sharded free lists, abandoned-heap reclaim, a block visitor for collectors, a debug mode).
 * Needs {@code --enable-native-access=io.github.ftmem.core}.
 */
@SuppressWarnings("module") // the stress module is not on the path when this module builds alone
module io.github.ftmem.allocator {
    requires transitive io.github.ftmem.core;
    requires io.github.ftmem.qsbr;
    requires org.agrona;

    exports io.github.ftmem.allocator;
    /* The page protocol, for the JCStress tests only. */
    exports io.github.ftmem.allocator.internal to io.github.ftmem.stress;
}
