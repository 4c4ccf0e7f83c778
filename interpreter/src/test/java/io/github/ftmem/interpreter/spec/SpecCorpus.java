package io.github.ftmem.interpreter.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The spec programs under {@code src/test/resources/spec/<area>/<name>.py} with their golden files. */
final class SpecCorpus {
    private SpecCorpus() {
    }

    /** One program: its file, source text and CPython's recorded behaviour. */
    record Program(Path file, String source, Golden golden) {
        /** The path below the corpus root ({@code area/name.py}, or {@code threads/area/name.py}). */
        String name() {
            return root().relativize(file).toString().replace('\\', '/');
        }

        /** The file name CPython prints (the regen script strips the absolute directory). */
        String displayName() {
            return file.getFileName().toString();
        }

        /** CPython's symbol-table dump, or null for programs that do not compile. */
        String scopes() {
            return sibling(".scopes");
        }

        /** CPython's syntax-tree dump, or null for programs that do not parse. */
        String syntaxTree() {
            return sibling(".ast");
        }

        private String sibling(String extension) {
            Path path = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.py$", extension));
            return Files.exists(path) ? read(path) : null;
        }
    }

    static Path root() {
        URL url = SpecCorpus.class.getResource("/spec");
        if (url == null) {
            throw new IllegalStateException("spec corpus not on the test class path (src/test/resources/spec)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Program> programs() {
        try (Stream<Path> files = Files.walk(root())) {
            // Modules under a _modules directory are imported by the programs beside it, not run alone.
            return files.filter(p -> p.toString().endsWith(".py"))
                    .filter(p -> !root().relativize(p).toString().contains("_modules"))
                    .sorted().map(SpecCorpus::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Program load(Path file) {
        Path out = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.py$", ".out"));
        if (!Files.exists(out)) {
            throw new IllegalStateException("no golden output for " + file + ": run interpreter/tools/regen-golden");
        }
        return new Program(file, read(file), Golden.parse(read(out)));
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
