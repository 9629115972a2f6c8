package io.vpmon.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.testing.ProcessResult;
import io.vpmon.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {
    @TempDir
    Path dir;

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.diff("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
    }

    @Test
    void oneChangedLineGivesOneHunkWithContext() {
        String old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String neu = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertThat(UnifiedDiff.diff("old", old, "new", neu)).isEqualTo("""
                --- old
                +++ new
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """);
    }

    /** Whatever the edit, GNU patch applied to the old text with our diff gives the new text. */
    @Test
    void patchReproducesTheNewTextForRandomEdits() throws Exception {
        Random random = new Random(11);
        for (int round = 0; round < 40; round++) {
            List<String> oldLines = new ArrayList<>();
            for (int i = 0; i < 5 + random.nextInt(60); i++) {
                oldLines.add("line " + random.nextInt(12));
            }
            List<String> newLines = new ArrayList<>(oldLines);
            for (int e = 0; e < 1 + random.nextInt(6); e++) {
                int at = random.nextInt(newLines.size() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> newLines.add(at, "inserted " + e);
                    case 1 -> {
                        if (at < newLines.size()) {
                            newLines.remove(at);
                        }
                    }
                    default -> {
                        if (at < newLines.size()) {
                            newLines.set(at, "changed " + e);
                        }
                    }
                }
            }
            String old = String.join("\n", oldLines) + "\n";
            String neu = newLines.isEmpty() ? "" : String.join("\n", newLines) + "\n";
            Path file = Files.writeString(dir.resolve("f" + round), old);
            Path patch = Files.writeString(dir.resolve("p" + round), UnifiedDiff.diff("a", old, "b", neu));
            ProcessResult r = Processes.run(List.of("patch", "--quiet", "--force", file.toString(), patch.toString()),
                    dir, Duration.ofSeconds(20));
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(Files.readString(file)).as("round " + round).isEqualTo(neu);
        }
    }
}
