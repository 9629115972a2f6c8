package io.vpmon.generate;

import io.vpmon.VpmonException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The output directory of {@code vpmon generate}. Writing is all or nothing: the files go to a
 * temporary sibling directory, which then replaces the old one by rename, so a failure at any
 * point leaves the previous output as it was. A marker file lists what vpmon wrote; any other
 * file in the directory stops the write rather than be lost.
 */
public final class OutputDirectory {
    public static final String MARKER = ".vpmon-generated";
    private static final String MARKER_FILE_PREFIX = "  ";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private OutputDirectory() {
    }

    /** Replaces {@code dir} with exactly these files. */
    public static void write(Path dir, List<GeneratedFile> files) {
        Path target = dir.toAbsolutePath().normalize();
        refuseForeignFiles(dir, target);
        Path parent = target.getParent();
        Path staging = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createDirectory(sibling(target, "new"));
            for (GeneratedFile file : files) {
                Path path = staging.resolve(file.path());
                Files.createDirectories(path.getParent());
                Files.write(path, file.content());
            }
            Files.writeString(staging.resolve(MARKER), marker(files), StandardCharsets.UTF_8);
            swap(staging, target);
            staging = null;
        } catch (IOException | UncheckedIOException e) {
            throw new VpmonException(io.vpmon.ExitCode.USAGE, "cannot write " + dir + ": " + describe(e)
                    + "; nothing was changed", e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    /** How {@code dir} differs from these files: a unified diff, plus files only on disk. Empty when equal. */
    public static String diff(Path dir, List<GeneratedFile> files) {
        StringBuilder out = new StringBuilder();
        Set<String> expected = new TreeSet<>();
        for (GeneratedFile file : files) {
            expected.add(file.path());
            Path onDisk = dir.resolve(file.path());
            String shown = dir.resolve(file.path()).toString();
            String current = read(onDisk);
            if (current == null) {
                out.append(UnifiedDiff.diff("/dev/null", "", shown + " (from spec)", file.contentAsString()));
            } else {
                out.append(UnifiedDiff.diff(shown + " (on disk)", current, shown + " (from spec)",
                        file.contentAsString()));
            }
        }
        for (String extra : filesUnder(dir)) {
            if (!expected.contains(extra) && !extra.equals(MARKER)) {
                out.append("Only in ").append(dir).append(": ").append(extra).append(" (not produced by the spec)\n");
            }
        }
        return out.toString();
    }

    /**
     * Files vpmon did not write (not listed in the marker) would be lost when the directory is
     * replaced, so their presence stops the write; the user moves them and runs again.
     */
    private static void refuseForeignFiles(Path dir, Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw VpmonException.usage(dir + " exists and is not a directory");
        }
        Set<String> ours = writtenBefore(target);
        List<String> foreign = filesUnder(target).stream()
                .filter(p -> !p.equals(MARKER) && !ours.contains(p))
                .toList();
        if (!foreign.isEmpty()) {
            String shown = String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                    + (foreign.size() > 5 ? " and " + (foreign.size() - 5) + " more" : "");
            throw VpmonException.usage(dir + " holds files vpmon did not write (" + shown + "); refusing to replace"
                    + " them. Move them out of the directory, or choose an empty or new one");
        }
    }

    private static Set<String> writtenBefore(Path target) {
        Path marker = target.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return Set.of();
        }
        String text = read(marker);
        Set<String> files = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(MARKER_FILE_PREFIX)) {
                files.add(line.substring(MARKER_FILE_PREFIX.length()));
            }
        }
        return files;
    }

    private static void swap(Path staging, Path target) throws IOException {
        if (!Files.exists(target)) {
            move(staging, target);
            return;
        }
        Path old = sibling(target, "old");
        move(target, old);
        try {
            move(staging, target);
        } catch (IOException e) {
            move(old, target);
            throw e;
        }
        deleteQuietly(old);
    }

    /**
     * A fresh hidden name beside the target. Not Files.createTempDirectory: its private 0700
     * mode would become the output directory's, and Prometheus often runs as another user.
     */
    private static Path sibling(Path target, String purpose) {
        return target.resolveSibling("." + target.getFileName() + ".vpmon-" + purpose + "-"
                + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static String marker(List<GeneratedFile> files) {
        StringBuilder sb = new StringBuilder("This directory is written by 'vpmon generate' and replaced on every run.\n"
                + "Files:\n");
        files.forEach(f -> sb.append(MARKER_FILE_PREFIX).append(f.path()).append('\n'));
        return sb.toString();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw VpmonException.usage("cannot read " + path + ": " + describe(e));
        }
    }

    private static List<String> filesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<String> files = new ArrayList<>();
            walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .forEach(files::add);
            return files;
        } catch (IOException | UncheckedIOException e) {
            throw VpmonException.usage("cannot list " + dir + ": " + describe(e));
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover hidden temp directory is harmless and named for what it is
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        String reason = cause.getClass().getSimpleName().replace("Exception", "");
        String message = cause.getMessage();
        return switch (reason) {
            case "AccessDenied" -> "permission denied (" + message + ")";
            case "NoSuchFile" -> "no such file or directory (" + message + ")";
            case "FileSystem", "ReadOnlyFileSystem" -> "read-only or unavailable file system (" + message + ")";
            default -> message != null ? message : reason;
        };
    }
}
