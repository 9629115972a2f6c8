package io.vpmon.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** No input makes the loader throw, hang or eat the heap: each gets a located problem. */
class SpecInputRobustnessTest {
    private static SpecLoader.Result parse(byte[] content) {
        return SpecLoader.parse("spec.yaml", content);
    }

    private static SpecLoader.Result parse(String content) {
        return parse(content.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem onlyProblem(SpecLoader.Result result) {
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).hasSize(1);
        return result.problems().get(0);
    }

    @Test
    void emptyFileAsksForASpec() {
        Problem p = onlyProblem(parse(""));
        assertThat(p.message()).isEqualTo("spec is empty");
        assertThat(p.location()).isEqualTo(new SourceLocation("spec.yaml", 1, 1));
        assertThat(p.hint()).contains("vpmon init");
    }

    @Test
    void commentsOnlyIsEmpty() {
        assertThat(onlyProblem(parse("# nothing here\n\n# yet\n")).message()).isEqualTo("spec is empty");
    }

    @Test
    void binaryJunkIsNotText() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        Problem p = onlyProblem(parse(png));
        assertThat(p.message()).isEqualTo("spec is not UTF-8 text (byte 0x89)");
        assertThat(p.location()).isEqualTo(new SourceLocation("spec.yaml", 1, 1));
    }

    @Test
    void controlCharactersAreLocated() {
        Problem p = onlyProblem(parse("apiVersion: vpmon/v1\nservice:\u0000\n"));
        assertThat(p.message()).isEqualTo("spec contains the control character U+0000");
        assertThat(p.location()).isEqualTo(new SourceLocation("spec.yaml", 2, 9));
    }

    @Test
    void aBillionLaughsIsRefusedFastWithoutFillingTheHeap() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            bomb.append("]\n");
        }
        long start = System.nanoTime();
        Problem p = onlyProblem(parse(bomb.toString()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(p.message()).contains("YAML aliases expand this spec to more than");
        assertThat(p.hint()).contains("billion laughs");
    }

    @Test
    void hugeFilesAreRefusedBeforeParsing() {
        byte[] huge = new byte[YamlReader.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) '#');
        assertThat(onlyProblem(parse(huge)).message()).isEqualTo("spec is larger than 4194304 bytes (4 MiB)");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertThat(onlyProblem(parse(deep)).message()).contains("nested more than 64 levels");
    }

    @Test
    void secondDocumentIsRefused() {
        assertThat(parse("apiVersion: vpmon/v1\n---\nservice: {}\n").problems()).anySatisfy(p -> {
            assertThat(p.message()).isEqualTo("spec holds more than one YAML document");
            assertThat(p.location().line()).isEqualTo(3);
        });
    }

    @Test
    void scalarTopLevelIsNotASpec() {
        assertThat(onlyProblem(parse("just words\n")).message()).isEqualTo("spec must be a mapping of keys, got 'just words'");
    }

    @Test
    void anchorsAliasesAndMergeKeysWorkAndKeepTheirLocations() {
        SpecLoader.Result result = parse("""
                apiVersion: vpmon/v1
                service: {name: shop}
                targets:
                  - &api
                    job: shop-api
                    endpoints: ["api:8000"]
                    interval: 10s
                  - <<: *api
                    job: shop-worker
                    scheme: htps
                """);
        assertThat(result.spec().targets()).extracting(Spec.ScrapeTarget::job).containsExactly("shop-api", "shop-worker");
        assertThat(result.spec().targets().get(1).interval().text()).isEqualTo("10s");
        Problem p = onlyProblem(result);
        assertThat(p.message()).isEqualTo("unknown scheme 'htps'");
        assertThat(p.location()).isEqualTo(new SourceLocation("spec.yaml", 10, 13));
    }

    @Test
    void unknownAliasIsReported() {
        assertThat(parse("apiVersion: vpmon/v1\nservice: *nope\n").problems()).anySatisfy(p -> {
            assertThat(p.message()).isEqualTo("unknown YAML alias '*nope'");
            assertThat(p.location()).isEqualTo(new SourceLocation("spec.yaml", 2, 10));
        });
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] junk = new byte[random.nextInt(200)];
            random.nextBytes(junk);
            assertThatCode(() -> parse(junk)).doesNotThrowAnyException();
        }
    }

    @Test
    void mutatedValidSpecsNeverThrow() {
        String valid = """
                apiVersion: vpmon/v1
                service: {name: shop, labels: {team: ml}}
                targets: [{job: shop-api, endpoints: ["api:8000"]}]
                alerts: {APIErrorRateHigh: {threshold: 0.1, for: 2m}}
                notifications: {receivers: [{name: x, webhook: {url_file: /f}}], routes: {critical: [x]}}
                slos: [{name: a, objective: 99.9, indicator: {type: latency, threshold: 100ms}}]
                """;
        Random random = new Random(7);
        String alphabet = "{}[]:,-&*!|>'\"#\n 0a%";
        for (int i = 0; i < 500; i++) {
            StringBuilder mutated = new StringBuilder(valid);
            for (int m = 0; m < 1 + random.nextInt(4); m++) {
                int at = random.nextInt(mutated.length());
                mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThatCode(() -> {
                List<Problem> problems = parse(mutated.toString()).problems();
                problems.forEach(p -> assertThat(p.location().line()).isPositive());
            }).as(mutated.toString()).doesNotThrowAnyException();
        }
    }
}
