package io.vpmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpmon.testing.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private Path spec(String text) throws Exception {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void validSpecExitsZeroAndSaysSo() {
        CliResult r = CliResult.run("validate", "-f", "examples/visionplant.yaml");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("examples/visionplant.yaml: valid\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void invalidSpecPrintsEveryProblemCompilerStyleAndExitsTwo() throws Exception {
        Path file = spec("""
                apiVersion: vpmon/v1
                service: {name: shop}
                targets: [{job: shop-api, endpoints: ["api:8000"]}]
                alerts:
                  LatencyElevated: {treshold: 3, for: 5 min}
                """);
        CliResult r = CliResult.run("validate", "-f", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(file + ":5:21: error: unknown key 'treshold' in alerts.LatencyElevated\n"
                + "    hint: did you mean 'threshold'?\n"
                + file + ":5:39: error: invalid duration '5 min' for alerts.LatencyElevated.for\n"
                + "    hint: " + io.vpmon.spec.PromDuration.HINT + "\n"
                + file + ": invalid, 2 errors\n");
    }

    @Test
    void jsonOutputCarriesTheProblemsForScripts() throws Exception {
        Path file = spec("apiVersion: vpmon/v1\nservice: {name: shop}\ntargets: []\n");
        CliResult r = CliResult.run("validate", "-f", file.toString(), "--output", "json");
        assertThat(r.exitCode()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("errors").asInt()).isEqualTo(1);
        JsonNode problem = json.get("problems").get(0);
        assertThat(problem.get("line").asInt()).isEqualTo(3);
        assertThat(problem.get("column").asInt()).isEqualTo(10);
        assertThat(problem.get("message").asText()).isEqualTo("targets is empty");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void missingFileSuggestsInit() {
        CliResult r = CliResult.run("validate", "-f", dir.resolve("nope.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nope.yaml:1:1: error: spec file not found").contains("vpmon init");
    }

    @Test
    void directoryInsteadOfFileIsAClearError() {
        CliResult r = CliResult.run("validate", "-f", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read spec").contains("is a directory").doesNotContain("Exception");
    }
}
