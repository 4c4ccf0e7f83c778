package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.interpreter.runtime.Builtins.Call;

import java.io.File;
import java.lang.management.ManagementFactory;

import static io.github.ftmem.interpreter.runtime.Types.*;

/**
 * The built-in module {@code posix}: what lib/os.py cannot reach from Python (the process id, the working
 * directory, directory listings, the processor count, the kind of a path), and the CPU clocks of
 * {@code time.process_time}/{@code time.thread_time}.
 */
final class PosixModule {
    private PosixModule() {
    }

    static long processTimeNs() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    static long threadTimeNs() {
        var bean = ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : 0L;
    }

    static long call(String function, Call c) {
        long[] a = c.args();
        switch (function) {
            case "getpid":
                c.count(0, 0);
                return Obj.newInt(ProcessHandle.current().pid());
            case "getppid":
                c.count(0, 0);
                return Obj.newInt(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L));
            case "getcwd":
                c.count(0, 0);
                return Obj.newStr(System.getProperty("user.dir"));
            case "cpu_count":
                c.count(0, 0);
                return Obj.newInt(java.lang.Runtime.getRuntime().availableProcessors());
            case "sched_getaffinity": {
                c.count(1, 1);
                long s = Dict.create(SET);
                int n = java.lang.Runtime.getRuntime().availableProcessors();
                for (int i = 0; i < n; i++) {
                    long v = Obj.newInt(i);
                    Dict.put(s, v, 0);
                    Heap.decref(v);
                }
                return s;
            }
            case "path_kind": {
                // 0: nothing there, 1: a regular file (or other non-directory), 2: a directory
                c.count(1, 1);
                File f = file(a[0]);
                return Obj.newInt(!f.exists() ? 0 : f.isDirectory() ? 2 : 1);
            }
            case "listdir": {
                // None when the directory cannot be listed (os.py raises the OSError)
                c.count(1, 1);
                String[] names = file(a[0]).list();
                if (names == null) return Obj.NONE;
                java.util.Arrays.sort(names);
                long l = Lists.create(names.length);
                for (String n : names) Lists.appendStolen(l, Obj.newStr(n));
                return l;
            }
            default:
                throw new IllegalStateException(function);
        }
    }

    private static File file(long path) {
        if (Header.type(path) != STR) {
            throw PyException.of("TypeError", "expected str, bytes or os.PathLike object, not " + Ops.typeName(path));
        }
        String p = Obj.str(path);
        File f = new File(p);
        return f.isAbsolute() ? f : new File(System.getProperty("user.dir"), p);
    }
}
