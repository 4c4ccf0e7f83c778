/** ftmem allocator. */
module io.github.ftmem.allocator {
    requires transitive io.github.ftmem.core;
}
