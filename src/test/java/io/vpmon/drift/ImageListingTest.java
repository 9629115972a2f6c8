package io.vpmon.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing is recursive, sorted, follows links and reports what it cannot read. */
class ImageListingTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryRegularFileRecursivelyInPathOrder() throws IOException {
        Files.createDirectories(dir.resolve("b/deeper"));
        Files.writeString(dir.resolve("b/deeper/z.png"), "x");
        Files.writeString(dir.resolve("b/a.jpg"), "x");
        Files.writeString(dir.resolve("a.txt"), "x");
        ImageListing.Listing listing = ImageListing.list(dir, "--reference", "reference");
        assertThat(listing.files()).containsExactly(dir.resolve("a.txt"), dir.resolve("b/a.jpg"), dir.resolve("b/deeper/z.png"));
        assertThat(listing.unreadable()).isEmpty();
    }

    @Test
    void followsSymbolicLinksButReportsLoops() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("img.png"), "x");
        Path batch = Files.createDirectories(dir.resolve("batch"));
        Files.createSymbolicLink(batch.resolve("linked"), real);
        Files.createSymbolicLink(batch.resolve("loop"), batch);
        ImageListing.Listing listing = ImageListing.list(batch, "--current", "current");
        assertThat(listing.files()).containsExactly(batch.resolve("linked/img.png"));
        assertThat(listing.unreadable()).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo("symbolic link loop, not followed"));
    }

    @Test
    void aMissingFolderOrAFileIsAUsageError() throws IOException {
        assertThatThrownBy(() -> ImageListing.list(dir.resolve("missing"), "--reference", "reference"))
                .hasMessage("--reference " + dir.resolve("missing") + ": no such folder");
        Path csv = Files.writeString(dir.resolve("features.csv"), "x");
        assertThatThrownBy(() -> ImageListing.list(csv, "--current", "current"))
                .hasMessage("--current " + csv + ": not a folder (CSV files of features go to --current-features)");
    }
}
