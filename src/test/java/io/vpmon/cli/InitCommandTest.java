package io.vpmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.testing.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path dir;

    @Test
    void starterSpecIsCommentedValidAndGenerates() throws Exception {
        Path spec = dir.resolve("monitoring/vpmon.yaml");
        CliResult init = CliResult.run("init", spec.toString(), "--service", "fraud-api");
        assertThat(init.exitCode()).isZero();
        assertThat(init.out()).contains("Wrote " + spec);
        String text = Files.readString(spec);
        assertThat(text).contains("name: fraud-api").contains("job: fraud-api-api").contains("# alerts:");
        assertThat(CliResult.run("validate", "-f", spec.toString()).exitCode()).isZero();
        assertThat(CliResult.run("generate", "-f", spec.toString(), "-o", dir.resolve("out").toString()).exitCode())
                .isZero();
    }

    @Test
    void existingFileIsKeptUnlessForced() throws Exception {
        Path spec = dir.resolve("vpmon.yaml");
        Files.writeString(spec, "mine\n");
        CliResult refused = CliResult.run("init", spec.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("error: " + spec + " already exists; use --force to overwrite it\n");
        assertThat(Files.readString(spec)).isEqualTo("mine\n");
        assertThat(CliResult.run("init", spec.toString(), "--force").exitCode()).isZero();
        assertThat(Files.readString(spec)).startsWith("# vpmon spec");
    }

    @Test
    void serviceNameThatWouldBreakTheYamlIsRefused() {
        CliResult r = CliResult.run("init", dir.resolve("x.yaml").toString(), "--service", "a: b");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: invalid service name 'a: b'");
    }
}
