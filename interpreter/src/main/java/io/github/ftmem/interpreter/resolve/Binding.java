package io.github.ftmem.interpreter.resolve;

/**
 * Where a name lives at run time, decided once by the {@link Resolver}.
 *
 * <table>
 *   <caption>Binding kinds and the evaluator's access</caption>
 *   <tr><th>kind</th><th>load</th><th>store / delete</th></tr>
 *   <tr><td>FAST</td><td>frame slot {@code slot}</td><td>frame slot</td></tr>
 *   <tr><td>CELL</td><td>contents of the cell in frame slot {@code slot}</td><td>cell contents</td></tr>
 *   <tr><td>FREE</td><td>contents of the closure cell in frame slot {@code slot}</td><td>cell contents</td></tr>
 *   <tr><td>CLASS_DEREF</td><td>class namespace, then the cell in slot {@code slot}</td><td>(loads only)</td></tr>
 *   <tr><td>NAME</td><td>class namespace, then module globals, then builtins</td><td>class namespace</td></tr>
 *   <tr><td>GLOBAL</td><td>module globals, then builtins</td><td>module globals</td></tr>
 *   <tr><td>BUILTIN</td><td>builtins (the module never binds the name)</td><td>(loads only)</td></tr>
 * </table>
 *
 * <p>BUILTIN is an optimisation hint that is exact for programs that bind module names only
 * through statements; a module attribute written from outside (through {@code setattr} on the
 * module object) must be honoured by the evaluator by checking the module's globals first when
 * the module dict has ever been written that way.
 */
public record Binding(Kind kind, int slot, String name) {

    public enum Kind { FAST, CELL, FREE, CLASS_DEREF, NAME, GLOBAL, BUILTIN }

    public static Binding global(String name) {
        return new Binding(Kind.GLOBAL, -1, name);
    }

    public static Binding builtin(String name) {
        return new Binding(Kind.BUILTIN, -1, name);
    }

    public static Binding name(String name) {
        return new Binding(Kind.NAME, -1, name);
    }

    /** Whether the value is reached through a cell object. */
    public boolean isCell() {
        return kind == Kind.CELL || kind == Kind.FREE || kind == Kind.CLASS_DEREF;
    }

    @Override
    public String toString() {
        return slot >= 0 ? kind + "[" + slot + "] " + name : kind + " " + name;
    }
}
