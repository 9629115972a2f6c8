package io.vpmon.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads, binds and validates a spec file, reporting every problem at once. */
public final class SpecLoader {
    /** The spec path that means standard input. */
    public static final String STDIN = "-";

    /** A loaded spec (null when it could not be bound) and everything found wrong with it. */
    public record Result(Spec spec, List<Problem> problems) {
        public boolean valid() {
            return spec != null && problems.stream().noneMatch(Problem::isError);
        }

        /** The spec, or a SpecException carrying every problem. */
        public Spec orThrow() {
            if (!valid()) {
                throw new SpecException(problems);
            }
            return spec;
        }
    }

    private SpecLoader() {
    }

    public static Result load(String path, InputStream stdin) {
        String file = displayName(path);
        byte[] content;
        try {
            content = STDIN.equals(path) ? stdin.readNBytes(YamlReader.MAX_BYTES + 1) : readFile(Path.of(path));
        } catch (NoSuchFileException e) {
            return failed(file, "spec file not found", "create one with 'vpmon init " + path + "'");
        } catch (IOException e) {
            return failed(file, "cannot read spec: " + e.getMessage(), null);
        }
        return parse(file, content);
    }

    /** How messages name the spec at {@code path}: the path, or {@code <stdin>}. */
    public static String displayName(String path) {
        return STDIN.equals(path) ? "<stdin>" : path;
    }

    public static Result load(Path path) {
        return load(path.toString(), InputStream.nullInputStream());
    }

    /** Parses spec text already in memory; {@code file} names it in messages. */
    public static Result parse(String file, byte[] content) {
        YamlReader.Result read = YamlReader.read(file, content);
        List<Problem> problems = new ArrayList<>(read.problems());
        LocatedYaml yaml = read.yaml();
        if (yaml == null || yaml.root().isNull()) {
            if (problems.isEmpty()) {
                problems.add(Problem.error(SourceLocation.startOf(file), "spec is empty",
                        "a spec starts with 'apiVersion: " + Spec.API_VERSION + "'; 'vpmon init' writes a starter"));
            }
            return new Result(null, sorted(problems));
        }
        if (!yaml.root().isObject()) {
            problems.add(Problem.error(yaml.valueAt(""), "spec must be a mapping of keys, got " + Binder.describe(yaml.root()),
                    "a spec starts with 'apiVersion: " + Spec.API_VERSION + "'"));
            return new Result(null, sorted(problems));
        }
        Spec spec = new Binder(yaml, problems).bindRoot(Spec.class);
        SpecValidator.validate(spec, yaml, problems);
        return new Result(spec, sorted(problems));
    }

    private static byte[] readFile(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException(path + " is a directory");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(YamlReader.MAX_BYTES + 1);
        }
    }

    private static Result failed(String file, String message, String hint) {
        return new Result(null, List.of(Problem.error(SourceLocation.startOf(file), message, hint)));
    }

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(Comparator.comparingInt((Problem p) -> p.location().line()).thenComparingInt(p -> p.location().column()));
        return List.copyOf(copy);
    }
}
