package io.vpmon.spec;

import java.util.List;
import java.util.Map;

/** A built-in alert with the spec's overrides applied: what the generators work from. */
public record ResolvedAlert(
        BuiltinAlert alert,
        Threshold threshold,
        PromDuration forDuration,
        Severity severity,
        boolean enabled,
        Map<String, String> labels,
        List<String> alsoNotify) {

    public static ResolvedAlert of(BuiltinAlert alert, AlertOverride override) {
        AlertOverride o = override != null ? override : new AlertOverride(null, null, null, null, null, null);
        return new ResolvedAlert(alert,
                Defaults.or(o.threshold(), alert.defaultThreshold()),
                Defaults.or(o.forDuration(), alert.defaultFor()),
                Defaults.or(o.severity(), alert.defaultSeverity()),
                Defaults.or(o.enabled(), true),
                o.labels(),
                o.alsoNotify());
    }

    public String name() {
        return alert.alertName();
    }
}
