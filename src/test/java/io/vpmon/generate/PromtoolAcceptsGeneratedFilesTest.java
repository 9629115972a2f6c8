package io.vpmon.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.spec.Spec;
import io.vpmon.spec.SpecLoader;
import io.vpmon.testing.ExternalTool;
import io.vpmon.testing.ProcessResult;
import io.vpmon.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real promtool checks what vpmon generates: config, rules, and the generated rule tests pass. */
class PromtoolAcceptsGeneratedFilesTest {
    @TempDir
    Path out;

    /**
     * The unusual spec names credential files that exist only on its production hosts, so its
     * config is checked for syntax (rule files are checked on their own below).
     */
    @ParameterizedTest
    @ValueSource(strings = {"examples/visionplant.yaml", "src/test/resources/specs/minimal.yaml",
        "src/test/resources/specs/unusual.yaml"})
    void promtoolChecksConfigRulesAndRunsTheGeneratedTests(String specPath) throws IOException {
        Spec spec = SpecLoader.load(Path.of(specPath)).orThrow();
        OutputDirectory.write(out, Generator.generate(spec, "spec.yaml").files());
        Path promtool = ExternalTool.require("promtool");

        String config = out.resolve("prometheus/prometheus.yml").toString();
        if (specPath.contains("unusual")) {
            assertPasses(promtool.toString(), "check", "config", "--syntax-only", config);
        } else {
            assertPasses(promtool.toString(), "check", "config", config);
        }
        assertPasses(promtool.toString(), "check", "rules", out.resolve("prometheus/rules/alerts.yml").toString());
        List<String> testRules = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
        try (Stream<Path> files = Files.list(out.resolve("prometheus/tests"))) {
            files.map(Path::toString).sorted().forEach(testRules::add);
        }
        assertThat(testRules).hasSizeGreaterThanOrEqualTo(4);
        ProcessResult result = assertPasses(testRules.toArray(String[]::new));
        assertThat(result.output()).doesNotContain("FAILED");
    }

    /** Tests written by hand from the seed's intent pass on the rules generated for the example. */
    @Test
    void handWrittenTestsOfTheCriticalAlertsPass() throws IOException {
        Spec spec = SpecLoader.load(Path.of("examples/visionplant.yaml")).orThrow();
        OutputDirectory.write(out, Generator.generate(spec, "visionplant.yaml").files());
        Path test = out.resolve("prometheus/tests/critical-alerts.test.yml");
        Files.copy(Path.of("src/test/resources/promtool/critical-alerts.test.yml"), test);
        ProcessResult result = assertPasses(ExternalTool.require("promtool").toString(), "test", "rules", test.toString());
        assertThat(result.output()).contains("SUCCESS");
    }

    private static ProcessResult assertPasses(String... command) {
        ProcessResult result = Processes.run(List.of(command), null, Duration.ofMinutes(2));
        assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result.output()).isZero();
        return result;
    }
}
