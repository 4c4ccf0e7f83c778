package io.github.ftmem.interpreter.syntax;

import java.util.Set;

/** Python 3.11's hard keywords. */
public final class Keywords {
    private Keywords() {
    }

    public static final Set<String> ALL = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield");

    public static boolean isKeyword(String name) {
        return ALL.contains(name);
    }
}
