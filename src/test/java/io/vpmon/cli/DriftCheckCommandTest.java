package io.vpmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpmon.drift.TestBatches;
import io.vpmon.testing.CliResult;
import io.vpmon.testing.FreePort;
import io.vpmon.testing.RunningPushgateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** vpmon drift check as a user runs it: exit codes, table and JSON, spec defaults, metrics. */
class DriftCheckCommandTest {
    private static final String SPEC = "src/test/resources/drift/specs/drift.yaml";

    @TempDir
    static Path dir;
    static String reference;
    static String same;
    static String shifted;
    static String withBroken;

    @BeforeAll
    static void batches() throws IOException {
        reference = TestBatches.write(dir.resolve("reference"), 40, 1, 0, "png").toString();
        same = TestBatches.write(dir.resolve("same"), 40, 2, 0, "png").toString();
        shifted = TestBatches.write(dir.resolve("shifted"), 40, 3, 15, "jpeg").toString();
        Path broken = TestBatches.write(dir.resolve("broken"), 40, 4, 0, "png");
        Files.write(broken.resolve("cut.png"), Files.readAllBytes(broken.resolve("img_000.png")), java.nio.file.StandardOpenOption.CREATE_NEW);
        byte[] whole = Files.readAllBytes(broken.resolve("cut.png"));
        Files.write(broken.resolve("cut.png"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(broken.resolve("notes.txt"), "not an image");
        withBroken = broken.toString();
    }

    @Test
    void aShiftedBatchIsDriftWithExitCode1AndATable() {
        CliResult r = CliResult.run("drift", "check", "--reference", reference, "--current", shifted);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("reference: 40 images\ncurrent:   40 images\n")
                .contains("feature             n_ref    n_cur  mean_ref  mean_cur       D          p      p_adj  drift")
                .containsPattern("mean_brightness +40 +40 +1[23]\\d\\.\\d{3} +14\\d\\.\\d{3} +0\\.\\d{4} .* DRIFT")
                .contains("DRIFT in mean_brightness").contains("(Holm-corrected p < 0.05); drift score 0.");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theSameDistributionIsExitCode0() {
        CliResult r = CliResult.run("drift", "check", "--reference", reference, "--current", same);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("No drift (Holm-corrected p < 0.05); drift score 0");
    }

    @Test
    void jsonIsOneDocumentOnStdoutWithSkippedFilesAlsoOnStderr() throws IOException {
        CliResult r = CliResult.run("drift", "check", "--reference", reference, "--current", withBroken, "--output", "json");
        assertThat(r.exitCode()).as(r.out()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("drift").asBoolean()).isFalse();
        assertThat(json.get("score").asDouble()).isZero();
        assertThat(json.at("/criteria/correction").asText()).isEqualTo("holm");
        assertThat(json.at("/batches/current/images").asInt()).isEqualTo(40);
        assertThat(json.at("/batches/current/skipped").asInt()).isEqualTo(1);
        assertThat(json.at("/batches/current/not_images").asInt()).isEqualTo(1);
        assertThat(json.get("features")).hasSize(5);
        JsonNode first = json.get("features").get(0);
        assertThat(first.get("feature").asText()).isEqualTo("mean_brightness");
        assertThat(first.get("p_value_method").asText()).isEqualTo("exact");
        assertThat(first.get("adjusted_p_value").asDouble()).isGreaterThanOrEqualTo(first.get("p_value").asDouble());
        assertThat(json.at("/skipped/0/path").asText()).endsWith("cut.png");
        assertThat(json.at("/skipped/0/reason").asText()).isNotBlank();
        assertThat(r.err()).startsWith("warning: skipped " + Path.of(withBroken, "cut.png") + ": ");
    }

    @Test
    void strictMakesAnUnreadableImageFatal() {
        CliResult r = CliResult.run("drift", "check", "--reference", reference, "--current", withBroken, "--strict");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: cannot read image " + Path.of(withBroken, "cut.png") + ": ")
                .endsWith("(--strict: an unreadable image is an error)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theSpecGivesDefaultsAndOptionsOverrideThem() throws IOException {
        CliResult r = CliResult.run("drift", "check", "-f", SPEC, "--reference", reference, "--current", shifted,
                "--output", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/criteria/alpha").asDouble()).isEqualTo(0.01);
        assertThat(json.at("/criteria/correction").asText()).isEqualTo("bonferroni");
        assertThat(json.at("/criteria/min_images").asInt()).isEqualTo(20);
        assertThat(json.get("features")).hasSize(2);
        assertThat(json.get("service").asText()).isEqualTo("visionplant");

        CliResult overridden = CliResult.run("drift", "check", "-f", SPEC, "--reference", reference, "--current", shifted,
                "--output", "json", "--alpha", "0.2", "--correction", "bh", "--features", "std_brightness,mean_b");
        JsonNode o = new ObjectMapper().readTree(overridden.out());
        assertThat(o.at("/criteria/alpha").asDouble()).isEqualTo(0.2);
        assertThat(o.at("/criteria/correction").asText()).isEqualTo("bh");
        assertThat(o.get("features").findValuesAsText("feature")).containsExactly("std_brightness", "mean_b");

        CliResult tooFew = CliResult.run("drift", "check", "-f", "src/test/resources/drift/specs/strict-min-images.yaml",
                "--reference", reference, "--current", same);
        assertThat(tooFew.exitCode()).isEqualTo(2);
        assertThat(tooFew.err()).isEqualTo("error: too few images to test: the reference batch has 40 and the current "
                + "batch 40; each needs at least 500 (--min-images, or min_images in the spec's drift section)\n");
    }

    static List<Arguments> badInputs() {
        return List.of(
                Arguments.of(List.of("--reference", "nope", "--current", "nope2"), "error: --reference nope: no such folder"),
                Arguments.of(List.of("--current", "x"), "error: no reference batch: give --reference DIR or --reference-features CSV"),
                Arguments.of(List.of("--reference", "r", "--current", "c", "--alpha", "2"), "error: --alpha 2.0 is out of range"),
                Arguments.of(List.of("--reference", "r", "--current", "c", "--alpha", "abc"), "error: Invalid value for option '--alpha'"),
                Arguments.of(List.of("--reference", "r", "--current", "c", "--correction", "fdr"), "error: Invalid value for option '--correction'"),
                Arguments.of(List.of("--reference", "r", "--current", "c", "--features", "mean_red"), "error: --features: unknown feature 'mean_red'"),
                Arguments.of(List.of("--reference", "r", "--current", "c", "--threads", "0"), "error: --threads 0: at least 1"),
                Arguments.of(List.of("--reference", "r", "--current", "c", "--min-effect", "-1"), "error: --min-effect -1.0 is out of range"),
                Arguments.of(List.of("--reference", "r", "--current", "c", "--pushgateway", "ftp://x"), "error: --pushgateway 'ftp://x' is not an http(s) URL"),
                Arguments.of(List.of("--reference", "r", "--current", "c", "--textfile", "/nonexistent/dir/x.prom"), "error: --textfile /nonexistent/dir/x.prom: no such folder"),
                Arguments.of(List.of("--reference-features", "missing.csv", "--current", "c"), "error: --reference-features missing.csv: no such file"),
                Arguments.of(List.of("-f", "src/test/resources/drift/specs/invalid.yaml", "--reference", "r", "--current", "c"),
                        "src/test/resources/drift/specs/invalid.yaml:8:10: error: alpha 3 is out of range"),
                Arguments.of(List.of("--refrence", "r"), "error: Unknown options: '--refrence', 'r'\nPossible solutions: --reference"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInputs")
    void badInputIsExitCode2WithAShortMessageAndNoStackTrace(List<String> args, String expected) {
        List<String> all = new java.util.ArrayList<>(List.of("drift", "check"));
        all.addAll(args);
        CliResult r = CliResult.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith(expected).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBadFeatureCsvNamesFileAndLine() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "path,mean_brightness,std_brightness,mean_r,mean_g,mean_b\na.png,1,2,3,4,five\n");
        CliResult r = CliResult.run("drift", "check", "--reference-features", csv.toString(), "--current", same);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + csv + ":2: mean_b is 'five', not a number\n");
    }

    @Test
    void metricsGoToATextfileWithTheServiceLabel() throws IOException {
        Path prom = dir.resolve("vpmon_drift.prom");
        CliResult r = CliResult.run("drift", "check", "-f", SPEC, "--reference", reference, "--current", shifted,
                "--textfile", prom.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("metrics written to " + prom);
        assertThat(Files.readString(prom)).contains("data_drift_detected{service=\"visionplant\"} 1\n",
                "data_drift_feature_statistic{service=\"visionplant\",feature=\"mean_r\"} ");
    }

    @Test
    void metricsArePushedToARealPushgatewayUnderJobAndService() throws IOException {
        try (RunningPushgateway server = RunningPushgateway.start(dir)) {
            String base = server.url();
            CliResult r = CliResult.run("drift", "check", "-f", SPEC, "--reference", reference, "--current", shifted,
                    "--pushgateway", base, "--job", "nightly-drift");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).contains("metrics pushed to " + base + "/ (service visionplant)");
            assertThat(server.metrics()).as(server.log())
                    .contains("data_drift_detected{instance=\"\",job=\"nightly-drift\",service=\"visionplant\"} 1")
                    .contains("data_drift_images{batch=\"reference\",instance=\"\",job=\"nightly-drift\",service=\"visionplant\"} 40")
                    .containsPattern("data_drift_score\\{instance=\"\",job=\"nightly-drift\",service=\"visionplant\"} 0\\.\\d+");
        }
    }

    @Test
    void anUnreachablePushgatewayIsExitCode3AndTheResultsAreStillShown() {
        int port = FreePort.find();
        CliResult r = CliResult.run("drift", "check", "--reference", reference, "--current", shifted,
                "--pushgateway", "http://127.0.0.1:" + port);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).contains("DRIFT in mean_brightness");
        assertThat(r.err()).isEqualTo("error: cannot push drift metrics to the Pushgateway at http://127.0.0.1:" + port
                + "/: connection refused (is it running, and is the address right?) (3 attempts)\n");
    }

    @Test
    void helpListsTheExitCodesAndExamples() {
        CliResult r = CliResult.run("drift", "check", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Examples:", "  vpmon drift check --reference", "Exit codes:")
                .containsPattern("\n  0 +no drift\n  1 +drift: at least one feature drifted\n  2 +bad usage or input")
                .containsPattern("\n  3 +the Pushgateway was unreachable");
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    }
}
