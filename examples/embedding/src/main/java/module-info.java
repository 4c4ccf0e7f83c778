/** A tiny runtime on ftmem: cons cells, vectors and closures in the ftmem heap. */
module org.example.tiny {
    requires io.github.ftmem.embed;      // core, refcount, gc and their glue
    requires io.github.ftmem.allocator;
    requires io.github.ftmem.locks;
}
