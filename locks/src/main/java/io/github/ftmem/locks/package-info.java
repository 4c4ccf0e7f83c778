/**
 * Locks over off-heap 4-byte words: {@link io.github.ftmem.locks.Mutex} (the header's mutex word or
 * any aligned int: bits LOCKED and HAS_PARKED, one CAS uncontended, a 1 ms fairness hand-off),
 * {@link io.github.ftmem.locks.ParkingLot} (park and unpark by address, the futex the others are built
 * on), {@link io.github.ftmem.locks.CriticalSection} (per-object sections that release while their
 * thread blocks), {@link io.github.ftmem.locks.Event} (one-shot) and
 * {@link io.github.ftmem.locks.OnceFlag}. Design: {@code docs/locks.md}.
 *
 * <p>Conventions. A lock is a word, not an object: its address is the identity, and nothing is
 * allocated per lock. Waiting parks in the {@code ParkingLot} and detaches the runtime thread, so a
 * stop-the-world never waits for a thread blocked on a lock. Containers use
 * {@code CriticalSection.begin(object)}/{@code end()} rather than {@code Mutex} directly: sections are
 * suspended when their thread detaches and resumed when it attaches, so two threads that each hold one
 * cannot deadlock; {@code begin2} locks two objects in address order. Every {@code begin} is matched
 * by an {@code end} on the same thread ({@code try}/{@code finally}).
 *
 * <p>Thread safety. Every class is safe from any thread, runtime thread or not (a thread that is not
 * registered parks without detaching). A {@code Mutex} is not reentrant; sections are per thread (a
 * thread-local stack). The thread that stopped the world must not wait for a lock: a suspended thread
 * may hold it (the collector's stopped-world SPIs never lock).
 */
package io.github.ftmem.locks;
