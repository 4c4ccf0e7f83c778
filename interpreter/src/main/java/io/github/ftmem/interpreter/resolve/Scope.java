package io.github.ftmem.interpreter.resolve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One code block: the module, a class body, a function or lambda, or a comprehension (which, as
 * in CPython 3.11, is a function of its own taking the outermost iterator as parameter
 * {@code .0}).
 *
 * <p>Frame layout of a scope, as the evaluator allocates it ({@code long} references, one per
 * slot): {@code [positional-only params, params, keyword-only params, *args, **kwargs, other
 * locals, cells that are not params, free variables]}. A slot listed in {@link #cellSlots()} holds
 * a cell object; a parameter that is also a cell is wrapped into a fresh cell by the function's
 * prologue ({@link #cellParameters()}). Free-variable slots are filled from the function object's
 * closure tuple, whose entries come from the enclosing scope's slots named by
 * {@link #closureSources()}.
 *
 * <p>Immutable once the resolver has returned.
 */
public final class Scope {

    public enum Kind { MODULE, CLASS, FUNCTION, LAMBDA, COMPREHENSION }

    // Symbol flags, as in CPython's symtable.h.
    static final int DEF_GLOBAL = 1;
    static final int DEF_LOCAL = 2;
    static final int DEF_PARAM = 4;
    static final int DEF_NONLOCAL = 8;
    static final int USE = 16;
    static final int DEF_FREE_CLASS = 64;
    static final int DEF_IMPORT = 128;
    static final int DEF_ANNOT = 256;
    static final int DEF_COMP_ITER = 512;
    static final int DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

    /** CPython's scope of a name after analysis. */
    enum NameScope { LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL }

    private final Kind kind;
    private final String name;
    private final Scope parent;
    private final List<Scope> children = new ArrayList<>();
    final Map<String, Integer> symbols = new LinkedHashMap<>();
    final Map<String, Object> directives = new LinkedHashMap<>();
    final Map<String, NameScope> nameScopes = new LinkedHashMap<>();
    final List<String> parameters = new ArrayList<>();
    boolean free;
    boolean childFree;
    boolean generator;
    boolean needsClassClosure;
    boolean hasStarImport;

    private List<String> slots = List.of();
    private Map<String, Integer> slotIndex = Map.of();
    private List<Integer> cellSlots = List.of();
    private List<Integer> cellParameters = List.of();
    private List<Binding> closureSources = List.of();
    private int freeStart;

    Scope(Kind kind, String name, Scope parent) {
        this.kind = kind;
        this.name = name;
        this.parent = parent;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The code name: the function or class name, {@code <module>}, {@code <lambda>}, {@code <listcomp>}... */
    public String name() {
        return name;
    }

    public Scope parent() {
        return parent;
    }

    public List<Scope> children() {
        return Collections.unmodifiableList(children);
    }

    /** True for def, lambda and comprehension scopes, whose locals live in frame slots. */
    public boolean isFunctionLike() {
        return kind == Kind.FUNCTION || kind == Kind.LAMBDA || kind == Kind.COMPREHENSION;
    }

    /** Whether the body contains {@code yield} (always true for generator expressions). */
    public boolean isGenerator() {
        return generator;
    }

    /** A class body some method of which uses {@code super()} or {@code __class__}: it owns a {@code __class__} cell. */
    public boolean needsClassCell() {
        return needsClassClosure;
    }

    /** Names of the frame slots, in slot order. */
    public List<String> slots() {
        return slots;
    }

    public int slotCount() {
        return slots.size();
    }

    /** Slot of {@code name}, or -1. */
    public int slotOf(String slotName) {
        Integer i = slotIndex.get(slotName);
        return i == null ? -1 : i;
    }

    /** Number of parameter slots (they come first). */
    public int parameterCount() {
        return parameters.size();
    }

    /** Slots that hold cells (CELL and FREE bindings). */
    public List<Integer> cellSlots() {
        return cellSlots;
    }

    /** Parameter slots whose value must be moved into a new cell on entry. */
    public List<Integer> cellParameters() {
        return cellParameters;
    }

    /** First free-variable slot; free variables occupy {@code [freeStart, slotCount)}. */
    public int freeStart() {
        return freeStart;
    }

    /**
     * For each free variable (in slot order), the binding in the enclosing scope whose cell the
     * closure captures: a CELL or FREE slot of the parent (for a class parent, possibly its
     * {@code __class__} cell).
     */
    public List<Binding> closureSources() {
        return closureSources;
    }

    int flags(String symbol) {
        return symbols.getOrDefault(symbol, 0);
    }

    void addFlags(String symbol, int flags) {
        symbols.merge(symbol, flags, (a, b) -> a | b);
    }

    NameScope nameScope(String symbol) {
        return nameScopes.get(symbol);
    }

    void layout(List<String> slotNames, List<Integer> cells, List<Integer> cellParams, int firstFree) {
        this.slots = List.copyOf(slotNames);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < slotNames.size(); i++) {
            index.put(slotNames.get(i), i);
        }
        this.slotIndex = Collections.unmodifiableMap(index);
        this.cellSlots = List.copyOf(cells);
        this.cellParameters = List.copyOf(cellParams);
        this.freeStart = firstFree;
    }

    void closureSources(List<Binding> sources) {
        this.closureSources = List.copyOf(sources);
    }

    @Override
    public String toString() {
        return kind + " " + name + " slots=" + slots;
    }
}
