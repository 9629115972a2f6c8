package io.vpmon.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every generated file for the example spec, byte for byte, so any change to the output shows
 * up as a diff in review. After an intended change, refresh with
 * {@code mvn test -Dtest=GoldenFilesTest -Dvpmon.golden.update=true} and read the git diff.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"visionplant", "unusual"})
    void generatedFilesMatchTheReviewedCopies(String name) throws IOException {
        Path specPath = name.equals("visionplant") ? Path.of("examples/visionplant.yaml")
                : Path.of("src/test/resources/specs/" + name + ".yaml");
        List<GeneratedFile> files = Generator.generate(SpecLoader.load(specPath).orThrow(),
                specPath.getFileName().toString()).files();
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("vpmon.golden.update")) {
            OutputDirectory.write(golden, files);
        }
        String diff = OutputDirectory.diff(golden, files);
        assertThat(diff).as("generated files differ from " + golden + "; if intended, rerun with"
                + " -Dvpmon.golden.update=true and review the diff").isEmpty();
        try (Stream<Path> walk = Files.walk(golden)) {
            assertThat(walk.filter(Files::isRegularFile).count()).isEqualTo(files.size() + 1);
        }
    }
}
