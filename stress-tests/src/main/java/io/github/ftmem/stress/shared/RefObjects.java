package io.github.ftmem.stress.shared;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;
import io.github.ftmem.refcount.RefCount;

import java.lang.foreign.MemorySegment;

/**
 * Refcounted objects for JCStress states: a header plus two recording words, in {@link OffHeap}
 * memory that dies with the state. The type's deallocator counts deallocations and records who freed
 * the object and the count it had at that moment, so an arbiter can check "deallocated exactly once,
 * never with a positive count".
 *
 * <p>Ownership in JCStress: a state is built by the actor thread that consumed the previous state in
 * its slot (and the first batch by a setup thread), and the arbiter of a slot runs on that same actor
 * thread. {@link #newObject} therefore makes the constructing actor thread the owner, so half the
 * states are owned by each actor; a state built by a non-actor thread gets an unowned (MERGED) object
 * with the same count, which exercises the shared paths only.
 */
public final class RefObjects {

    /** The type id of stress-test objects. */
    public static final int TYPE = 0x5EED;
    private static final long DEALLOCATIONS = Header.SIZE;
    private static final long FREED_BY = Header.SIZE + 4;
    private static final long COUNT_AT_FREE = Header.SIZE + 8;
    private static final long SIZE = Header.SIZE + 16;

    /** {@link #freedBy} when the owner freed the object. */
    public static final int FREED_BY_OWNER = 1;
    /** {@link #freedBy} when another thread freed the object. */
    public static final int FREED_BY_OTHER = 2;

    private static final ThreadLocal<Boolean> ACTOR = ThreadLocal.withInitial(() -> false);

    static {
        RefCount.setDeallocator(TYPE, RefObjects::recordDeallocation);
    }

    private RefObjects() {
    }

    /** Call first in every actor: registers the thread and marks it as an actor; returns its owner tid. */
    public static long enterActor() {
        Runtime.self();
        ACTOR.set(true);
        return RefCount.currentTid();
    }

    /** Zeroed memory for one object; keep the segment in the state. */
    public static MemorySegment allocate() {
        return OffHeap.zeroed(SIZE);
    }

    /**
     * Initialises an object with {@code local} references counted by its owner (the calling actor
     * thread) and {@code shared} by others; returns the owner tid, or 0 when the caller is not an
     * actor thread and the object was made unowned with count {@code local + shared}.
     */
    public static long newObject(long object, int local, long shared) {
        if (ACTOR.get()) {
            RefCount.init(object, TYPE);
            Memory.putInt(object + Header.REF_LOCAL, local);
            Memory.putLong(object + Header.REF_SHARED, shared << Header.SHARED_SHIFT);
            return Header.tid(object);
        }
        Header.init(object, 0, TYPE);
        Memory.putLong(object + Header.REF_SHARED, (local + shared) << Header.SHARED_SHIFT | Header.STATE_MERGED);
        return 0;
    }

    /**
     * Initialises an object nobody owns (merged) with {@code count} references, whichever thread calls
     * (JCStress may build states on actor threads).
     */
    public static void newUnownedObject(long object, long count) {
        Header.init(object, 0, TYPE);
        Memory.putLong(object + Header.REF_SHARED, count << Header.SHARED_SHIFT | Header.STATE_MERGED);
    }

    public static int deallocations(long object) {
        return Memory.getIntVolatile(object + DEALLOCATIONS);
    }

    /** 0 if not freed, else {@link #FREED_BY_OWNER} or {@link #FREED_BY_OTHER} relative to {@code owner}. */
    public static int freedBy(long object, long owner) {
        int freer = Memory.getIntVolatile(object + FREED_BY);
        if (freer == 0) {
            return 0;
        }
        return owner != 0 && freer == owner ? FREED_BY_OWNER : FREED_BY_OTHER;
    }

    /** The true count the object had when it was freed (must be 0). */
    public static int countAtFree(long object) {
        return Memory.getIntVolatile(object + COUNT_AT_FREE);
    }

    private static void recordDeallocation(long object) {
        Memory.putIntVolatile(object + COUNT_AT_FREE, (int) RefCount.refcount(object));
        long self = RefCount.currentTid();
        Memory.putIntVolatile(object + FREED_BY, self == RefCount.NO_TID ? -1 : (int) self);
        Memory.getAndAddInt(object + DEALLOCATIONS, 1);
    }
}
