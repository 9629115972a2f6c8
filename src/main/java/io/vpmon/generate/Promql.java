package io.vpmon.generate;

import io.vpmon.spec.LabelMatchers;
import io.vpmon.spec.LabelMatchers.LabelMatcher;
import io.vpmon.spec.PromDuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small typed pieces of PromQL, so generated expressions are assembled, not pasted. */
final class Promql {
    private Promql() {
    }

    /** A metric name and its label matchers. */
    record Selector(String metric, List<LabelMatcher> matchers) {
        Selector {
            matchers = List.copyOf(matchers);
        }

        static Selector of(String metric, String matcherText) {
            return new Selector(metric, LabelMatchers.parse(matcherText).orElseThrow(
                    () -> new IllegalArgumentException("invalid selector " + matcherText)));
        }

        Selector with(String label, String op, String value) {
            List<LabelMatcher> more = new ArrayList<>(matchers);
            more.add(new LabelMatcher(label, op, value));
            return new Selector(metric, more);
        }

        Selector named(String otherMetric) {
            return new Selector(otherMetric, matchers);
        }

        String render() {
            if (matchers.isEmpty()) {
                return metric;
            }
            List<String> parts = matchers.stream().map(LabelMatcher::render).toList();
            return metric + "{" + String.join(", ", parts) + "}";
        }

        String over(PromDuration window) {
            return render() + "[" + window + "]";
        }

        /** The labels absent() gives its result: those fixed by equality matchers. */
        Map<String, String> equalityLabels() {
            Map<String, String> labels = new LinkedHashMap<>();
            for (LabelMatcher m : matchers) {
                if (m.op().equals("=")) {
                    labels.put(m.name(), m.value());
                }
            }
            return labels;
        }
    }

    /** {@code op by (labels) (inner)}, or {@code op(inner)} with no labels. */
    static String aggregate(String op, List<String> labels, String inner) {
        if (labels.isEmpty()) {
            return op + "(" + inner + ")";
        }
        return op + " by (" + String.join(", ", labels) + ") (" + inner + ")";
    }

    static String call(String function, String... args) {
        return function + "(" + String.join(", ", args) + ")";
    }
}
