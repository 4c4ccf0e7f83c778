package io.github.ftmem.gc;

/**
 * How the collector clears weak references to garbage. CPython's rules: every weak reference to a
 * garbage object is cleared before any finalizer runs; a weak reference that is itself garbage is
 * cleared and its callback never runs (it could resurrect garbage); callbacks run only for weak
 * references that are themselves reachable, with the world running.
 */
public interface WeakReferenceHooks {

    /** A runtime without weak references. */
    WeakReferenceHooks NONE = new WeakReferenceHooks() {
        @Override
        public boolean isWeakReference(long object) {
            return false;
        }

        @Override
        public void clearWeakReference(long weakReference) {
        }

        @Override
        public void clearWeakReferencesTo(long referent, ObjectVisitor cleared) {
        }

        @Override
        public boolean hasCallback(long weakReference) {
            return false;
        }

        @Override
        public void invokeCallback(long weakReference) {
        }
    };

    /** Whether the object is a weak reference. World stopped. */
    boolean isWeakReference(long object);

    /**
     * Clears one weak reference (its referent becomes none) and detaches it from its referent's list,
     * without running its callback. World stopped; must not allocate, free or change counts.
     */
    void clearWeakReference(long weakReference);

    /**
     * Clears every weak reference to {@code referent}, reporting each one it cleared to {@code cleared}.
     * World stopped; must not allocate, free or change counts.
     */
    void clearWeakReferencesTo(long referent, ObjectVisitor cleared);

    /** Whether a cleared weak reference has a callback to run. World stopped. */
    boolean hasCallback(long weakReference);

    /**
     * Runs the callback of a cleared, reachable weak reference, with the world running; the collector
     * holds a reference to the weak reference during the call.
     */
    void invokeCallback(long weakReference);
}
