package io.vpmon.generate;

import io.vpmon.spec.Severity;
import io.vpmon.spec.Spec;
import java.util.List;
import java.util.SortedMap;

/**
 * What other packages may know of a generated alert rule: its name, tier, labels and runbook,
 * e.g. to build a test alert that routes exactly as the real one would.
 */
public record GeneratedAlert(String name, Severity severity, SortedMap<String, String> labels, String runbookUrl) {

    /** The spec's enabled alerts in the order the rule file lists them. */
    public static List<GeneratedAlert> of(Spec spec) {
        return AlertRules.build(spec).rules().stream()
                .map(r -> new GeneratedAlert(r.name(), r.severity(), r.labels(),
                        r.annotations().get("runbook_url").goTemplate()))
                .toList();
    }
}
