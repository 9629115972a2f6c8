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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated Alertmanager config: the real amtool accepts it, and it holds file paths where
 * secrets go, never secrets. (GoldenFilesTest holds the reviewed copy for the example spec.)
 */
class AlertmanagerConfigFileTest {
    @TempDir
    Path out;

    private List<GeneratedFile> generate(String specPath) {
        Spec spec = SpecLoader.load(Path.of(specPath)).orThrow();
        List<GeneratedFile> files = Generator.generate(spec, Path.of(specPath).getFileName().toString()).files();
        OutputDirectory.write(out, files);
        return files;
    }

    @ParameterizedTest
    @ValueSource(strings = {"examples/visionplant.yaml", "src/test/resources/specs/minimal.yaml",
        "src/test/resources/alert/all-receivers.yaml"})
    void amtoolAcceptsTheGeneratedConfig(String specPath) {
        generate(specPath);
        Path amtool = ExternalTool.require("amtool");

        ProcessResult result = Processes.run(List.of(amtool.toString(), "check-config",
                out.resolve(AlertmanagerConfigFile.PATH).toString()), null, Duration.ofMinutes(1));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").contains("1 templates");
    }

    @Test
    void promtoolAcceptsTheWatchdogRuleBesideTheOthers() {
        generate("src/test/resources/alert/all-receivers.yaml");
        Path promtool = ExternalTool.require("promtool");

        ProcessResult result = Processes.run(List.of(promtool.toString(), "check", "config",
                out.resolve(PrometheusConfigFile.PATH).toString()), null, Duration.ofMinutes(1));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("watchdog.yml").contains("SUCCESS: 1 rules found");
    }

    @Test
    void secretsAreFilePathsAndNothingSecretIsWritten() throws IOException {
        generate("src/test/resources/alert/all-receivers.yaml");
        String config = Files.readString(out.resolve(AlertmanagerConfigFile.PATH));

        assertThat(config).contains(
                "smtp_auth_password_file: /run/secrets/smtp",
                "api_url_file: /run/secrets/slack-url",
                "routing_key_file: /run/secrets/pd-key",
                "credentials_file: /run/secrets/hook-token",
                "password_file: /run/secrets/relay-pw");
        assertThat(config).doesNotContainPattern("(?m)^\\s*(api_url|routing_key|service_key|smtp_auth_password"
                + "|auth_password|password|credentials|bearer_token):");
    }

    @Test
    void aSpecWithoutReceiversRoutesEverythingToTheSilentReceiver() throws IOException {
        generate("src/test/resources/specs/minimal.yaml");

        assertThat(Files.readString(out.resolve(AlertmanagerConfigFile.PATH))).contains("""
                route:
                  receiver: vpmon-unrouted
                """).contains("""
                receivers:
                  - name: vpmon-unrouted
                """).doesNotContain("routes:");
    }
}
