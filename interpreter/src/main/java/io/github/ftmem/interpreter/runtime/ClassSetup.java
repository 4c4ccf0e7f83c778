package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.interpreter.syntax.Expr.Keyword;

import java.util.ArrayList;
import java.util.List;

import static io.github.ftmem.interpreter.runtime.Types.*;

/**
 * The steps after a class statement made its class (CPython's type_new and __build_class__ tail):
 * the {@code metaclass=} keyword, {@code __set_name__} of the namespace's values, the stand-in
 * metaclass's {@code __init__} hook ({@link Ops#metaHook}) and {@code __init_subclass__} of the nearest
 * base with the remaining class keywords.
 */
final class ClassSetup {
    private ClassSetup() {
    }

    /**
     * Set (monotonically, false to true) when a class statement first names a stand-in metaclass; until
     * then {@link Ops#metaHook} answers without looking anything up (isinstance, len, iteration of classes).
     */
    static volatile boolean standInMetaclassesUsed;

    /** The source text of the range {@code pos} (a postponed annotation, PEP 563). */
    static String sourceText(io.github.ftmem.interpreter.syntax.Source source, io.github.ftmem.interpreter.syntax.Pos pos) {
        if (pos.line() == pos.endLine()) {
            String line = source.line(pos.line());
            return line.substring(Math.min(pos.col(), line.length()), Math.min(pos.endCol(), line.length()));
        }
        StringBuilder b = new StringBuilder(source.line(pos.line()).substring(pos.col()));
        for (int l = pos.line() + 1; l < pos.endLine(); l++) b.append(' ').append(source.line(l).strip());
        String last = source.line(pos.endLine());
        b.append(" ").append(last.substring(0, Math.min(pos.endCol(), last.length())).strip());
        return b.toString();
    }

    static void finish(long cls, List<Keyword> keywords, long[] values) {
        List<String> names = new ArrayList<>();
        List<Long> vals = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String n = keywords.get(i).name();
            if ("metaclass".equals(n)) {
                long meta = values[i];
                if (meta != Runtime.builtinClass("type")) {
                    if (Header.type(meta) != CLASS) {
                        throw PyException.of("TypeError", "metaclass must be a class");
                    }
                    standInMetaclassesUsed = true;
                    Dict.putStr(Obj.field(cls, Types.CLASS_DICT), "__ftpy_meta__", meta);
                }
                continue;
            }
            names.add(n);
            vals.add(values[i]);
        }
        setNames(cls);
        long hook = Ops.metaHook(cls, "__init__");
        if (hook != 0) {
            long name = Obj.field(cls, 0);
            long bases = Obj.field(cls, 8);
            long ns = Obj.field(cls, Types.CLASS_DICT);
            Heap.decref(Interp.callFunction(hook, new long[]{cls, name, bases, ns}, null));
        }
        initSubclass(cls, names, vals);
    }

    /** {@code v.__set_name__(cls, name)} for each value of the class dict whose class defines it. */
    private static void setNames(long cls) {
        long d = Obj.field(cls, Types.CLASS_DICT);
        long items = Methods.call("items", d, new Builtins.Call("dict.items", new long[0], null));
        long[] pairs;
        try {
            pairs = Builtins.toArray(items);
        } finally {
            Heap.decref(items);
        }
        try {
            for (long p : pairs) {
                long k = Obj.tupleItem(p, 0), v = Obj.tupleItem(p, 1);
                if (!Ops.isUserInstance(v)) continue;
                long sn = Ops.lookup(Ops.classOf(v), Obj.intern("__set_name__"));
                if (sn != 0 && Header.type(sn) == FUNCTION) {
                    Heap.decref(Interp.callFunction(sn, new long[]{v, cls, k}, null));
                }
            }
        } finally {
            for (long p : pairs) Heap.decref(p);
        }
    }

    /** {@code super(cls, cls).__init_subclass__(**kw)}: the first definition after cls in its MRO. */
    private static void initSubclass(long cls, List<String> names, List<Long> vals) {
        long mro = Obj.field(cls, Types.CLASS_MRO);
        long key = Obj.intern("__init_subclass__");
        for (long i = 1; i < Obj.tupleSize(mro); i++) {
            long c = Obj.tupleItem(mro, i);
            long f = Dict.get(Obj.field(c, Types.CLASS_DICT), key);
            if (f == 0) continue;
            if (Header.type(f) == CLASSMETHOD) f = Obj.field(f, 0);
            if (Header.type(f) != FUNCTION) break;
            long[] args = new long[1 + vals.size()];
            args[0] = cls;
            for (int j = 0; j < vals.size(); j++) args[1 + j] = vals.get(j);
            Heap.decref(Interp.callFunction(f, args, names.isEmpty() ? null : names.toArray(new String[0])));
            return;
        }
        if (!names.isEmpty()) {
            throw PyException.of("TypeError", Obj.str(Obj.field(cls, 0)) + ".__init_subclass__() takes no keyword arguments");
        }
    }
}
