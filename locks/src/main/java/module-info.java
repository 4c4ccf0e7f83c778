/**
 * ftmem locks: a 4-byte off-heap {@link io.github.ftmem.locks.Mutex} with a
 * {@link io.github.ftmem.locks.ParkingLot}, fairness hand-off and per-object
 * {@link io.github.ftmem.locks.CriticalSection critical sections}, plus a one-shot
 * {@link io.github.ftmem.locks.Event} and a {@link io.github.ftmem.locks.OnceFlag}.
 */
module io.github.ftmem.locks {
    requires transitive io.github.ftmem.core;
    exports io.github.ftmem.locks;
}
