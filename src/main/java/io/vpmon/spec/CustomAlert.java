package io.vpmon.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An alert written in raw PromQL, generated beside the built-in ones. With a {@code test},
 * vpmon also writes its promtool test: the input series, and when and how it must fire.
 */
public record CustomAlert(
        @Required String name,
        @Required String expr,
        @SpecKey("for") PromDuration forDuration,
        @Required Severity severity,
        String summary,
        String description,
        Map<String, String> labels,
        Map<String, String> annotations,
        @SpecKey("notify") List<String> alsoNotify,
        Test test) {
    public CustomAlert {
        forDuration = Defaults.duration(forDuration, "0s");
        labels = Defaults.map(labels);
        annotations = Defaults.map(annotations);
        alsoNotify = Defaults.list(alsoNotify);
    }

    /**
     * Input series in promtool's notation, the evaluation time at which the alert must fire
     * (it must not fire one evaluation earlier), and the labels and value its expression has then.
     */
    public record Test(PromDuration interval, @Required List<InputSeries> inputSeries, @Required PromDuration firesAt,
            Map<String, String> labels, Double value) {
        public Test {
            interval = Defaults.duration(interval, "1m");
            inputSeries = Defaults.list(inputSeries);
            labels = Defaults.map(labels);
            value = Defaults.or(value, 0.0);
        }
    }

    /** One input series: {@code metric{label="value"}} and its values, e.g. {@code 0+10x30}. */
    public record InputSeries(@Required String series, @Required String values) {
        private static final Pattern SERIES = Pattern.compile("^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*(\\{.*\\})?\\s*$");

        /** The series' labels, its name under __name__; empty when it is not written {@code name{l="v", ...}}. */
        public Optional<SortedMap<String, String>> labels() {
            Matcher m = SERIES.matcher(series == null ? "" : series);
            if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
                return Optional.empty();
            }
            Optional<List<LabelMatchers.LabelMatcher>> matchers =
                    LabelMatchers.parse(m.group(2) == null ? "" : m.group(2));
            if (matchers.isEmpty() || matchers.get().stream().anyMatch(x -> !x.op().equals("="))) {
                return Optional.empty();
            }
            SortedMap<String, String> labels = new TreeMap<>();
            matchers.get().forEach(x -> labels.put(x.name(), x.value()));
            if (m.group(1) != null) {
                labels.put("__name__", m.group(1));
            }
            return labels.containsKey("__name__") ? Optional.of(labels) : Optional.empty();
        }
    }
}
