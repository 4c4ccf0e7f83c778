package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.interpreter.runtime.Builtins.Call;

import java.util.ArrayList;
import java.util.List;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Types.*;

/** Methods of the builtin types (str, list, tuple, dict, set, int, float, range). */
final class Methods {
    private Methods() {
    }

    static long call(String name, long self, Call c) {
        int type = Header.type(self);
        return switch (type) {
            case STR -> str(name, self, Obj.str(self), c);
            case LIST -> list(name, self, c);
            case DICT -> dict(name, self, c);
            case SET, FROZENSET -> set(name, self, c);
            case TUPLE, RANGE -> seq(name, self, c);
            case INT, BIGINT, BOOL -> {
                if (name.equals("bit_length")) yield Obj.newInt(Obj.bigValue(self).abs().bitLength());
                if (name.equals("bit_count")) yield Obj.newInt(Obj.bigValue(self).abs().bitCount());
                if (name.equals("conjugate")) yield Heap.newRef(self);
                throw PyException.of("NotImplementedError", "int." + name + " is not supported yet");
            }
            case FLOAT -> {
                double d = Obj.floatValue(self);
                if (name.equals("is_integer")) yield Obj.bool(d == Math.rint(d) && !Double.isInfinite(d));
                if (name.equals("conjugate")) yield Heap.newRef(self);
                yield Obj.newStr(Double.toHexString(d));
            }
            case LOCK, RLOCK -> PyLocks.call(name, self, c);
            case GENERATOR -> switch (name) {
                case "send" -> {
                    c.count(1, 1);
                    yield Generators.send(self, c.args()[0]);
                }
                case "throw" -> {
                    c.count(1, 3);
                    yield Generators.throwInto(self, c.args()[0], c.npos() > 1 ? c.args()[1] : 0);
                }
                case "close" -> {
                    Generators.close(self);
                    yield Obj.NONE;
                }
                case "__iter__" -> Heap.newRef(self);
                default -> Generators.send(self, Obj.NONE);
            };
            case SLICE -> {
                c.count(1, 1);
                long length = Obj.intValue(c.args()[0]);
                if (length < 0) throw PyException.of("ValueError", "length should not be negative");
                long[] a = Builtins.adjust(Builtins.sliceBounds(self), length);
                long t = Obj.newTuple(3);
                for (int i = 0; i < 3; i++) Obj.tupleInit(t, i, Obj.newInt(a[i]));
                yield t;
            }
            case CLASS -> {
                long[] items = Seq.items(Obj.field(self, 24));
                yield Seq.fromArray(LIST, items, items.length);
            }
            case PROPERTY -> {
                c.count(1, 1);
                long[] parts = {Obj.field(self, 0), Obj.field(self, 8), Obj.field(self, 16), Obj.field(self, 24)};
                parts[switch (name) {
                    case "getter" -> 0;
                    case "setter" -> 1;
                    default -> 2;
                }] = c.args()[0];
                yield Builtins.newProperty(parts);
            }
            default -> throw PyException.of("TypeError", "descriptor '" + name + "' requires a '" + Ops.typeName(self) + "' object");
        };
    }

    private static String argStr(Call c, int i, String fn) {
        long v = c.arg(i);
        if (Header.type(v) != STR) {
            throw PyException.of("TypeError", fn + " arg must be None or str");
        }
        return Obj.str(v);
    }

    private static boolean isWs(char ch) {
        return Character.isWhitespace(ch) || ch == '\u00a0' || ch == '\u001c' || ch == '\u001d' || ch == '\u001e' || ch == '\u001f';
    }

    private static String strip(String s, String chars, boolean left, boolean right) {
        int b = 0, e = s.length();
        while (left && b < e && (chars == null ? isWs(s.charAt(b)) : chars.indexOf(s.charAt(b)) >= 0)) b++;
        while (right && e > b && (chars == null ? isWs(s.charAt(e - 1)) : chars.indexOf(s.charAt(e - 1)) >= 0)) e--;
        return s.substring(b, e);
    }

    private static long strList(List<String> parts) {
        long l = Lists.create(parts.size());
        for (String p : parts) Lists.appendStolen(l, Obj.newStr(p));
        return l;
    }

    private static long str(String name, long self, String s, Call c) {
        long[] a = c.args();
        switch (name) {
            case "join": {
                c.count(1, 1);
                int jt = Header.type(a[0]);
                if (jt != LIST && jt != TUPLE && jt != STR && jt != DICT && jt != SET && jt != FROZENSET && jt != ITER
                        && jt != GENERATOR && jt != VIEW && jt != RANGE && jt != INSTANCE) {
                    throw PyException.of("TypeError", "can only join an iterable");
                }
                long[] items = Builtins.toArray(a[0]);
                try {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < items.length; i++) {
                        if (Header.type(items[i]) != STR) {
                            throw PyException.of("TypeError", "sequence item " + i + ": expected str instance, " + Ops.typeName(items[i]) + " found");
                        }
                        if (i > 0) b.append(s);
                        b.append(Obj.str(items[i]));
                    }
                    return Obj.newStr(b.toString());
                } finally {
                    for (long x : items) Heap.decref(x);
                }
            }
            case "split":
            case "rsplit": {
                long sepObj = c.npos() > 0 ? a[0] : c.kw("sep");
                long maxObj = c.npos() > 1 ? a[1] : c.kw("maxsplit");
                int max = maxObj == 0 ? -1 : (int) Obj.intValue(maxObj);
                List<String> parts = new ArrayList<>();
                if (sepObj == 0 || sepObj == Obj.NONE) {
                    if (name.equals("split")) {
                        int i = 0, n = s.length();
                        while (true) {
                            while (i < n && isWs(s.charAt(i))) i++;
                            if (i >= n) break;
                            if (max >= 0 && parts.size() == max) {
                                parts.add(strip(s.substring(i), null, false, true));
                                break;
                            }
                            int j = i;
                            while (j < n && !isWs(s.charAt(j))) j++;
                            parts.add(s.substring(i, j));
                            i = j;
                        }
                    } else {
                        int i = s.length();
                        while (true) {
                            while (i > 0 && isWs(s.charAt(i - 1))) i--;
                            if (i <= 0) break;
                            if (max >= 0 && parts.size() == max) {
                                parts.addFirst(strip(s.substring(0, i), null, true, false));
                                break;
                            }
                            int j = i;
                            while (j > 0 && !isWs(s.charAt(j - 1))) j--;
                            parts.addFirst(s.substring(j, i));
                            i = j;
                        }
                    }
                    return strList(parts);
                }
                String sep = Obj.str(sepObj);
                if (sep.isEmpty()) throw PyException.of("ValueError", "empty separator");
                if (name.equals("split")) {
                    int i = 0;
                    while (true) {
                        int j = s.indexOf(sep, i);
                        if (j < 0 || (max >= 0 && parts.size() == max)) {
                            parts.add(s.substring(i));
                            break;
                        }
                        parts.add(s.substring(i, j));
                        i = j + sep.length();
                    }
                } else {
                    int i = s.length();
                    while (true) {
                        int j = s.lastIndexOf(sep, i - sep.length());
                        if (j < 0 || i - sep.length() < 0 || (max >= 0 && parts.size() == max)) {
                            parts.addFirst(s.substring(0, i));
                            break;
                        }
                        parts.addFirst(s.substring(j + sep.length(), i));
                        i = j;
                    }
                }
                return strList(parts);
            }
            case "splitlines": {
                long keepArg = c.arg(0, "keepends");
                boolean keep = keepArg != 0 && Ops.truthy(keepArg);
                List<String> parts = new ArrayList<>();
                int i = 0;
                while (i < s.length()) {
                    int j = i;
                    while (j < s.length() && s.charAt(j) != '\n' && s.charAt(j) != '\r') j++;
                    int end = j;
                    if (j < s.length() && s.charAt(j) == '\r' && j + 1 < s.length() && s.charAt(j + 1) == '\n') j++;
                    parts.add(s.substring(i, keep ? Math.min(j + 1, s.length()) : end));
                    i = j + 1;
                }
                return strList(parts);
            }
            case "strip": return Obj.newStr(strip(s, c.npos() > 0 && a[0] != Obj.NONE ? Obj.str(a[0]) : null, true, true));
            case "lstrip": return Obj.newStr(strip(s, c.npos() > 0 && a[0] != Obj.NONE ? Obj.str(a[0]) : null, true, false));
            case "rstrip": return Obj.newStr(strip(s, c.npos() > 0 && a[0] != Obj.NONE ? Obj.str(a[0]) : null, false, true));
            case "upper": return Obj.newStr(s.toUpperCase());
            case "lower":
            case "casefold": return Obj.newStr(s.toLowerCase());
            case "swapcase": {
                StringBuilder b = new StringBuilder();
                for (char ch : s.toCharArray()) b.append(Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
                return Obj.newStr(b.toString());
            }
            case "title": {
                StringBuilder b = new StringBuilder();
                boolean prevCased = false;
                for (char ch : s.toCharArray()) {
                    b.append(prevCased ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
                    prevCased = Character.isLetter(ch);
                }
                return Obj.newStr(b.toString());
            }
            case "capitalize": return Obj.newStr(s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase());
            case "replace": {
                c.count(2, 3);
                String old = argStr(c, 0, "replace"), neu = argStr(c, 1, "replace");
                long count = c.npos() > 2 ? Obj.intValue(a[2]) : -1;
                if (count < 0) return Obj.newStr(s.replace(old, neu));
                StringBuilder b = new StringBuilder();
                int i = 0;
                while (count-- > 0) {
                    int j = old.isEmpty() ? (i <= s.length() ? i : -1) : s.indexOf(old, i);
                    if (j < 0) break;
                    b.append(s, i, j).append(neu);
                    if (old.isEmpty()) {
                        if (j < s.length()) b.append(s.charAt(j));
                        i = j + 1;
                    } else {
                        i = j + old.length();
                    }
                }
                if (i <= s.length()) b.append(s.substring(i));
                return Obj.newStr(b.toString());
            }
            case "startswith":
            case "endswith": {
                long p = a[0];
                String sub = s;
                if (c.npos() > 1) {
                    long[] b = {Obj.intValue(a[1]), c.npos() > 2 ? Obj.intValue(a[2]) : Long.MIN_VALUE, 1};
                    long[] adj = Builtins.adjust(b, s.length());
                    sub = adj[3] > 0 ? s.substring((int) adj[0], (int) (adj[0] + adj[3])) : "";
                }
                if (Header.type(p) == TUPLE) {
                    for (long i = 0; i < Obj.tupleSize(p); i++) {
                        String x = Obj.str(Obj.tupleItem(p, i));
                        if (name.equals("startswith") ? sub.startsWith(x) : sub.endsWith(x)) return Obj.TRUE;
                    }
                    return Obj.FALSE;
                }
                if (Header.type(p) != STR) {
                    throw PyException.of("TypeError", name + " first arg must be str or a tuple of str, not " + Ops.typeName(p));
                }
                String x = Obj.str(p);
                return Obj.bool(name.equals("startswith") ? sub.startsWith(x) : sub.endsWith(x));
            }
            case "find":
            case "index":
            case "rfind":
            case "rindex":
            case "count": {
                c.count(1, 3);
                String sub = argStr(c, 0, name);
                int start = 0, end = s.length();
                if (c.npos() > 1 || c.npos() > 2) {
                    long[] b = {c.npos() > 1 && a[1] != Obj.NONE ? Obj.intValue(a[1]) : Long.MIN_VALUE,
                            c.npos() > 2 && a[2] != Obj.NONE ? Obj.intValue(a[2]) : Long.MIN_VALUE, 1};
                    long[] adj = Builtins.adjust(b, s.length());
                    start = (int) adj[0];
                    end = Math.max(start, (int) adj[1]);
                }
                String region = s.substring(Math.min(start, s.length()), Math.min(end, s.length()));
                if (name.equals("count")) {
                    if (sub.isEmpty()) return Obj.newInt(region.length() + 1);
                    int n = 0, i = 0;
                    while ((i = region.indexOf(sub, i)) >= 0) {
                        n++;
                        i += sub.length();
                    }
                    return Obj.newInt(n);
                }
                int r = name.startsWith("r") ? region.lastIndexOf(sub) : region.indexOf(sub);
                if (r >= 0) r += start;
                if (r < 0 && name.contains("index")) throw PyException.of("ValueError", "substring not found");
                return Obj.newInt(r);
            }
            case "isdigit":
            case "isnumeric":
            case "isdecimal": return Obj.bool(!s.isEmpty() && s.chars().allMatch(Character::isDigit));
            case "isalpha": return Obj.bool(!s.isEmpty() && s.chars().allMatch(Character::isLetter));
            case "isalnum": return Obj.bool(!s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit));
            case "isspace": return Obj.bool(!s.isEmpty() && s.chars().allMatch(ch -> isWs((char) ch)));
            case "isupper": return Obj.bool(s.chars().anyMatch(Character::isUpperCase) && s.chars().noneMatch(Character::isLowerCase));
            case "islower": return Obj.bool(s.chars().anyMatch(Character::isLowerCase) && s.chars().noneMatch(Character::isUpperCase));
            case "istitle": {
                long t = str("title", self, s, c);
                boolean r = Obj.str(t).equals(s) && s.chars().anyMatch(Character::isLetter);
                Heap.decref(t);
                return Obj.bool(r);
            }
            case "isidentifier": return Obj.bool(!s.isEmpty() && Character.isJavaIdentifierStart(s.charAt(0)) && s.charAt(0) != '$'
                    && s.chars().allMatch(ch -> Character.isJavaIdentifierPart(ch) && ch != '$'));
            case "center":
            case "ljust":
            case "rjust": {
                c.count(1, 2);
                int w = (int) Obj.intValue(a[0]);
                String fill = c.npos() > 1 ? Obj.str(a[1]) : " ";
                int n = w - s.length();
                if (n <= 0) return Heap.newRef(self);
                if (name.equals("ljust")) return Obj.newStr(s + fill.repeat(n));
                if (name.equals("rjust")) return Obj.newStr(fill.repeat(n) + s);
                int left = n / 2 + (n & w & 1);
                return Obj.newStr(fill.repeat(left) + s + fill.repeat(n - left));
            }
            case "zfill": {
                int w = (int) Obj.intValue(a[0]);
                int n = w - s.length();
                if (n <= 0) return Heap.newRef(self);
                if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) return Obj.newStr(s.charAt(0) + "0".repeat(n) + s.substring(1));
                return Obj.newStr("0".repeat(n) + s);
            }
            case "format": return Obj.newStr(Builtins.formatStr(s, a, c.kwnames(), 0));
            case "format_map": {
                c.count(1, 1);
                return Obj.newStr(Builtins.formatStr(s, a, null, a[0]));
            }
            case "partition":
            case "rpartition": {
                String sep = argStr(c, 0, name);
                if (sep.isEmpty()) throw PyException.of("ValueError", "empty separator");
                int i = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
                long t = Obj.newTuple(3);
                if (i < 0) {
                    boolean first = name.equals("partition");
                    Obj.tupleInit(t, 0, Obj.newStr(first ? s : ""));
                    Obj.tupleInit(t, 1, Obj.newStr(""));
                    Obj.tupleInit(t, 2, Obj.newStr(first ? "" : s));
                } else {
                    Obj.tupleInit(t, 0, Obj.newStr(s.substring(0, i)));
                    Obj.tupleInit(t, 1, Obj.newStr(sep));
                    Obj.tupleInit(t, 2, Obj.newStr(s.substring(i + sep.length())));
                }
                return t;
            }
            case "removeprefix": {
                String p = argStr(c, 0, name);
                return Obj.newStr(s.startsWith(p) ? s.substring(p.length()) : s);
            }
            case "removesuffix": {
                String p = argStr(c, 0, name);
                return Obj.newStr(s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s);
            }
            case "expandtabs": {
                StringBuilder b = new StringBuilder();
                int col = 0;
                int tab = c.npos() > 0 ? (int) Obj.intValue(a[0]) : 8;
                for (char ch : s.toCharArray()) {
                    if (ch == '\t') {
                        int n = tab - col % tab;
                        b.append(" ".repeat(n));
                        col += n;
                    } else {
                        b.append(ch);
                        col = ch == '\n' ? 0 : col + 1;
                    }
                }
                return Obj.newStr(b.toString());
            }
            default:
                throw PyException.of("AttributeError", "'str' object has no attribute '" + name + "'");
        }
    }

    /**
     * {@code list.sort}, as CPython's {@code list_sort}: the list is empty while keys are computed and
     * items compared (so user code sees an empty list and cannot free an item being compared), the
     * sort is a stable merge sort that uses only {@code <} (an inconsistent {@code __lt__} gives some
     * order, never an error), and a list that user code changed during the sort raises
     * {@code ValueError: list modified during sort} after the sorted items are put back. If a key
     * function or a comparison raises, the list gets its items back in their original order.
     */
    static void sort(long l, long key, long reverse) {
        if (key == Obj.NONE) key = 0;
        boolean rev = reverse != 0 && Ops.truthy(reverse);
        long[] items = Lists.snapshot(l);
        Lists.clear(l);
        long emptyStorage = Lists.storage(l);
        long[] keys = new long[items.length];
        boolean sorted = false;
        try {
            for (int i = 0; i < items.length; i++) {
                keys[i] = key == 0 ? Heap.newRef(items[i]) : Interp.call(key, new long[]{items[i]}, null);
            }
            int[] order = new int[items.length];
            for (int i = 0; i < order.length; i++) order[i] = rev ? order.length - 1 - i : i;
            mergeSort(order, new int[order.length], 0, order.length, keys);
            if (rev) {
                for (int i = 0, j = order.length - 1; i < j; i++, j--) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
            }
            long[] original = items.clone();
            for (int i = 0; i < order.length; i++) items[i] = original[order[i]];
            sorted = true;
        } finally {
            boolean modified = Lists.size(l) != 0 || Lists.storage(l) != emptyStorage;
            Lists.replaceAll(l, items, items.length); // the list takes the snapshot's references
            for (long x : keys) Heap.xdecref(x);
            if (sorted && modified) {
                throw PyException.of("ValueError", "list modified during sort");
            }
        }
    }

    /** Stable merge sort of {@code order[from, to)} by {@code keys}, with {@code <} as the only test. */
    private static void mergeSort(int[] order, int[] scratch, int from, int to, long[] keys) {
        if (to - from < 2) {
            return;
        }
        if (to - from <= 8) {
            for (int i = from + 1; i < to; i++) {
                int x = order[i];
                int j = i;
                while (j > from && Ops.less(keys[x], keys[order[j - 1]])) {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(order, scratch, from, mid, keys);
        mergeSort(order, scratch, mid, to, keys);
        if (!Ops.less(keys[order[mid]], keys[order[mid - 1]])) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int i = from, j = mid, k = from;
        while (i < mid && j < to) {
            order[k++] = Ops.less(keys[scratch[j]], keys[scratch[i]]) ? scratch[j++] : scratch[i++];
        }
        while (i < mid) order[k++] = scratch[i++];
        while (j < to) order[k++] = scratch[j++];
    }

    /** The special methods of list and dict reachable as {@code dict.__setitem__(d, k, v)} or through super(). */
    private static final java.util.Map<String, Integer> ARITY = java.util.Map.of("__getitem__", 1, "__setitem__", 2,
            "__delitem__", 1, "__len__", 0, "__contains__", 1, "__repr__", 0, "__iter__", 0, "__eq__", 1, "__ne__", 1);
    static final java.util.Set<String> CONTAINER_DUNDERS = ARITY.keySet();

    /** A list or dict special method by the built-in type's own behaviour, ignoring subclass overrides. */
    private static long containerDunder(String name, long self, Call c) {
        long[] a = c.args();
        c.count(ARITY.get(name), ARITY.get(name));
        return switch (name) {
            case "__getitem__" -> Builtins.builtinGetItem(self, a[0]);
            case "__setitem__" -> {
                Builtins.builtinSetItem(self, a[0], a[1]);
                yield Obj.NONE;
            }
            case "__delitem__" -> {
                Builtins.builtinDelItem(self, a[0]);
                yield Obj.NONE;
            }
            case "__len__" -> Obj.newInt(Header.type(self) == LIST ? Lists.size(self) : Dict.size(self));
            case "__contains__" -> Obj.bool(Ops.containsBuiltin(self, a[0]));
            case "__repr__" -> Obj.newStr(Seq.reprBuiltin(self));
            case "__eq__", "__ne__" -> {
                if (Header.type(a[0]) != Header.type(self)) yield Heap.newRef(Obj.NOTIMPL);
                boolean equal = self == a[0] || Seq.equalsSeq(self, a[0]);
                yield Obj.bool(equal == name.equals("__eq__"));
            }
            default -> Iter.builtinIter(self);
        };
    }

    private static long list(String name, long self, Call c) {
        long[] a = c.args();
        switch (name) {
            case "__init__":
                Constructors.initBuiltinPart(self, LIST, a, c.npos(), c.kwnames());
                return Obj.NONE;
            case "append":
                c.count(1, 1);
                Lists.append(self, a[0]);
                return Obj.NONE;
            case "extend":
                c.count(1, 1);
                Builtins.listExtend(self, a[0]);
                return Obj.NONE;
            case "insert": {
                c.count(2, 2);
                long n = Lists.size(self);
                long i = Obj.intValue(a[0]);
                if (i < 0) i = Math.max(0, i + n);
                if (i > n) i = n;
                Lists.insertStolen(self, i, Heap.newRef(a[1]));
                return Obj.NONE;
            }
            case "pop": {
                c.count(0, 1);
                long n = Lists.size(self);
                if (n == 0) throw PyException.of("IndexError", "pop from empty list");
                long i = c.npos() > 0 ? Obj.intValue(a[0]) : n - 1;
                if (i < 0) i += n;
                if (i < 0 || i >= n) throw PyException.of("IndexError", "pop index out of range");
                return Lists.removeAt(self, i);
            }
            case "remove": {
                c.count(1, 1);
                for (long i = 0; i < Lists.size(self); i++) {
                    long item = Lists.get(self, i);
                    Heap.incref(item);
                    try {
                        // __eq__ may have shrunk the list: as CPython's list_remove, delete what is
                        // at position i now, if the list still reaches it.
                        if (Ops.eq(item, a[0])) {
                            if (i < Lists.size(self)) {
                                Heap.decref(Lists.removeAt(self, i));
                            }
                            return Obj.NONE;
                        }
                    } finally {
                        Heap.decref(item);
                    }
                }
                throw PyException.of("ValueError", "list.remove(x): x not in list");
            }
            case "index":
            case "count":
                return seq(name, self, c);
            case "sort":
                c.count(0, 0);
                sort(self, c.kw("key"), c.kw("reverse"));
                return Obj.NONE;
            case "reverse": {
                long[] items = Lists.snapshot(self);
                long[] rev = new long[items.length];
                for (int i = 0; i < items.length; i++) rev[i] = items[items.length - 1 - i];
                Lists.replaceAll(self, rev, rev.length);
                return Obj.NONE;
            }
            case "copy": {
                long[] items = Lists.snapshot(self);
                return Seq.fromArray(LIST, items, items.length);
            }
            case "clear":
                Lists.clear(self);
                return Obj.NONE;
            default:
                if (CONTAINER_DUNDERS.contains(name)) {
                    return containerDunder(name, self, c);
                }
                throw PyException.of("AttributeError", "'list' object has no attribute '" + name + "'");
        }
    }

    private static long seq(String name, long self, Call c) {
        if (Header.type(self) == LIST) {
            return listCountOrIndex(name, self, c);
        }
        long[] items = Builtins.toArray(self);
        try {
            if (name.equals("count")) {
                c.count(1, 1);
                int n = 0;
                for (long x : items) if (Ops.eq(x, c.args()[0])) n++;
                return Obj.newInt(n);
            }
            c.count(1, 3);
            int start = c.npos() > 1 ? (int) Builtins.adjust(new long[]{Obj.intValue(c.args()[1]), Long.MIN_VALUE, 1}, items.length)[0] : 0;
            for (int i = start; i < items.length; i++) {
                if (Ops.eq(items[i], c.args()[0])) return Obj.newInt(i);
            }
            String t = Ops.typeName(self);
            throw PyException.of("ValueError", t.equals("list") ? Seq.repr(c.args()[0]) + " is not in list"
                    : t + ".index(x): x not in " + t);
        } finally {
            for (long x : items) Heap.decref(x);
        }
    }

    /**
     * {@code list.count}/{@code list.index} as CPython's: the live list is walked by position with its
     * size re-read at every step (an {@code __eq__} that shrinks the list ends the walk early), and
     * each item is owned across its comparison.
     */
    private static long listCountOrIndex(String name, long self, Call c) {
        long x = c.args()[0];
        if (name.equals("count")) {
            c.count(1, 1);
            int n = 0;
            for (long i = 0; i < Lists.size(self); i++) {
                if (Ops.eqBorrowed(Lists.get(self, i), x)) n++;
            }
            return Obj.newInt(n);
        }
        c.count(1, 3);
        long[] bounds = Builtins.adjust(new long[]{c.npos() > 1 ? Obj.intValue(c.args()[1]) : Long.MIN_VALUE,
                c.npos() > 2 ? Obj.intValue(c.args()[2]) : Long.MIN_VALUE, 1}, Lists.size(self));
        for (long i = bounds[0]; i < bounds[1] && i < Lists.size(self); i++) {
            if (Ops.eqBorrowed(Lists.get(self, i), x)) return Obj.newInt(i);
        }
        throw PyException.of("ValueError", Seq.repr(x) + " is not in list");
    }

    private static long view(long d, int kind) {
        long v = Heap.object(VIEW, 16);
        Heap.putLong(v + P, Heap.newRef(d));
        Heap.putLong(v + P + 8, kind);
        return v;
    }

    private static long dict(String name, long self, Call c) {
        long[] a = c.args();
        switch (name) {
            case "__init__":
                Constructors.initBuiltinPart(self, DICT, a, c.npos(), c.kwnames());
                return Obj.NONE;
            case "get": {
                c.count(1, 2);
                long v = Dict.get(self, a[0]);
                return Heap.newRef(v != 0 ? v : c.npos() > 1 ? a[1] : Obj.NONE);
            }
            case "keys": return view(self, 0);
            case "values": return view(self, 1);
            case "items": return view(self, 2);
            case "pop": {
                c.count(1, 2);
                long v = Dict.pop(self, a[0]);
                if (v != 0) return v;
                if (c.npos() > 1) return Heap.newRef(a[1]);
                throw PyException.withArgs("KeyError", Obj.tupleOf(a[0]));
            }
            case "popitem": {
                long[] kv = new long[2];
                if (!Dict.popLast(self, kv)) throw PyException.of("KeyError", "popitem(): dictionary is empty");
                long t = Obj.newTuple(2);
                Obj.tupleInit(t, 0, kv[0]);
                Obj.tupleInit(t, 1, kv[1]);
                return t;
            }
            case "setdefault": {
                c.count(1, 2);
                long v = Dict.get(self, a[0]);
                if (v != 0) return Heap.newRef(v);
                long d = c.npos() > 1 ? a[1] : Obj.NONE;
                Dict.put(self, a[0], d);
                return Heap.newRef(d);
            }
            case "update": {
                if (c.npos() > 0) Builtins.dictUpdate(self, a[0]);
                if (c.kwnames() != null) {
                    for (int i = 0; i < c.kwnames().length; i++) Dict.putStr(self, c.kwnames()[i], a[c.npos() + i]);
                }
                return Obj.NONE;
            }
            case "copy": return Builtins.copyDict(self);
            case "clear":
                Dict.clear(self);
                return Obj.NONE;
            default:
                if (CONTAINER_DUNDERS.contains(name)) {
                    return containerDunder(name, self, c);
                }
                throw PyException.of("AttributeError", "'dict' object has no attribute '" + name + "'");
        }
    }

    private static long set(String name, long self, Call c) {
        long[] a = c.args();
        switch (name) {
            case "add":
                c.count(1, 1);
                Dict.put(self, a[0], 0);
                return Obj.NONE;
            case "remove": {
                long v = Dict.pop(self, a[0]);
                if (v == 0) throw PyException.withArgs("KeyError", Obj.tupleOf(a[0]));
                return Obj.NONE;
            }
            case "discard":
                Dict.pop(self, a[0]);
                return Obj.NONE;
            case "pop": {
                long[] kv = new long[2];
                if (!Dict.popLast(self, kv)) throw PyException.of("KeyError", "pop from an empty set");
                return kv[0];
            }
            case "clear":
                Dict.clear(self);
                return Obj.NONE;
            case "copy": return Builtins.copyDict(self);
            case "update":
                for (long x : a) Builtins.setAddAll(self, x);
                return Obj.NONE;
            case "union":
            case "intersection":
            case "difference":
            case "symmetric_difference": {
                long r = Builtins.copyDict(self);
                for (long x : a) {
                    long other = Dict.create(SET);
                    Builtins.setAddAll(other, x);
                    var op = switch (name) {
                        case "union" -> io.github.ftmem.interpreter.syntax.Expr.BinaryOperator.BITOR;
                        case "intersection" -> io.github.ftmem.interpreter.syntax.Expr.BinaryOperator.BITAND;
                        case "difference" -> io.github.ftmem.interpreter.syntax.Expr.BinaryOperator.SUB;
                        default -> io.github.ftmem.interpreter.syntax.Expr.BinaryOperator.BITXOR;
                    };
                    long n = Builtins.setOp(op, r, other);
                    Heap.decref(other);
                    Heap.decref(r);
                    r = n;
                }
                return r;
            }
            case "intersection_update":
            case "difference_update": {
                long other = Dict.create(SET);
                Builtins.setAddAll(other, a[0]);
                long[] keys = Builtins.toArray(self);
                for (long k : keys) {
                    boolean in = Dict.contains(other, k);
                    if (in == name.startsWith("difference")) {
                        Dict.pop(self, k);
                    }
                    Heap.decref(k);
                }
                Heap.decref(other);
                return Obj.NONE;
            }
            case "issubset":
            case "issuperset":
            case "isdisjoint": {
                long other = Dict.create(SET);
                Builtins.setAddAll(other, a[0]);
                try {
                    long small = name.equals("issuperset") ? other : self;
                    long big = name.equals("issuperset") ? self : other;
                    if (name.equals("isdisjoint") && Dict.size(other) < Dict.size(self)) {
                        small = other; // CPython walks the smaller set, so its __eq__ calls are the same
                        big = self;
                    }
                    for (long i = 0; i < Dict.filled(small); i++) {
                        long k = Dict.keyAt(small, i);
                        if (k == 0) continue;
                        Heap.incref(k);
                        boolean in;
                        try {
                            in = Dict.contains(big, k);
                        } finally {
                            Heap.decref(k);
                        }
                        if (name.equals("isdisjoint") ? in : !in) return Obj.FALSE;
                    }
                    return Obj.TRUE;
                } finally {
                    Heap.decref(other);
                }
            }
            default:
                throw PyException.of("AttributeError", "'set' object has no attribute '" + name + "'");
        }
    }
}
