package io.github.ftmem.allocator;

/** Receives the live blocks of one tag from {@link Allocator#visit(int, BlockVisitor)}. */
@FunctionalInterface
public interface BlockVisitor {

    /**
     * Called once per live block. {@code address} is the block start (for blocks allocated with
     * {@link Allocator#allocateAligned} the aligned address lies inside it), {@code size} its usable
     * size. The visitor may free blocks; it must not allocate in the visited tag.
     */
    void visit(long address, long size);
}
