package io.github.ftmem.gc;

/** Receives object addresses: the objects of a space, the referents of an object, or stack roots. */
@FunctionalInterface
public interface ObjectVisitor {

    /** Called with the address of an object (never 0). */
    void visit(long object);
}
