/**
 * ftmem embed: the glue an embedding runtime would otherwise write by hand between
 * {@code io.github.ftmem.refcount} and {@code io.github.ftmem.gc} — the collector's
 * {@link io.github.ftmem.gc.ReferenceCounts} over {@link io.github.ftmem.refcount.RefCount}, and
 * {@link io.github.ftmem.embed.ObjectTypes}, the one place a type id is registered with its
 * deallocator and its collector operations. Guide: {@code docs/embedding.md}.
 */
module io.github.ftmem.embed {
    requires transitive io.github.ftmem.core;
    requires transitive io.github.ftmem.refcount;
    requires transitive io.github.ftmem.gc;

    exports io.github.ftmem.embed;
}
