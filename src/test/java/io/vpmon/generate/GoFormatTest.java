package io.vpmon.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what Go's fmt and Prometheus' template functions print for these values. */
class GoFormatTest {
    @ParameterizedTest
    @CsvSource({"0.1, 0.1", "1234, 1234", "12345, 1.234e+04", "12355, 1.236e+04", "123456, 1.235e+05",
        "0.00001234, 1.234e-05", "0.0001, 0.0001", "100, 100", "-2.5, -2.5", "0, 0"})
    void percentFourG(double value, String expected) {
        assertThat(GoFormat.g4(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1234567, 1.235M", "999, 999", "1000, 1k", "0.0012, 1.2m", "0.25, 250m", "0, 0"})
    void humanize(double value, String expected) {
        assertThat(GoFormat.humanize(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"19.9, 19.9s", "26, 26s", "90061, 1d 1h 1m 1s", "3600, 1h 0m 0s", "61.5, 1m 1s", "0.5, 500ms",
        "0, 0s", "0.000002, 2us"})
    void humanizeDuration(double value, String expected) {
        assertThat(GoFormat.humanizeDuration(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.1304347826, 13.04%", "0.1, 10%", "0.0125, 1.25%", "1, 100%"})
    void humanizePercentage(double value, String expected) {
        assertThat(GoFormat.humanizePercentage(value)).isEqualTo(expected);
    }
}
