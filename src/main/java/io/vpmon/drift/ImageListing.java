package io.vpmon.drift;

import io.vpmon.VpmonException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Every regular file under a folder, recursively and following symbolic links, sorted by path so
 * runs are reproducible. Whether a file is an image is decided later, by its content. Folders
 * that cannot be read are reported, not fatal.
 */
public final class ImageListing {
    private ImageListing() {
    }

    public record Listing(List<Path> files, List<SkippedFile> unreadable) {
    }

    /**
     * @param option the command-line option that named the folder, for messages
     * @throws VpmonException (usage) when {@code root} is missing or not a folder
     */
    public static Listing list(Path root, String option, String batch) {
        if (!Files.exists(root)) {
            throw VpmonException.usage(option + " " + root + ": no such folder");
        }
        if (!Files.isDirectory(root)) {
            String hint = root.getFileName() != null && root.getFileName().toString().endsWith(".csv")
                    ? " (CSV files of features go to " + option + "-features)" : "";
            throw VpmonException.usage(option + " " + root + ": not a folder" + hint);
        }
        List<Path> files = new ArrayList<>();
        List<SkippedFile> unreadable = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile()) {
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            String reason = e instanceof FileSystemLoopException ? "symbolic link loop, not followed"
                                    : e instanceof AccessDeniedException ? "permission denied"
                                    : "cannot read: " + e.getClass().getSimpleName();
                            unreadable.add(new SkippedFile(file.toString(), batch, reason));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw VpmonException.usage(option + " " + root + ": cannot list: " + e.getMessage());
        }
        files.sort(Comparator.comparing(Path::toString));
        return new Listing(files, unreadable);
    }
}
