package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.interpreter.resolve.Resolution;
import io.github.ftmem.interpreter.resolve.Resolver;
import io.github.ftmem.interpreter.syntax.Parser;
import io.github.ftmem.interpreter.syntax.PySyntaxError;
import io.github.ftmem.interpreter.syntax.Source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;

/**
 * The import system: dotted names, packages, {@code sys.path} and relative imports, with CPython 3.11's
 * order and messages.
 *
 * <p>{@code import a.b.c} imports {@code a}, then {@code a.b}, then {@code a.b.c}, each once: a module is
 * registered in {@code sys.modules} before its body runs (so a cycle sees the partly initialised module)
 * and removed again if the body raises; a submodule is bound as an attribute of its parent after it
 * loaded. A top-level name is looked for among the modules built into the runtime, then in each
 * directory of {@code sys.path} (the script's directory first, as CPython puts it), then among the
 * modules shipped with ftpy ({@link #LIB}); a submodule is looked for in its package's {@code __path__}.
 * In a directory, {@code name/__init__.py} (a package) comes before {@code name.py}.
 *
 * <h2>Threads</h2>
 * One reentrant import lock serialises module loading (CPython 3.11 has per-module locks under a global
 * one; a single lock gives the same guarantee, that no thread sees a module another thread is still
 * loading unless it is the loader itself, with less machinery). A thread that finds the lock taken waits
 * detached, so a stop-the-world never waits for it. Already imported modules are found in
 * {@code sys.modules} without the lock (a dict read, safe under its own rules); a module that another
 * thread is still loading is in {@code sys.modules} too, so the lock-free check only answers for modules
 * whose loading has finished ({@link #loading}); otherwise the thread waits for the lock, as CPython
 * makes it wait for the module's lock.
 */
final class Imports {

    /** The {@code sys.path} entry that stands for the modules shipped as resources with ftpy. */
    static final String LIB = "<ftpy-lib>";
    private static final String LIB_RESOURCES = "/io/github/ftmem/interpreter/lib";

    private static final ReentrantLock IMPORT_LOCK = new ReentrantLock();

    /**
     * Names whose bodies are running. A name is added before its module enters {@code sys.modules} and
     * removed after its body ended, so a thread that finds a module in {@code sys.modules} and not here
     * sees a finished module (the set's happens-before orders the two).
     */
    private static final java.util.Set<String> loading = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Imports() {
    }

    /** {@code import dotted}: the module {@code dotted} names (new reference), its parents imported first. */
    static long importModule(String dotted) {
        long existing = loaded(dotted);
        if (existing != 0) {
            return existing;
        }
        lockImports();
        try {
            int dot = -1;
            long module = 0;
            do {
                dot = dotted.indexOf('.', dot + 1);
                String name = dot < 0 ? dotted : dotted.substring(0, dot);
                Heap.xdecref(module);
                module = importOne(name);
            } while (dot >= 0);
            return module;
        } finally {
            IMPORT_LOCK.unlock();
        }
    }

    /** {@code import a.b.c} without {@code as}: imports the whole chain, returns {@code a} (new reference). */
    static long importTopLevel(String dotted) {
        long leaf = importModule(dotted);
        int dot = dotted.indexOf('.');
        if (dot < 0) {
            return leaf;
        }
        Heap.decref(leaf);
        return importModule(dotted.substring(0, dot));
    }

    /**
     * The absolute name of {@code from <level dots>module import ...} executed with {@code globals}
     * (CPython's {@code importlib._bootstrap._resolve_name}).
     */
    static String resolveRelative(String module, int level, long globals) {
        if (level == 0) {
            return module;
        }
        long pkg = Dict.getStr(globals, "__package__");
        String base;
        if (pkg != 0 && Header.type(pkg) == Types.STR) {
            base = Obj.str(pkg);
        } else {
            long name = Dict.getStr(globals, "__name__");
            String n = name != 0 && Header.type(name) == Types.STR ? Obj.str(name) : "";
            base = Dict.getStr(globals, "__path__") != 0 ? n : (n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : "");
        }
        if (base.isEmpty()) {
            throw PyException.of("ImportError", "attempted relative import with no known parent package");
        }
        for (int i = 1; i < level; i++) {
            int dot = base.lastIndexOf('.');
            if (dot < 0) {
                throw PyException.of("ImportError", "attempted relative import beyond top-level package");
            }
            base = base.substring(0, dot);
        }
        return module == null || module.isEmpty() ? base : base + "." + module;
    }

    /**
     * {@code from module import name}: the attribute, or the submodule {@code module.name} imported on
     * demand (new reference).
     */
    static long importFrom(long module, String moduleName, String name) {
        long v = Dict.getStr(getLong(module + P), name);
        if (v != 0) {
            return Heap.newRef(v);
        }
        if (Dict.getStr(getLong(module + P), "__path__") != 0) {
            try {
                return importModule(moduleName + "." + name);
            } catch (PyException e) {
                if (!Ops.isSubclass(Ops.classOf(e.exc), Runtime.builtinClass("ModuleNotFoundError"))) {
                    throw e;
                }
                Heap.decref(e.take());
            }
        }
        long file = Dict.getStr(getLong(module + P), "__file__");
        String where = file != 0 && Header.type(file) == Types.STR ? Obj.str(file) : "unknown location";
        throw PyException.of("ImportError", "cannot import name '" + name + "' from '" + moduleName + "' (" + where + ")");
    }

    // ---- loading ---------------------------------------------------------------------------------------

    private static long loaded(String name) {
        Runtime rt = Runtime.current();
        if (rt.modules == 0) {
            throw PyException.of("ImportError", "sys.meta_path is None, Python is likely shutting down");
        }
        long existing = Dict.getStr(rt.modules, name);
        if (existing != 0 && (!loading.contains(name) || IMPORT_LOCK.isHeldByCurrentThread())) {
            return Heap.newRef(existing);
        }
        return 0;
    }

    private static void lockImports() {
        if (IMPORT_LOCK.tryLock()) {
            return;
        }
        ThreadState self = RuntimeThreads.current();
        Gil.beforeBlocking(self);
        try {
            IMPORT_LOCK.lock();
        } finally {
            Gil.afterBlocking(self);
        }
    }

    /** One module by full name, its parent (if any) already imported; new reference. */
    private static long importOne(String name) {
        assert IMPORT_LOCK.isHeldByCurrentThread();
        Runtime rt = Runtime.current();
        long existing = Dict.getStr(rt.modules, name);
        if (existing != 0) {
            return Heap.newRef(existing);
        }
        if (Builtins.isBuiltinModule(name)) {
            return Builtins.importModule(name);
        }
        int dot = name.lastIndexOf('.');
        String last = name.substring(dot + 1);
        long parent = 0;
        java.util.List<String> searchPath = new java.util.ArrayList<>();
        if (dot < 0) {
            long sys = Dict.getStr(rt.modules, "sys");
            long path = sys == 0 ? 0 : Dict.getStr(getLong(sys + P), "path");
            if (path != 0 && Header.type(path) == Types.LIST) {
                addStrEntries(path, searchPath);
            } else {
                searchPath.addAll(rt.defaultPath());
            }
            if (!searchPath.contains(LIB)) searchPath.add(LIB);
        } else {
            parent = Dict.getStr(rt.modules, name.substring(0, dot));
            long path = parent == 0 ? 0 : Dict.getStr(getLong(parent + P), "__path__");
            if (path == 0) {
                throw notFound(name, "No module named '" + name + "'; '" + name.substring(0, dot) + "' is not a package");
            }
            if (Header.type(path) == Types.LIST) {
                addStrEntries(path, searchPath);
            }
        }
        Found found = null;
        for (String entry : searchPath) {
            found = find(entry, last);
            if (found != null) break;
        }
        if (found == null) {
            throw notFound(name, "No module named '" + name + "'");
        }
        long module = runSource(name, found);
        if (parent != 0) {
            Dict.putStr(getLong(parent + P), last, module);
        }
        return module;
    }

    /** The str entries of a {@code sys.path} or {@code __path__} list (others are skipped, as CPython does). */
    private static void addStrEntries(long list, java.util.List<String> into) {
        for (int i = 0; i < (int) Lists.size(list); i++) {
            long entry = Lists.get(list, i);
            if (Header.type(entry) == Types.STR) into.add(Obj.str(entry));
        }
    }

    /** A module's source: its text, the file name tracebacks show, and for a package its directory. */
    /** {@code ModuleNotFoundError: No module named 'name'} with its {@code name} attribute set. */
    private static PyException notFound(String name, String message) {
        PyException e = PyException.of("ModuleNotFoundError", message);
        long n = Obj.newStr(name);
        try {
            Interp.setAttr(e.exc, "name", n);
        } finally {
            Heap.decref(n);
        }
        return e;
    }

    private record Found(String text, String fileName, String packageDir) {
    }

    private static Found find(String entry, String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return null;
        }
        if (entry.startsWith(LIB)) {
            String dir = LIB_RESOURCES + entry.substring(LIB.length());
            String text = resource(dir + "/" + name + "/__init__.py");
            if (text != null) {
                return new Found(text, entry + "/" + name + "/__init__.py", entry + "/" + name);
            }
            text = resource(dir + "/" + name + ".py");
            return text == null ? null : new Found(text, entry + "/" + name + ".py", null);
        }
        Path dir = Path.of(entry.isEmpty() ? "." : entry);
        Path init = dir.resolve(name).resolve("__init__.py");
        if (Files.isRegularFile(init)) {
            return new Found(read(init), entry.isEmpty() ? name + "/__init__.py" : init.toString(),
                    dir.resolve(name).toString());
        }
        Path file = dir.resolve(name + ".py");
        if (Files.isRegularFile(file)) {
            return new Found(read(file), entry.isEmpty() ? name + ".py" : file.toString(), null);
        }
        return null;
    }

    private static String resource(String path) {
        try (InputStream in = Imports.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw PyException.of("ImportError", "cannot read module resource '" + path + "': " + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw PyException.of("ImportError", "cannot read '" + file + "': " + e.getMessage());
        }
    }

    /**
     * Creates the module, registers it in {@code sys.modules} and runs its body in its dict; removes it
     * again if the body raises. Returns a new reference.
     */
    private static long runSource(String name, Found found) {
        Runtime rt = Runtime.current();
        Source source = new Source(found.fileName(), found.text());
        Resolution resolution;
        try {
            resolution = Resolver.resolve(Parser.parse(source));
        } catch (PySyntaxError e) {
            throw PyException.of("SyntaxError", e.msg() + " (" + found.fileName() + ", line " + e.lineno() + ")");
        }
        rt.sources.put(source.fileName(), source);
        long module = Builtins.newModule(name);
        long d = getLong(module + P);
        Dict.putStr(d, "__builtins__", rt.builtins);
        long file = Obj.newStr(found.fileName());
        Dict.putStr(d, "__file__", file);
        Heap.decref(file);
        if (found.packageDir() != null) {
            long path = Lists.create(1);
            Lists.appendStolen(path, Obj.newStr(found.packageDir()));
            Dict.putStr(d, "__path__", path);
            Heap.decref(path);
            Dict.putStr(d, "__package__", Obj.field(module, 8));
        } else {
            long pkg = Obj.newStr(name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "");
            Dict.putStr(d, "__package__", pkg);
            Heap.decref(pkg);
        }
        loading.add(name);
        Dict.putStr(rt.modules, name, module);
        try {
            Interp.runModule(resolution, source, d);
        } catch (PyException e) {
            Heap.xdecref(Dict.pop(rt.modules, Obj.intern(name)));
            Heap.decref(module);
            throw e;
        } finally {
            loading.remove(name);
        }
        return module;
    }
}
