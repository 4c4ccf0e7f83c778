package io.github.ftmem.interpreter.runtime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells the user about a deadlock CPython would sit in silently: when every live non-daemon Python thread
 * has been blocked acquiring a Python lock for {@link #BLOCKED_NANOS} and the wait-for graph (thread →
 * the lock it waits for → that lock's holder) has a cycle through two or more threads, it prints
 * {@code Deadlock detected:} once to stderr with each thread of the cycle, the lock it holds, the lock it
 * waits for (with where each was acquired) and its Python stack. With {@code -X deadlock=exit} the process
 * then exits with status 1; otherwise the threads go on waiting, as they would in CPython.
 *
 * <h2>Implementation notes</h2>
 * A daemon Java thread (not a runtime thread: it touches no heap object) wakes every {@link #PERIOD_MILLIS}
 * and reads only volatile or opaque fields: each thread's {@code waitingFor}/{@code waitSince}
 * ({@link ThreadModule.PyThreadInfo}) and each lock's owner and site ({@link PyLocks}). The lock a thread
 * waits for stays allocated while it waits (the waiter's frame holds a reference to it). A cycle is
 * reported only if a second reading after it was found gives the same waits with the same start times,
 * so a thread that was merely slow to wake is not accused. Frame chains are Java objects read racily:
 * a blocked thread does not change them, and a thread that woke meanwhile can only make the printed
 * stack stale, never unsafe. The fast path of acquire does nothing for this detector beyond storing
 * the owner and site, which the lock keeps anyway; {@link ThreadModule.PyThreadInfo#beginWait} is on
 * the blocking path only.
 */
final class DeadlockDetector {
    static final long BLOCKED_NANOS = 1_000_000_000L;
    private static final long PERIOD_MILLIS = 200;

    private static Thread watchdog;
    /** Cycles already reported, by their (thread, wait start) pairs; touched by the watchdog only. */
    private static final Set<String> reported = new HashSet<>();

    private DeadlockDetector() {
    }

    /** Starts the watchdog once per process (from the first {@code start_new_thread}). */
    static synchronized void ensureStarted(Runtime rt) {
        if (watchdog != null) {
            return;
        }
        watchdog = new Thread(DeadlockDetector::watch, "ftpy-deadlock-detector");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Runtime rt = Runtime.current();
            if (rt == null) {
                continue;
            }
            try {
                check(rt);
            } catch (RuntimeException e) {
                // A racing thread changed what the report was reading; the next round looks again.
            }
        }
    }

    private record Edge(ThreadModule.PyThreadInfo thread, long lock, long since) {
    }

    private static void check(Runtime rt) {
        List<Edge> cycle = findCycle();
        if (cycle == null) {
            return;
        }
        List<Edge> again = findCycle();
        if (again == null || !key(again).equals(key(cycle))) {
            return;
        }
        if (!reported.add(key(cycle))) {
            return;
        }
        report(rt, cycle);
        if ("exit".equals(rt.deadlockMode)) {
            rt.out.flush();
            rt.err.flush();
            java.lang.Runtime.getRuntime().halt(1);
        }
    }

    private static String key(List<Edge> cycle) {
        List<String> parts = new ArrayList<>();
        for (Edge e : cycle) {
            parts.add(e.thread.ident + "@" + e.since);
        }
        parts.sort(null);
        return String.join(",", parts);
    }

    /** A cycle of at least two threads when every live non-daemon Python thread has waited long enough. */
    private static List<Edge> findCycle() {
        long now = System.nanoTime();
        Map<Long, Edge> waits = new HashMap<>();
        boolean anyNonDaemon = false;
        for (ThreadModule.PyThreadInfo info : ThreadModule.THREADS.values()) {
            if (!info.thread.isAlive()) {
                continue;
            }
            long lock = info.waitingFor;
            long since = info.waitSince;
            if (lock != 0) {
                waits.put(info.ident, new Edge(info, lock, since));
            }
            if (info.daemon) {
                continue;
            }
            anyNonDaemon = true;
            if (lock == 0 || now - since < BLOCKED_NANOS) {
                return null;
            }
        }
        if (!anyNonDaemon) {
            return null;
        }
        for (Edge start : waits.values()) {
            List<Edge> path = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            Edge e = start;
            while (e != null && seen.add(e.thread.ident)) {
                path.add(e);
                e = waits.get(PyLocks.owner(e.lock));
            }
            if (e == null) {
                continue;
            }
            int from = 0;
            while (path.get(from).thread.ident != e.thread.ident) from++;
            List<Edge> cycle = path.subList(from, path.size());
            if (cycle.size() >= 2) {
                return new ArrayList<>(cycle);
            }
        }
        return null;
    }

    private static void report(Runtime rt, List<Edge> cycle) {
        rt.out.flush();
        PrintStream err = rt.err;
        StringBuilder b = new StringBuilder();
        b.append("Deadlock detected: ").append(cycle.size())
                .append(" threads are each waiting for a lock that another of them holds\n");
        for (int i = 0; i < cycle.size(); i++) {
            Edge e = cycle.get(i);
            Edge previous = cycle.get((i + cycle.size() - 1) % cycle.size());
            long held = previous.lock;
            b.append("\nThread '").append(e.thread.name).append("':\n");
            b.append("  holds    ").append(PyLocks.repr(held));
            String heldSite = PyLocks.site(held);
            if (heldSite != null) b.append(", acquired at ").append(heldSite);
            b.append('\n');
            b.append("  waits for ").append(PyLocks.repr(e.lock)).append(", held by '")
                    .append(cycleOwnerName(cycle, e.lock)).append("'\n");
            b.append("  Stack (most recent call last):\n");
            appendStack(b, e.thread);
        }
        if (!"exit".equals(rt.deadlockMode)) {
            b.append("\nThe threads keep waiting, as they would in CPython; run with -X deadlock=exit to exit instead.\n");
        }
        err.print(b);
        err.flush();
    }

    private static String cycleOwnerName(List<Edge> cycle, long lock) {
        long owner = PyLocks.owner(lock);
        for (Edge e : cycle) {
            if (e.thread.ident == owner) return e.thread.name;
        }
        return "?";
    }

    private static void appendStack(StringBuilder b, ThreadModule.PyThreadInfo info) {
        PyThread t = null;
        for (var ts : io.github.ftmem.core.threads.RuntimeThreads.registered()) {
            if (ts.thread() == info.thread) {
                t = ts.get(PyThread.KEY);
            }
        }
        List<Interp.Frame> frames = new ArrayList<>();
        for (Interp.Frame f = t == null ? null : t.frame; f != null && frames.size() < 100; f = f.back) {
            frames.add(f);
        }
        for (int i = frames.size() - 1; i >= 0; i--) {
            Interp.Frame f = frames.get(i);
            var source = f.code.source();
            b.append("    File \"").append(source.fileName()).append("\", line ").append(f.line)
                    .append(", in ").append(f.code.name()).append('\n');
            if (f.line >= 1 && f.line <= source.lineCount()) {
                String text = source.line(f.line).strip();
                if (!text.isEmpty()) b.append("      ").append(text).append('\n');
            }
        }
    }
}
