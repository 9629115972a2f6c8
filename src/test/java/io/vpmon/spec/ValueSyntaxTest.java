package io.vpmon.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.spec.LabelMatchers.LabelMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small languages inside a spec: durations, thresholds, label matchers, suggestions. */
class ValueSyntaxTest {
    @ParameterizedTest
    @CsvSource({"30s, 30000", "5m, 300000", "1h30m, 5400000", "2d, 172800000", "1w, 604800000", "500ms, 500",
        "1y, 31536000000", "0, 0", "1h0m, 3600000"})
    void prometheusDurationsParse(String text, long millis) {
        assertThat(PromDuration.parse(text).millis()).isEqualTo(millis);
        assertThat(PromDuration.parse(text).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 m", "5min", "m5", "1m1h", "1.5h", "-5m", "5M", "", "1h1h"})
    void malformedDurationsAreRejected(String text) {
        assertThat(PromDuration.tryParse(text)).isEmpty();
    }

    @Test
    void durationsFormatInDaysAndSmallerUnits() {
        assertThat(PromDuration.format(5_400_000)).isEqualTo("1h30m");
        assertThat(PromDuration.format(30L * 86_400_000)).isEqualTo("30d");
        assertThat(PromDuration.format(61_500)).isEqualTo("1m1s500ms");
    }

    @Test
    void thresholdsKeepTheirFormAndValue() {
        assertThat(Threshold.parse("5%").orElseThrow()).isEqualTo(new Threshold("5%", 0.05, Threshold.Form.PERCENT));
        assertThat(Threshold.parse("12.5%").orElseThrow().value()).isEqualTo(0.125);
        assertThat(Threshold.parse("750ms").orElseThrow()).isEqualTo(new Threshold("750ms", 0.75, Threshold.Form.DURATION));
        assertThat(Threshold.parse("0.05").orElseThrow().form()).isEqualTo(Threshold.Form.NUMBER);
        assertThat(Threshold.parse("five")).isEmpty();
        assertThat(Threshold.plain(0.1)).isEqualTo("0.1");
        assertThat(Threshold.plain(10.0)).isEqualTo("10");
        assertThat(Threshold.plain(1.5e-7)).isEqualTo("0.00000015");
    }

    @Test
    void labelMatchersParseWithOrWithoutBraces() {
        assertThat(LabelMatchers.parse("{job=\"api\", env=~'prod|stage',x!=`a\"b`, y!~\"z\"}").orElseThrow())
                .containsExactly(new LabelMatcher("job", "=", "api"), new LabelMatcher("env", "=~", "prod|stage"),
                        new LabelMatcher("x", "!=", "a\"b"), new LabelMatcher("y", "!~", "z"));
        assertThat(LabelMatchers.parse("job=\"a\\\"b\"").orElseThrow().get(0).render()).isEqualTo("job=\"a\\\"b\"");
        assertThat(LabelMatchers.parse("").orElseThrow()).isEmpty();
        assertThat(LabelMatchers.parse("job=api")).isEmpty();
        assertThat(LabelMatchers.parse("job=\"a\" env=\"b\"")).isEmpty();
        assertThat(LabelMatchers.parse("2job=\"a\"")).isEmpty();
    }

    @Test
    void didYouMeanFindsTyposButNotStrangers() {
        List<String> keys = List.of("threshold", "for", "severity", "enabled");
        assertThat(DidYouMean.closest("treshold", keys)).contains("threshold");
        assertThat(DidYouMean.closest("sevrity", keys)).contains("severity");
        assertThat(DidYouMean.closest("fro", keys)).contains("for");
        assertThat(DidYouMean.closest("banana", keys)).isEmpty();
    }
}
