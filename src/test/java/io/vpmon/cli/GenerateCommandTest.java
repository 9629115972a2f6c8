package io.vpmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpmon.testing.CliResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    private static final String EXAMPLE = "examples/visionplant.yaml";

    @TempDir
    Path dir;

    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private CliResult generate(Path out, String... more) {
        String[] args = Stream.concat(Stream.of("generate", "-f", EXAMPLE, "-o", out.toString()), Stream.of(more))
                .toArray(String[]::new);
        return CliResult.run(args);
    }

    @Test
    void writesTheStackAndSaysWhereEverythingWent() {
        Path out = dir.resolve("out");
        CliResult r = generate(out);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Generated 22 files from " + EXAMPLE + " into " + out + ":")
                .contains(out.resolve("prometheus/prometheus.yml").toString())
                .contains("14 alert rules (4 critical, 6 high, 4 medium)")
                .doesNotContain("note:");
        assertThat(out.resolve("prometheus/rules/alerts.yml")).isRegularFile();
        assertThat(out.resolve("prometheus/tests/alerts.test.yml")).isRegularFile();
    }

    @Test
    void aCustomAlertWithoutATestIsNamedInANote() throws IOException {
        Path spec = dir.resolve("custom.yaml");
        Files.writeString(spec, """
                apiVersion: vpmon/v1
                service: {name: shop}
                targets: [{job: shop-api, endpoints: ["api:8000"]}]
                custom_alerts:
                  - {name: QueueBacklog, expr: 'queue_length > 50', severity: high}
                  - name: QueueStuck
                    expr: 'queue_length > 0'
                    severity: medium
                    summary: '{{ $value | printf "%d" }} stuck'
                    test:
                      input_series: [{series: 'queue_length{job="shop-api"}', values: '5x10'}]
                      fires_at: 1m
                """);
        CliResult r = CliResult.run("generate", "-f", spec.toString(), "-o", dir.resolve("out").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("note: no rule test for custom alert QueueBacklog: give it a 'test' in the spec")
                .contains("note: no rule test for custom alert QueueStuck: its annotations use template functions");
    }

    @Test
    void theSameSpecGivesByteIdenticalFiles() throws IOException {
        assertThat(generate(dir.resolve("a")).exitCode()).isZero();
        assertThat(generate(dir.resolve("b")).exitCode()).isZero();
        Map<String, byte[]> first = tree(dir.resolve("a"));
        assertThat(first).hasSizeGreaterThan(3);
        assertThat(tree(dir.resolve("b"))).containsOnlyKeys(first.keySet())
                .allSatisfy((path, bytes) -> assertThat(bytes).as(path).isEqualTo(first.get(path)));
    }

    @Test
    void checkPassesWhenTheDirectoryIsUpToDate() {
        Path out = dir.resolve("out");
        generate(out);
        CliResult r = generate(out, "--check");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(out + " is up to date with " + EXAMPLE + "\n");
    }

    @Test
    void checkFailsWithAUnifiedDiffAfterAHandEdit() throws IOException {
        Path out = dir.resolve("out");
        generate(out);
        Path rules = out.resolve("prometheus/rules/alerts.yml");
        String original = Files.readString(rules);
        Files.writeString(rules, original.replace("> 0.05\n", "> 0.5\n"));
        Files.writeString(out.resolve("prometheus/notes.txt"), "hand-made\n");

        CliResult r = generate(out, "--check");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("--- " + rules + " (on disk)\n+++ " + rules + " (from spec)\n")
                .containsPattern("(?m)^@@ -\\d+,\\d+ \\+\\d+,\\d+ @@$")
                .contains("\n-          > 0.5\n+          > 0.05\n")
                .contains("Only in " + out + ": prometheus/notes.txt (not produced by the spec)");
        assertThat(r.err()).contains("differs from what " + EXAMPLE + " produces");
        assertThat(Files.readString(rules)).contains("> 0.5\n");
    }

    @Test
    void checkOfAMissingDirectoryFailsAndCreatesNothing() {
        Path out = dir.resolve("never");
        CliResult r = generate(out, "--check");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("--- /dev/null");
        assertThat(out).doesNotExist();
    }

    @Test
    void checkReportsAsJson() throws IOException {
        Path out = dir.resolve("out");
        generate(out);
        JsonNode json = new ObjectMapper().readTree(generate(out, "--check", "--output", "json").out());
        assertThat(json.get("up_to_date").asBoolean()).isTrue();
        assertThat(json.get("diff").asText()).isEmpty();
    }

    @Test
    void regeneratingRemovesFilesAnEarlierRunWroteButThisOneDoesNot() throws IOException {
        Path out = dir.resolve("out");
        generate(out);
        Path marker = out.resolve(".vpmon-generated");
        Files.writeString(marker, Files.readString(marker) + "  prometheus/rules/retired.yml\n");
        Files.writeString(out.resolve("prometheus/rules/retired.yml"), "groups: []\n");
        assertThat(generate(out).exitCode()).isZero();
        assertThat(out.resolve("prometheus/rules/retired.yml")).doesNotExist();
        assertThat(generate(out, "--check").exitCode()).isZero();
    }

    @Test
    void aFileAddedByHandStopsRegenerationInsteadOfBeingLost() throws IOException {
        Path out = dir.resolve("out");
        generate(out);
        Path mine = out.resolve("prometheus/tests/my-custom-alerts.test.yml");
        Files.writeString(mine, "rule_files: []\n");
        CliResult r = generate(out);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + out + " holds files vpmon did not write"
                + " (prometheus/tests/my-custom-alerts.test.yml); refusing to replace them. Move them out of the"
                + " directory, or choose an empty or new one\n");
        assertThat(mine).hasContent("rule_files: []");
    }

    @Test
    void invalidSpecWritesNothingAndExitsTwo() throws IOException {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, "apiVersion: vpmon/v1\nservice: {name: x}\ntargets: [{job: j, endpoints: [nohost]}]\n");
        Path out = dir.resolve("out");
        CliResult r = CliResult.run("generate", "-f", spec.toString(), "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(spec + ":3:32: error: invalid endpoint 'nohost'");
        assertThat(out).doesNotExist();
    }

    @Test
    void aDirectoryHoldingOtherFilesIsNeverReplaced() throws IOException {
        Path out = dir.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.tex"), "years of work\n");
        CliResult r = generate(out);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("holds files vpmon did not write (thesis.tex); refusing to replace them");
        assertThat(tree(out)).containsOnlyKeys("thesis.tex");
    }

    @Test
    void jsonListingNamesEveryFile() throws IOException {
        Path out = dir.resolve("out");
        JsonNode json = new ObjectMapper().readTree(generate(out, "--output", "json").out());
        assertThat(json.get("files")).hasSize(22);
        assertThat(json.get("files").get(0).get("path").asText()).startsWith(out.toString());
        assertThat(json.get("notes")).isEmpty();
    }
}
