package io.github.ftmem.interpreter.resolve;

import io.github.ftmem.interpreter.syntax.Program;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The resolver's result for one module: the scope tree and, keyed by node identity, the binding
 * of every name occurrence ({@code Expr.Name}) and of every statement or clause that binds a
 * name without a {@code Name} node ({@code FunctionDef}, {@code ClassDef}, import {@code Alias},
 * {@code ExceptHandler}), plus the scope each scope-introducing node opens ({@code FunctionDef},
 * {@code Lambda}, {@code ClassDef}, comprehensions, generator expressions).
 *
 * <p>The evaluator is expected to consult it once while compiling the tree into its executable
 * form, not on every execution.
 */
public final class Resolution {
    private final Program program;
    private final Scope moduleScope;
    private final Map<Object, Binding> bindings;
    private final Map<Object, Scope> scopes;
    private final boolean futureAnnotations;

    Resolution(Program program, Scope moduleScope, IdentityHashMap<Object, Binding> bindings,
               IdentityHashMap<Object, Scope> scopes, boolean futureAnnotations) {
        this.futureAnnotations = futureAnnotations;
        this.program = program;
        this.moduleScope = moduleScope;
        this.bindings = Collections.unmodifiableMap(bindings);
        this.scopes = Collections.unmodifiableMap(scopes);
    }

    /** {@code from __future__ import annotations} is in effect: annotations are kept as their source text. */
    public boolean futureAnnotations() {
        return futureAnnotations;
    }

    public Program program() {
        return program;
    }

    public Scope moduleScope() {
        return moduleScope;
    }

    /** The binding of a name node or of a binding statement/clause; throws if the node was not resolved. */
    public Binding binding(Object node) {
        Binding b = bindings.get(node);
        if (b == null) {
            throw new IllegalArgumentException("node was not resolved: " + node);
        }
        return b;
    }

    /** The scope opened by a def, lambda, class or comprehension node. */
    public Scope scope(Object node) {
        Scope s = scopes.get(node);
        if (s == null) {
            throw new IllegalArgumentException("node opens no scope: " + node);
        }
        return s;
    }

    /** Number of resolved name occurrences (for tests and statistics). */
    public int bindingCount() {
        return bindings.size();
    }
}
