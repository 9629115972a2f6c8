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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real promtool checks what vpmon generates: config, rules, and the generated rule tests pass. */
class PromtoolAcceptsGeneratedFilesTest {
    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"examples/visionplant.yaml", "src/test/resources/specs/minimal.yaml"})
    void promtoolChecksConfigRulesAndRunsTheGeneratedTests(String specPath) throws IOException {
        Spec spec = SpecLoader.load(Path.of(specPath)).orThrow();
        OutputDirectory.write(out, Generator.generate(spec, "spec.yaml").files());
        Path promtool = ExternalTool.require("promtool");

        assertPasses(promtool.toString(), "check", "config", out.resolve("prometheus/prometheus.yml").toString());
        assertPasses(promtool.toString(), "check", "rules", out.resolve("prometheus/rules/alerts.yml").toString());
        List<String> testRules = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
        try (Stream<Path> files = Files.list(out.resolve("prometheus/tests"))) {
            files.map(Path::toString).sorted().forEach(testRules::add);
        }
        assertThat(testRules).hasSizeGreaterThanOrEqualTo(4);
        ProcessResult result = assertPasses(testRules.toArray(String[]::new));
        assertThat(result.output()).doesNotContain("FAILED");
    }

    private static ProcessResult assertPasses(String... command) {
        ProcessResult result = Processes.run(List.of(command), null, Duration.ofMinutes(2));
        assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result.output()).isZero();
        return result;
    }
}
