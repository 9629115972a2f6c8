package io.vpmon.generate;

import io.vpmon.spec.PromDuration;
import java.util.List;
import java.util.SortedMap;

/**
 * A promtool rule-test case: input series over time and what each alert should be doing at
 * given moments. An expectation with no labels says the alert must not be firing then. Alerts
 * judged over days are tested at hourly evaluations, the rest every minute.
 */
record Scenario(String title, PromDuration evaluationInterval, PromDuration interval, List<Series> series,
        List<Expectation> expectations) {
    Scenario {
        series = List.copyOf(series);
        expectations = List.copyOf(expectations);
    }

    /** An input series: labels (the metric name under __name__) and promtool's value notation. */
    record Series(SortedMap<String, String> labels, String values) {
    }

    /** At {@code at}, alert {@code alertName} fires with these labels and value, or (fires=false) does not. */
    record Expectation(String alertName, PromDuration at, boolean fires, SortedMap<String, String> labels, double value) {
        static Expectation silent(String alertName, PromDuration at) {
            return new Expectation(alertName, at, false, new java.util.TreeMap<>(), 0);
        }
    }
}
