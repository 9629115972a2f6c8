package io.vpmon.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpmon.VpmonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
    @TempDir
    Path parent;

    @Test
    void aFailureHalfwayLeavesThePreviousOutputAsItWasAndNoTemporaryFiles() throws IOException {
        Path out = parent.resolve("out");
        OutputDirectory.write(out, List.of(GeneratedFile.text("prometheus/prometheus.yml", "old: 1\n", "old")));

        List<GeneratedFile> clashing = List.of(
                GeneratedFile.text("a", "a file here...\n", "first"),
                GeneratedFile.text("a/b", "...means no directory here\n", "second"));
        assertThatThrownBy(() -> OutputDirectory.write(out, clashing))
                .isInstanceOfSatisfying(VpmonException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("cannot write " + out).endsWith("nothing was changed");
                });

        assertThat(Files.readString(out.resolve("prometheus/prometheus.yml"))).isEqualTo("old: 1\n");
        try (Stream<Path> siblings = Files.list(parent)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void diffIsEmptyForIdenticalContentAndNamesMissingFiles() {
        Path out = parent.resolve("out");
        List<GeneratedFile> files = List.of(GeneratedFile.text("x.yml", "a: 1\n", "x"));
        OutputDirectory.write(out, files);
        assertThat(OutputDirectory.diff(out, files)).isEmpty();
        assertThat(OutputDirectory.diff(out, List.of(GeneratedFile.text("y.yml", "b: 2\n", "y"))))
                .contains("--- /dev/null").contains("+b: 2").contains("Only in " + out + ": x.yml");
    }

    @Test
    void theOutputDirectoryGetsTheUsualPermissionsNotAPrivateTempDirectorysOnes() throws IOException {
        Path out = parent.resolve("out");
        OutputDirectory.write(out, List.of(GeneratedFile.text("x/y.yml", "a: 1\n", "y")));
        Path plain = Files.createDirectory(parent.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.getPosixFilePermissions(out.resolve("x"))).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void anEmptyExistingDirectoryIsUsed() throws IOException {
        Path out = Files.createDirectory(parent.resolve("empty"));
        OutputDirectory.write(out, List.of(GeneratedFile.text("x.yml", "a: 1\n", "x")));
        assertThat(out.resolve("x.yml")).hasContent("a: 1");
        assertThat(out.resolve(OutputDirectory.MARKER)).exists();
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefused() throws IOException {
        Path out = Files.writeString(parent.resolve("out"), "not a dir");
        assertThatThrownBy(() -> OutputDirectory.write(out, List.of()))
                .hasMessage(out + " exists and is not a directory");
    }
}
