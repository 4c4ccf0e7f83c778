/**
 * The glue between refcount and gc that every embedding runtime needs:
 * {@link io.github.ftmem.embed.RefCountReferenceCounts} (the collector's counts over
 * {@code RefCount}) and {@link io.github.ftmem.embed.ObjectTypes} (a type id registered once, with its
 * deallocator and, for containers, its collector operations). Guide: {@code docs/embedding.md}.
 *
 * <p>Thread safety: both are thread-safe; {@code ObjectTypes} registration belongs to start-up, before
 * objects of the type exist.
 */
package io.github.ftmem.embed;
