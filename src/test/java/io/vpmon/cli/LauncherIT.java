package io.vpmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.testing.ProcessResult;
import io.vpmon.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar and launcher, run as separate processes the way users and CI run them. */
class LauncherIT {
    @TempDir
    static Path work;

    private static Path vpmon;

    /** The layout 'make install PREFIX=...' creates: bin/vpmon -> ../lib/vpmon/vpmon beside the jar. */
    @BeforeAll
    static void install() throws IOException {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path lib = Files.createDirectories(work.resolve("prefix/lib/vpmon"));
        Files.copy(Path.of(System.getProperty("vpmon.jar")), lib.resolve("vpmon.jar"));
        Files.copy(Path.of(System.getProperty("vpmon.launcher")), lib.resolve("vpmon"));
        Files.setPosixFilePermissions(lib.resolve("vpmon"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path bin = Files.createDirectories(work.resolve("prefix/bin"));
        vpmon = Files.createSymbolicLink(bin.resolve("vpmon"), Path.of("../lib/vpmon/vpmon"));
        for (Path dir : List.of(work.resolve("prefix"), lib, bin, lib.getParent())) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(lib.resolve("vpmon.jar"), PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static ProcessResult vpmon(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(vpmon.toString()));
        command.addAll(List.of(args));
        return Processes.run(command, null, Duration.ofSeconds(60), stdin);
    }

    @Test
    void installedLauncherRunsThroughItsSymlink() {
        ProcessResult r = vpmon(new byte[0], "--version");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).startsWith("vpmon ");
    }

    @Test
    void specCanComeFromStandardInput() throws IOException {
        byte[] spec = Files.readAllBytes(Path.of("examples/visionplant.yaml"));
        ProcessResult ok = vpmon(spec, "validate", "-f", "-");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.stdout()).isEqualTo("<stdin>: valid\n");

        ProcessResult bad = vpmon("apiVersion: vpmon/v1\nservice: {name: x}\ntargets: [{job: j}]\n"
                .getBytes(StandardCharsets.UTF_8), "validate", "-f", "-");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).startsWith("<stdin>:3:11: error: missing required key 'endpoints' in targets[0]");
    }

    @Test
    void binaryFilesGiveAMessageNotAStackTrace() {
        ProcessResult r = vpmon(new byte[0], "generate", "-f", "/bin/ls", "-o", work.resolve("x").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("/bin/ls:1:1: error: spec contains the control character U+007F").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    /**
     * A user who cannot write next to the output directory gets exit 2 and a one-line reason,
     * and the previous output stays as it was. Run as 'nobody' when the tests run as root
     * (root may write anywhere).
     */
    @Test
    void unwritableOutputLeavesThePreviousOutputUntouched() throws IOException {
        Path parent = Files.createDirectories(work.resolve("locked"));
        Path out = parent.resolve("out");
        assertThat(vpmon(new byte[0], "generate", "-f", "src/test/resources/specs/minimal.yaml", "-o", out.toString())
                .exitCode()).isZero();
        Path config = out.resolve("prometheus/prometheus.yml");
        String before = Files.readString(config);
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path spec = Files.copy(Path.of("examples/visionplant.yaml"), work.resolve("visionplant.yaml"));
        Files.setPosixFilePermissions(spec, PosixFilePermissions.fromString("rw-r--r--"));

        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        command.addAll(List.of(vpmon.toString(), "generate", "-f", spec.toString(), "-o", out.toString()));
        ProcessResult r = Processes.run(command, work, Duration.ofSeconds(60));

        assertThat(r.exitCode()).as(r.output()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("error: cannot write " + out + ": permission denied")
                .endsWith("nothing was changed\n");
        assertThat(Files.readString(config)).isEqualTo(before);
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
