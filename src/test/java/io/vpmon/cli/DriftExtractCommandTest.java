package io.vpmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpmon.drift.TestBatches;
import io.vpmon.testing.CliResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vpmon drift extract: CSVs of features, shards, and checks on them equal checks on the images. */
class DriftExtractCommandTest {
    @TempDir
    static Path dir;
    static Path reference;
    static Path current;

    @BeforeAll
    static void batches() {
        reference = TestBatches.write(dir.resolve("reference"), 30, 1, 0, "png");
        current = TestBatches.write(dir.resolve("current"), 30, 7, 12, "png");
    }

    @Test
    void writesOneRowPerImageInPathOrder() throws IOException {
        Path csv = dir.resolve("ref.csv");
        CliResult r = CliResult.run("drift", "extract", reference.toString(), "-o", csv.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("wrote features of 30 images to " + csv + "\n");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(31);
        assertThat(lines.get(0)).isEqualTo("path,mean_brightness,std_brightness,mean_r,mean_g,mean_b");
        assertThat(lines.get(1)).startsWith(reference.resolve("img_000.png") + ",");
        assertThat(lines.get(30)).startsWith(reference.resolve("img_029.png") + ",");
    }

    @Test
    void standardOutputWithDash() {
        CliResult r = CliResult.run("drift", "extract", reference.toString(), "-o", "-", "--threads", "1");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines()).hasSize(31);
        assertThat(r.err()).isEqualTo("wrote features of 30 images to standard output\n");
    }

    @Test
    void checkingShardCsvsGivesTheSameJsonAsCheckingTheImages() throws IOException {
        String[] shards = new String[3];
        for (int i = 0; i < 3; i++) {
            shards[i] = dir.resolve("cur-" + i + ".csv").toString();
            CliResult r = CliResult.run("drift", "extract", current.toString(), "--shard", i + "/3", "-o", shards[i]);
            assertThat(r.exitCode()).isZero();
            assertThat(r.err()).contains("(shard " + i + "/3)");
        }
        String refCsv = dir.resolve("ref-all.csv").toString();
        CliResult.run("drift", "extract", reference.toString(), "-o", refCsv);

        CliResult images = CliResult.run("drift", "check", "--reference", reference.toString(), "--current",
                current.toString(), "--output", "json");
        List<String> args = new java.util.ArrayList<>(List.of("drift", "check", "--reference-features", refCsv,
                "--current-features"));
        args.addAll(List.of(shards));
        args.addAll(List.of("--output", "json"));
        CliResult csvs = CliResult.run(args.toArray(String[]::new));

        assertThat(csvs.exitCode()).isEqualTo(images.exitCode()).isEqualTo(1);
        JsonNode a = new ObjectMapper().readTree(images.out());
        JsonNode b = new ObjectMapper().readTree(csvs.out());
        assertThat(b.get("features")).isEqualTo(a.get("features"));
        assertThat(b.get("score")).isEqualTo(a.get("score"));
        assertThat(b.at("/batches/current/from_csv").asInt()).isEqualTo(30);
    }

    @Test
    void anOutputInAMissingFolderIsExitCode2() {
        CliResult r = CliResult.run("drift", "extract", reference.toString(), "-o", dir.resolve("no/such/out.csv").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: -o " + dir.resolve("no/such/out.csv") + ": no such folder");
        assertThat(Files.exists(dir.resolve("no"))).isFalse();
    }

    @Test
    void helpShowsShardingExample() {
        CliResult r = CliResult.run("drift", "extract", "--help");
        assertThat(r.out()).contains("--shard ${JOB_COMPLETION_INDEX}/8", "Exit codes:");
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        CliResult parent = CliResult.run("drift");
        assertThat(parent.exitCode()).isEqualTo(2);
        assertThat(parent.err()).startsWith("error: missing command: check or extract");
    }
}
