package io.github.ftmem.interpreter.spec;

import java.nio.file.Path;

/** Runs one spec program the way CPython ran it for the golden file. */
@FunctionalInterface
interface ProgramRunner {

    /** What a run produced. */
    record Result(String stdout, String stderr, int exit) {
    }

    /**
     * Runs {@code script} with its directory as the working directory, passing the file name
     * (not a path) as the script argument, as {@code regen-golden} runs CPython.
     */
    Result run(Path script) throws Exception;
}
