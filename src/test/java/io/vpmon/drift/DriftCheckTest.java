package io.vpmon.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpmon.drift.image.ImageFileReader.PngDecoder;
import io.vpmon.spec.DriftSettings.Correction;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on generated image batches: a known shift is found, the same distribution is not. */
class DriftCheckTest {
    @TempDir
    static Path dir;
    static Path reference;
    static Path sameDistribution;
    static Path shifted;

    @BeforeAll
    static void batches() {
        reference = TestBatches.write(dir.resolve("reference"), 60, 1, 0, "png");
        sameDistribution = TestBatches.write(dir.resolve("same"), 60, 2, 0, "png");
        shifted = TestBatches.write(dir.resolve("shifted"), 60, 3, 15, "png");
    }

    static DriftCheck.Request request(List<Path> ref, List<Path> cur, List<Path> refCsv, List<Path> curCsv, boolean strict) {
        return new DriftCheck.Request(ref, cur, refCsv, curCsv,
                new DriftCriteria(0.05, Correction.HOLM, 0, 10, List.of(Feature.values())),
                new FeatureExtraction.Settings(2, PngDecoder.STREAM, strict, FeatureExtraction.Progress.NONE));
    }

    @Test
    void aBrightnessShiftOfAbout1Point2StandardDeviationsIsDrift() {
        DriftCheck.Result result = DriftCheck.run(request(List.of(reference), List.of(shifted), List.of(), List.of(), false));
        assertThat(result.report().drift()).isTrue();
        assertThat(result.report().driftedFeatures()).contains(Feature.MEAN_BRIGHTNESS, Feature.MEAN_R, Feature.MEAN_G,
                Feature.MEAN_B);
        assertThat(result.report().score()).isGreaterThan(0.3);
        assertThat(result.reference().size()).isEqualTo(60);
        assertThat(result.current().size()).isEqualTo(60);
    }

    @Test
    void theSameDistributionIsNoDrift() {
        DriftCheck.Result result = DriftCheck.run(request(List.of(reference), List.of(sameDistribution), List.of(),
                List.of(), false));
        assertThat(result.report().drift()).isFalse();
        assertThat(result.report().score()).isZero();
    }

    @Test
    void corruptFilesAreSkippedAndReportedAndNonImagesIgnored() throws IOException {
        Path current = Files.createDirectories(dir.resolve("with-broken"));
        for (Path p : Files.list(sameDistribution).toList()) {
            Files.copy(p, current.resolve(p.getFileName()));
        }
        Files.write(current.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
        Files.writeString(current.resolve("labels.json"), "{}");
        Files.writeString(current.resolve("photo.png"), "this is text");
        DriftCheck.Result result = DriftCheck.run(request(List.of(reference), List.of(current), List.of(), List.of(), false));
        assertThat(result.skipped()).extracting(SkippedFile::path)
                .containsExactly(current.resolve("broken.jpg").toString(), current.resolve("photo.png").toString());
        assertThat(result.skipped().get(1).reason()).isEqualTo("content is not PNG, JPEG, GIF, BMP or TIFF despite the file name");
        assertThat(result.current()).isEqualTo(new DriftCheck.BatchSummary("current", 60, 0, 2, 1));
        assertThat(result.report().drift()).isFalse();

        assertThatThrownBy(() -> DriftCheck.run(request(List.of(reference), List.of(current), List.of(), List.of(), true)))
                .hasMessageContaining("broken.jpg").hasMessageContaining("--strict");
    }

    @Test
    void featureCsvsGiveTheSameResultsAsTheImages() throws IOException {
        Path refCsv = dir.resolve("ref.csv");
        Path curCsv = dir.resolve("cur.csv");
        extract(reference, refCsv);
        extract(shifted, curCsv);
        DriftCheck.Result fromImages = DriftCheck.run(request(List.of(reference), List.of(shifted), List.of(), List.of(), false));
        DriftCheck.Result fromCsv = DriftCheck.run(request(List.of(), List.of(), List.of(refCsv), List.of(curCsv), false));
        DriftCheck.Result mixed = DriftCheck.run(request(List.of(), List.of(shifted), List.of(refCsv), List.of(), false));
        assertThat(fromCsv.report()).isEqualTo(fromImages.report());
        assertThat(mixed.report()).isEqualTo(fromImages.report());
        assertThat(fromCsv.reference()).isEqualTo(new DriftCheck.BatchSummary("reference", 0, 60, 0, 0));
    }

    @Test
    void shardedExtractsTogetherEqualOneExtract() throws IOException {
        Path whole = dir.resolve("whole.csv");
        extract(reference, whole);
        List<Path> shards = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path csv = dir.resolve("shard-" + i + ".csv");
            try (Writer out = Files.newBufferedWriter(csv)) {
                DriftExtract.run(new DriftExtract.Request(List.of(reference), new Shard(i, 3),
                        request(List.of(), List.of(), List.of(), List.of(), false).extraction()), out);
            }
            shards.add(csv);
        }
        DriftCheck.Result fromWhole = DriftCheck.run(request(List.of(), List.of(shifted), List.of(whole), List.of(), false));
        DriftCheck.Result fromShards = DriftCheck.run(request(List.of(), List.of(shifted), shards, List.of(), false));
        assertThat(fromShards.report()).isEqualTo(fromWhole.report());
    }

    @Test
    void aBatchWithoutSourceIsAUsageError() {
        assertThatThrownBy(() -> DriftCheck.run(request(List.of(), List.of(shifted), List.of(), List.of(), false)))
                .hasMessage("no reference batch: give --reference DIR or --reference-features CSV");
        assertThatThrownBy(() -> DriftCheck.run(request(List.of(reference), List.of(), List.of(), List.of(), false)))
                .hasMessage("no current batch: give --current DIR or --current-features CSV");
    }

    private static void extract(Path folder, Path csv) throws IOException {
        StringWriter out = new StringWriter();
        DriftExtract.Result result = DriftExtract.run(new DriftExtract.Request(List.of(folder), Shard.ALL,
                request(List.of(), List.of(), List.of(), List.of(), false).extraction()), out);
        assertThat(result.written()).isEqualTo(60);
        Files.writeString(csv, out.toString());
    }
}
