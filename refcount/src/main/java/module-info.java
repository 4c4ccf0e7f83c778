/** ftmem refcount. */
module io.github.ftmem.refcount {
    requires transitive io.github.ftmem.core;
}
