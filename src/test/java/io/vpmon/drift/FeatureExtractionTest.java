package io.vpmon.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpmon.drift.image.ImageFileReader.PngDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel reading keeps file order, reports broken files and stops early with --strict. */
class FeatureExtractionTest {
    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        TestBatches.write(dir, 30, 1, 0, "png");
        Files.write(dir.resolve("img_010.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        Files.writeString(dir.resolve("readme.md"), "# not an image");
        return ImageListing.list(dir, "--reference", "reference").files();
    }

    private static FeatureExtraction.Result run(List<Path> files, int threads, boolean strict, FeatureExtraction.Progress p) {
        return FeatureExtraction.run(files, Collections.nCopies(files.size(), "reference"),
                new FeatureExtraction.Settings(threads, PngDecoder.STREAM, strict, p));
    }

    @Test
    void resultsAreInFileOrderWhateverTheThreadCount() throws IOException {
        List<Path> files = files();
        FeatureExtraction.Result one = run(files, 1, false, FeatureExtraction.Progress.NONE);
        FeatureExtraction.Result four = run(files, 4, false, FeatureExtraction.Progress.NONE);
        assertThat(four.features()).containsExactly(one.features());
        assertThat(four.skipped()).isEqualTo(one.skipped());
    }

    @Test
    void brokenFilesAreSkippedWithTheirReasonAndNonImagesCounted() throws IOException {
        List<Path> files = files();
        FeatureExtraction.Result result = run(files, 2, false, FeatureExtraction.Progress.NONE);
        assertThat(result.skipped()).singleElement().satisfies(s -> {
            assertThat(s.path()).endsWith("img_010.png");
            assertThat(s.batch()).isEqualTo("reference");
            assertThat(s.reason()).isEqualTo("PNG file is truncated");
        });
        assertThat(result.notImages()).isEqualTo(1);
        assertThat(java.util.Arrays.stream(result.features()).filter(java.util.Objects::nonNull)).hasSize(29);
    }

    @Test
    void strictStopsAtTheFirstUnreadableImage() throws IOException {
        List<Path> files = files();
        assertThatThrownBy(() -> run(files, 2, true, FeatureExtraction.Progress.NONE))
                .hasMessageStartingWith("cannot read image " + dir.resolve("img_010.png") + ": PNG file is truncated")
                .hasMessageEndingWith("(--strict: an unreadable image is an error)");
    }

    @Test
    void progressCountsEveryFile() throws IOException {
        List<Path> files = files();
        AtomicInteger last = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        run(files, 3, false, (done, total) -> {
            calls.incrementAndGet();
            last.accumulateAndGet(done, Math::max);
            assertThat(total).isEqualTo(files.size());
        });
        assertThat(calls.get()).isEqualTo(files.size());
        assertThat(last.get()).isEqualTo(files.size());
    }
}
