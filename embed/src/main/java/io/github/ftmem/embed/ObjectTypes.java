package io.github.ftmem.embed;

import io.github.ftmem.gc.Collector;
import io.github.ftmem.gc.TypeOperations;
import io.github.ftmem.refcount.Deallocator;
import io.github.ftmem.refcount.RefCount;

import java.util.Arrays;
import java.util.Objects;

/**
 * The one place where an embedding runtime registers a type id (the header's {@code type} word):
 * with its {@link Deallocator}, and, for a type whose objects hold references to other objects,
 * with its collector {@link TypeOperations}. Without it a GC type is registered twice —
 * {@link RefCount#setDeallocator} and {@link Collector.Builder#type} — and forgetting either half
 * fails late (an object that reaches zero is not freed and {@link RefCount#deallocate} throws; a
 * cycle through a type without operations is never collected and leaks).
 *
 * <pre>{@code
 * ObjectTypes types = new ObjectTypes()
 *         .register(STR, Str::deallocate)                 // no references to other objects
 *         .register(CONS, Cons::deallocate, Cons.OPS);    // a container: the collector traverses it
 * Collector gc = types.collectorBuilder().objectSpace(space).rootScanner(roots).build();
 * }</pre>
 *
 * <p>Registration is for start-up, before objects of the type exist: {@link #register} installs the
 * deallocator at once (refcount's table is process-wide, like CPython's type objects), and a
 * collector sees the operations registered before its {@link #collectorBuilder()} was called.
 * Thread-safe (registration and lookups synchronize on this registry); a type id is registered at
 * most once per registry.
 */
public final class ObjectTypes {
    private Deallocator[] deallocators = new Deallocator[16];
    private TypeOperations[] operations = new TypeOperations[16];

    /** An empty registry. */
    public ObjectTypes() {
    }

    /**
     * Registers a type whose objects hold no counted references to other objects (strings, numbers):
     * refcount frees them through {@code deallocator}; the collector never visits them.
     *
     * @return this registry
     * @throws IllegalArgumentException if {@code type} is negative or already registered here
     */
    public ObjectTypes register(int type, Deallocator deallocator) {
        return add(type, Objects.requireNonNull(deallocator, "deallocator"), null);
    }

    /**
     * Registers a container type: refcount frees its objects through {@code deallocator} (which must
     * drop the references the object holds), and every collector built from
     * {@link #collectorBuilder()} traverses and clears them through {@code operations}.
     *
     * @return this registry
     * @throws IllegalArgumentException if {@code type} is negative or already registered here
     */
    public ObjectTypes register(int type, Deallocator deallocator, TypeOperations operations) {
        return add(type, Objects.requireNonNull(deallocator, "deallocator"),
                Objects.requireNonNull(operations, "operations"));
    }

    private synchronized ObjectTypes add(int type, Deallocator deallocator, TypeOperations ops) {
        if (type < 0) {
            throw new IllegalArgumentException("type id must not be negative: " + type);
        }
        if (type >= deallocators.length) {
            int length = Math.max(type + 1, deallocators.length * 2);
            deallocators = Arrays.copyOf(deallocators, length);
            operations = Arrays.copyOf(operations, length);
        }
        if (deallocators[type] != null) {
            throw new IllegalArgumentException("type " + type + " is already registered with " + deallocators[type]);
        }
        deallocators[type] = deallocator;
        operations[type] = ops;
        RefCount.setDeallocator(type, deallocator);
        return this;
    }

    /** Whether {@code type} was registered here. */
    public synchronized boolean isRegistered(int type) {
        return type >= 0 && type < deallocators.length && deallocators[type] != null;
    }

    /** Whether {@code type} was registered here with collector operations (a container type). */
    public synchronized boolean isGc(int type) {
        return operations(type) != null;
    }

    /** The collector operations of {@code type}, or null for an unregistered or non-container type. */
    public synchronized TypeOperations operations(int type) {
        return type >= 0 && type < operations.length ? operations[type] : null;
    }

    /**
     * A collector builder with {@link RefCountReferenceCounts#INSTANCE} and the operations of every
     * container type registered so far; the caller adds its object space (required), root scanner and
     * weak-reference hooks.
     */
    public synchronized Collector.Builder collectorBuilder() {
        Collector.Builder builder = Collector.builder().referenceCounts(RefCountReferenceCounts.INSTANCE);
        for (int type = 0; type < operations.length; type++) {
            if (operations[type] != null) {
                builder.type(type, operations[type]);
            }
        }
        return builder;
    }
}
