package io.vpmon.spec;

import java.util.List;
import java.util.Map;

/** Changes to one built-in alert; every field is optional and falls back to the seed's value. */
public record AlertOverride(
        Threshold threshold,
        @SpecKey("for") PromDuration forDuration,
        Severity severity,
        Boolean enabled,
        Map<String, String> labels,
        @SpecKey("notify") List<String> alsoNotify) {
    public AlertOverride {
        labels = Defaults.map(labels);
        alsoNotify = Defaults.list(alsoNotify);
    }
}
