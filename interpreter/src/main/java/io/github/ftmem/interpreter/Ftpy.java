package io.github.ftmem.interpreter;

import io.github.ftmem.interpreter.runtime.Launcher;

/** {@code ftpy} entry point: {@code ftpy [-X opt] (FILE | -c CODE) [ARGS]}. */
public final class Ftpy {
    private Ftpy() {
    }

    public static void main(String[] args) {
        int status = Launcher.run(args, System.out, System.err);
        System.exit(status);
    }
}
