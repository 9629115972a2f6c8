package io.vpmon.drift.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpmon.ExitCode;
import io.vpmon.VpmonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Textfiles are replaced whole, readable by node_exporter, and failures are usage errors. */
class TextfileTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileWholeAndLeavesNoTemporaryBehind() throws IOException {
        Path target = dir.resolve("vpmon_drift.prom");
        Files.writeString(target, "old content that is longer than the new one\n");
        Textfile.write(target, "data_drift_score 0\n");
        assertThat(target).hasContent("data_drift_score 0");
        assertThat(Files.list(dir)).containsExactly(target);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
    }

    @Test
    void aMissingFolderOrAFolderAsTargetIsAUsageError() {
        assertThatThrownBy(() -> Textfile.write(dir.resolve("nope/drift.prom"), "x"))
                .isInstanceOfSatisfying(VpmonException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith("--textfile " + dir.resolve("nope/drift.prom") + ": cannot write: no such folder");
        assertThatThrownBy(() -> Textfile.write(dir, "x")).hasMessageContaining("is a folder; give a file name such as");
    }
}
