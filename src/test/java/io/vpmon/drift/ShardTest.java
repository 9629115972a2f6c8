package io.vpmon.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shards split a folder into disjoint parts that together hold every file. */
class ShardTest {
    @Test
    void shardsArePairwiseDisjointAndCoverEveryFile() {
        Path folder = Path.of("/data/batch");
        Set<Path> seen = new HashSet<>();
        int[] sizes = new int[4];
        for (int i = 0; i < 1000; i++) {
            Path file = folder.resolve("sub" + (i % 7)).resolve("img_" + i + ".png");
            int owners = 0;
            for (int s = 0; s < 4; s++) {
                if (new Shard(s, 4).contains(folder, file)) {
                    owners++;
                    sizes[s]++;
                }
            }
            assertThat(owners).as(file.toString()).isEqualTo(1);
            seen.add(file);
        }
        assertThat(seen).hasSize(1000);
        for (int size : sizes) {
            assertThat(size).isBetween(180, 320);
        }
    }

    @Test
    void membershipDependsOnlyOnThePathRelativeToTheFolder() {
        Shard shard = new Shard(1, 3);
        assertThat(shard.contains(Path.of("/mnt/a"), Path.of("/mnt/a/x/y.png")))
                .isEqualTo(shard.contains(Path.of("other"), Path.of("other/x/y.png")));
    }

    @Test
    void parsesIndexSlashCountAndRejectsNonsense() {
        assertThat(Shard.parse(" 2/8 ")).isEqualTo(new Shard(2, 8));
        assertThatThrownBy(() -> Shard.parse("8/8")).hasMessageContaining("need 0 <= INDEX < COUNT");
        assertThatThrownBy(() -> Shard.parse("a/b")).hasMessage("--shard 'a/b': expected INDEX/COUNT, e.g. 0/4");
        assertThatThrownBy(() -> Shard.parse("3")).hasMessageContaining("expected INDEX/COUNT");
    }
}
