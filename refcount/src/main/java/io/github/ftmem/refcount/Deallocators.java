package io.github.ftmem.refcount;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.Memory;

import java.util.Arrays;

import static io.github.ftmem.refcount.RefCount.DEBUG;
import static io.github.ftmem.refcount.RefCount.FREED_TID;
import static io.github.ftmem.refcount.RefCount.MERGED;
import static io.github.ftmem.refcount.RefCount.NO_TID;
import static io.github.ftmem.refcount.RefCount.ONE;

/**
 * The deallocation SPI behind {@link RefCount#setDeallocator}, {@link RefCount#deallocate} and
 * {@link RefCount#resurrect}: the process-wide table of one {@link Deallocator} per type id
 * (copy-on-write: registrations take a lock and publish a new array through a volatile field, so the
 * lookup on every free is one volatile load and an index), and debug mode's poisoning of a dead
 * object's header.
 */
final class Deallocators {
    private static final Object LOCK = new Object();
    private static volatile Deallocator[] table = new Deallocator[64];

    private Deallocators() {
    }

    static void set(int type, Deallocator deallocator) {
        if (type < 0) {
            throw new IllegalArgumentException("negative type id " + type);
        }
        synchronized (LOCK) {
            Deallocator[] grown = Deallocators.table;
            if (type >= grown.length) {
                grown = Arrays.copyOf(grown, Math.max(type + 1, grown.length * 2));
            } else {
                grown = grown.clone();
            }
            grown[type] = deallocator;
            Deallocators.table = grown;
        }
    }

    static Deallocator get(int type) {
        Deallocator[] current = table;
        return type >= 0 && type < current.length ? current[type] : null;
    }

    static void deallocate(long object) {
        int type = Header.type(object);
        Deallocator deallocator = get(type);
        if (deallocator == null) {
            throw new IllegalStateException("no deallocator registered for type " + type
                    + " (call RefCount.setDeallocator(" + type + ", ...)); the object is dead and was not freed: "
                    + Header.describe(object));
        }
        if (DEBUG) {
            Memory.putIntOpaque(object + Header.REF_LOCAL, 0);
            Memory.putLongVolatile(object + Header.REF_SHARED, MERGED);
            Memory.putLongVolatile(object + Header.TID, FREED_TID);
        }
        deallocator.deallocate(object);
    }

    static void resurrect(long object) {
        if (DEBUG && Memory.getLongOpaque(object + Header.TID) == FREED_TID) {
            long self = RefCount.currentTid();
            Memory.putLongVolatile(object + Header.REF_SHARED, 0);
            Memory.putIntOpaque(object + Header.REF_LOCAL, self == NO_TID ? 0 : 1);
            Memory.putLongVolatile(object + Header.TID, self == NO_TID ? 0 : self);
            if (self == NO_TID) {
                Memory.putLongVolatile(object + Header.REF_SHARED, MERGED | ONE);
            }
            return;
        }
        RefCount.incref(object);
    }
}
