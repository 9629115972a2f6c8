package io.vpmon.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Two-sample KS statistic and p-value against scipy 1.17.1's ks_2samp (ks_reference.json). */
class TwoSampleKsTest {
    static JsonNode reference() {
        try (InputStream in = TwoSampleKsTest.class.getResourceAsStream("/drift/ks/ks_reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> twoSampleCases() {
        List<Arguments> cases = new ArrayList<>();
        reference().get("two_sample").forEach(c -> cases.add(Arguments.of(c.get("name").asText(), c)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoSampleCases")
    void matchesScipyKs2samp(String name, JsonNode c) {
        double[] a = ReferenceSamples.of(c.get("a"));
        double[] b = ReferenceSamples.of(c.get("b"));

        TwoSampleKs.Result result = TwoSampleKs.test(a, b);

        assertThat(result.statistic()).as("D").isEqualTo(c.get("statistic").asDouble());
        assertRelativelyClose(result.pValue(), c.get("pvalue").asDouble(), "p");
        assertThat(result.method().label()).isEqualTo(c.get("method").asText());
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        JsonNode ties = null;
        for (JsonNode c : reference().get("two_sample")) {
            if (c.get("name").asText().startsWith("heavy ties 800")) {
                ties = c;
            }
        }
        double[] a = ReferenceSamples.of(ties.get("a"));
        double[] b = ReferenceSamples.of(ties.get("b"));
        TwoSampleKs.Result forward = TwoSampleKs.test(a, b);
        shuffle(a, 1);
        shuffle(b, 2);
        assertThat(TwoSampleKs.test(a, b)).isEqualTo(forward);
        assertThat(TwoSampleKs.test(reversed(a), reversed(b))).isEqualTo(forward);
    }

    @Test
    void inputsAreNotModified() {
        double[] a = {3, 1, 2};
        double[] b = {9, 8, 7, 1};
        TwoSampleKs.test(a, b);
        assertThat(a).containsExactly(3, 1, 2);
        assertThat(b).containsExactly(9, 8, 7, 1);
    }

    @Test
    void rejectsEmptyAndNonFiniteSamples() {
        assertThatThrownBy(() -> TwoSampleKs.test(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first sample is empty");
        assertThatThrownBy(() -> TwoSampleKs.test(new double[] {1, Double.NaN}, new double[] {1}))
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> TwoSampleKs.test(new double[] {1}, new double[] {Double.POSITIVE_INFINITY}))
                .hasMessageContaining("second sample holds Infinity");
    }

    static Stream<Arguments> kstwoCases() {
        List<Arguments> cases = new ArrayList<>();
        reference().get("kstwo_sf").forEach(c -> cases.add(Arguments.of(c.get("n").asInt(), c.get("x").asDouble(),
                c.get("sf").asDouble())));
        return cases.stream();
    }

    @ParameterizedTest(name = "kstwo.sf({1}, {0})")
    @MethodSource("kstwoCases")
    void oneSampleDistributionMatchesScipyKstwo(int n, double x, double expected) {
        assertRelativelyClose(KolmogorovDistribution.sf(x, n), expected, "kstwo.sf(" + x + ", " + n + ")");
    }

    static Stream<Arguments> smirnovCases() {
        List<Arguments> cases = new ArrayList<>();
        reference().get("smirnov").forEach(c -> cases.add(Arguments.of(c.get("n").asInt(), c.get("x").asDouble(),
                c.get("sf").asDouble())));
        return cases.stream();
    }

    @ParameterizedTest(name = "smirnov({0}, {1})")
    @MethodSource("smirnovCases")
    void oneSidedDistributionMatchesScipySmirnov(int n, double x, double expected) {
        assertRelativelyClose(Smirnov.sf(n, x), expected, "smirnov(" + n + ", " + x + ")");
    }

    /** 1e-9 relative above 1e-300; below that (where scipy itself underflows) both must be tiny. */
    static void assertRelativelyClose(double actual, double expected, String what) {
        assertThat(actual).as(what).isBetween(0.0, 1.0);
        if (expected > 1e-300) {
            assertThat(Math.abs(actual - expected) / expected).as(what + ": " + actual + " vs scipy " + expected)
                    .isLessThanOrEqualTo(1e-9);
        } else {
            assertThat(actual).as(what + " vs scipy " + expected).isLessThanOrEqualTo(1e-290);
        }
    }

    private static void shuffle(double[] values, long seed) {
        Random random = new Random(seed);
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    private static double[] reversed(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[values.length - 1 - i];
        }
        return out;
    }
}
