package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.gc.ObjectVisitor;
import io.github.ftmem.gc.WeakReferenceHooks;
import io.github.ftmem.refcount.RefCount;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;

/**
 * Weak references ({@code WEAKREF}: +0 referent, not counted; +8 callback; +16 next weak reference to
 * the same referent, not counted; +24 long hash and +32 long 1 once hashed, since a weak reference keeps
 * its referent's hash after the referent dies). Instances keep the head of their list at payload +56.
 *
 * <p>When an instance is deallocated every weak reference to it is cleared and the callbacks of the
 * (live) weak references run; a weak reference that dies first unlinks itself, so its callback never
 * runs. The collector uses {@link #HOOKS} to clear weak references to garbage before finalizers run.
 *
 * <h2>Threads</h2>
 * A referent's list and every weak reference's referent field are read and written under the referent's
 * stripe lock ({@link #stripe}: one of 64 monitors by address, CPython's striped weakref locks), held only
 * for pointer updates, never across Python code (callbacks run after it is released) or a safepoint.
 * {@code ref()} takes the referent with {@link RefCount#tryIncref} under that lock: a referent whose last
 * reference another thread is dropping fails the try (its count is already zero; {@link #create} made it
 * MAYBE_WEAKREF first, so its owner's last decref goes through a CAS) and the reference answers None; its
 * memory stays valid meanwhile, since the dying thread clears the list under the same lock before freeing.
 */
final class WeakRefs {
    static final long LIST = 56;

    private static final Object[] STRIPES = new Object[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Object();
        }
    }

    /** The lock guarding {@code referent}'s weak reference list and its references' referent fields. */
    private static Object stripe(long referent) {
        return STRIPES[(int) (referent >>> 5) & (STRIPES.length - 1)];
    }

    private WeakRefs() {
    }

    /** {@code weakref.ref(obj, callback)}; a callback-less reference is shared, as in CPython. */
    static long create(long referent, long callback) {
        if (Header.type(referent) != Types.INSTANCE || !Interp.slotAllows(Ops.classOf(referent), "__weakref__")) {
            throw PyException.of("TypeError", "cannot create weak reference to '" + Ops.typeName(referent) + "' object");
        }
        if (callback == Obj.NONE) {
            callback = 0;
        }
        RefCount.setMaybeWeakref(referent);
        long w = Heap.object(Types.WEAKREF, 40);
        putLong(w + P + 8, callback == 0 ? 0 : Heap.newRef(callback));
        synchronized (stripe(referent)) {
            long head = getLong(referent + P + LIST);
            if (callback == 0) {
                for (long x = head; x != 0; x = getLong(x + P + 16)) {
                    if (getLong(x + P + 8) == 0) {
                        Heap.incref(x);
                        Heap.decref(w);
                        return x;
                    }
                }
            }
            putLong(w + P, referent);
            putLong(w + P + 16, head);
            putLong(referent + P + LIST, w);
        }
        return w;
    }

    /** {@code hash(ref)}: the referent's hash, computed once and kept (CPython's weakref_hash). */
    static long hash(long w) {
        if (getLong(w + P + 32) != 0) {
            return getLong(w + P + 24);
        }
        long referent = getLong(w + P);
        if (referent == 0) {
            throw PyException.of("TypeError", "weak object has gone away");
        }
        long h = Ops.hash(referent);
        putLong(w + P + 24, h);
        putLong(w + P + 32, 1);
        return h;
    }

    /** {@code a == b} for two weak references: their referents' equality while both live, else identity. */
    static boolean equal(long a, long b) {
        long x = getLong(a + P), y = getLong(b + P);
        if (x == 0 || y == 0) {
            return a == b;
        }
        return Ops.eq(x, y);
    }

    /** {@code ref()}: the referent (new reference) or None. */
    static long get(long w) {
        long r = Heap.getLongOpaque(w + P);
        if (r == 0) {
            return Obj.NONE;
        }
        synchronized (stripe(r)) {
            if (getLong(w + P) != r || !RefCount.tryIncref(r)) {
                return Obj.NONE;
            }
        }
        return r;
    }

    /** Detaches {@code w} from its referent's list and clears it (no counts change). */
    static void unlink(long w) {
        long referent = Heap.getLongOpaque(w + P);
        if (referent == 0) {
            return;
        }
        synchronized (stripe(referent)) {
            if (getLong(w + P) == referent) {
                unlinkLocked(w, referent);
            }
        }
    }

    private static void unlinkLocked(long w, long referent) {
        long prev = 0;
        for (long x = getLong(referent + P + LIST); x != 0; x = getLong(x + P + 16)) {
            if (x == w) {
                long next = getLong(x + P + 16);
                if (prev == 0) {
                    putLong(referent + P + LIST, next);
                } else {
                    putLong(prev + P + 16, next);
                }
                break;
            }
            prev = x;
        }
        putLong(w + P, 0);
        putLong(w + P + 16, 0);
    }

    /** Clears the weak references to a dying instance and runs their callbacks. */
    static void clearAndNotify(long referent) {
        java.util.List<Long> withCallbacks = new java.util.ArrayList<>();
        synchronized (stripe(referent)) {
            long w = getLong(referent + P + LIST);
            if (w == 0) {
                return;
            }
            putLong(referent + P + LIST, 0);
            while (w != 0) {
                long next = getLong(w + P + 16);
                putLong(w + P, 0);
                putLong(w + P + 16, 0);
                if (getLong(w + P + 8) != 0) {
                    Heap.incref(w);
                    withCallbacks.add(w);
                }
                w = next;
            }
        }
        for (long ref : withCallbacks) {
            try {
                invoke(ref);
            } finally {
                Heap.decref(ref);
            }
        }
    }

    private static void invoke(long w) {
        long cb = getLong(w + P + 8);
        if (cb == 0) {
            return;
        }
        Heap.incref(cb);
        try {
            Heap.decref(Interp.call(cb, new long[]{w}, null));
        } catch (PyException e) {
            Launcher.printUnraisable(e, cb);
        } finally {
            Heap.decref(cb);
        }
    }

    static final WeakReferenceHooks HOOKS = new WeakReferenceHooks() {
        @Override
        public boolean isWeakReference(long object) {
            return Header.type(object) == Types.WEAKREF;
        }

        @Override
        public void clearWeakReference(long weakReference) {
            unlink(weakReference);
        }

        @Override
        public void clearWeakReferencesTo(long referent, ObjectVisitor cleared) {
            if (Header.type(referent) != Types.INSTANCE) {
                return;
            }
            long w = getLong(referent + P + LIST);
            putLong(referent + P + LIST, 0);
            while (w != 0) {
                long next = getLong(w + P + 16);
                putLong(w + P, 0);
                putLong(w + P + 16, 0);
                cleared.visit(w);
                w = next;
            }
        }

        @Override
        public boolean hasCallback(long weakReference) {
            return getLong(weakReference + P + 8) != 0;
        }

        @Override
        public void invokeCallback(long weakReference) {
            invoke(weakReference);
        }
    };
}
