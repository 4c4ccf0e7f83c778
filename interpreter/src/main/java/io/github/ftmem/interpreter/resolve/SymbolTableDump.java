package io.github.ftmem.interpreter.resolve;

import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a resolved scope tree in the terms of CPython's {@code symtable} module: one line per
 * block ({@code module top}, {@code class C}, {@code function f}, {@code function listcomp}...)
 * and, indented below it, one line per name with its scope ({@code LOCAL}, {@code CELL},
 * {@code FREE}, {@code GLOBAL_EXPLICIT}, {@code GLOBAL_IMPLICIT}) and {@code param} for
 * parameters. The spec tests compare this with the dump CPython produces for the same program.
 */
public final class SymbolTableDump {
    private SymbolTableDump() {
    }

    public static String of(Scope scope) {
        StringBuilder out = new StringBuilder();
        dump(scope, 0, out);
        return out.toString();
    }

    private static void dump(Scope scope, int depth, StringBuilder out) {
        String indent = "  ".repeat(depth);
        String type = switch (scope.kind()) {
            case MODULE -> "module";
            case CLASS -> "class";
            default -> "function";
        };
        String name = switch (scope.kind()) {
            case MODULE -> "top";
            case LAMBDA, COMPREHENSION -> scope.name().substring(1, scope.name().length() - 1);
            default -> scope.name();
        };
        out.append(indent).append(type).append(' ').append(name).append('\n');
        Map<String, Scope.NameScope> sorted = new TreeMap<>(scope.nameScopes);
        for (Map.Entry<String, Scope.NameScope> e : sorted.entrySet()) {
            out.append(indent).append("  ").append(e.getKey()).append(' ').append(e.getValue());
            if ((scope.flags(e.getKey()) & Scope.DEF_PARAM) != 0) {
                out.append(" param");
            }
            out.append('\n');
        }
        for (Scope child : scope.children()) {
            dump(child, depth + 1, out);
        }
    }
}
