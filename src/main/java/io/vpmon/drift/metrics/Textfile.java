package io.vpmon.drift.metrics;

import io.vpmon.VpmonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes metrics for node_exporter's textfile collector: to a temporary file in the same folder,
 * then renamed over the target, so the collector never reads a half-written file.
 */
public final class Textfile {
    private Textfile() {
    }

    /** @throws VpmonException (usage) when the file cannot be written */
    public static void write(Path target, String exposition) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temporary = null;
        try {
            if (Files.isDirectory(absolute)) {
                throw VpmonException.usage("--textfile " + target + " is a folder; give a file name such as "
                        + target.resolve("vpmon_drift.prom"));
            }
            temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            Files.writeString(temporary, exposition, StandardCharsets.UTF_8);
            readableByCollector(temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            throw VpmonException.usage("--textfile " + target + ": cannot write: " + describe(e));
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and harmless
                }
            }
        }
    }

    /** Temporary files are private to their owner; node_exporter often runs as another user. */
    private static void readableByCollector(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // other file systems keep their defaults
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder " + e.getMessage();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
