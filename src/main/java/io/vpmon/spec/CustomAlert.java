package io.vpmon.spec;

import java.util.List;
import java.util.Map;

/** An alert written in raw PromQL, generated beside the built-in ones. */
public record CustomAlert(
        @Required String name,
        @Required String expr,
        @SpecKey("for") PromDuration forDuration,
        @Required Severity severity,
        String summary,
        String description,
        Map<String, String> labels,
        Map<String, String> annotations,
        @SpecKey("notify") List<String> alsoNotify) {
    public CustomAlert {
        forDuration = Defaults.duration(forDuration, "0s");
        labels = Defaults.map(labels);
        annotations = Defaults.map(annotations);
        alsoNotify = Defaults.list(alsoNotify);
    }
}
