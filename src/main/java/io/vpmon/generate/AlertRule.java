package io.vpmon.generate;

import io.vpmon.spec.PromDuration;
import io.vpmon.spec.Severity;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One generated alerting rule, with what the rule file, its unit tests and its runbook need:
 * the expression, labels, annotation templates, a plain-words account of why the expression
 * is shaped as it is, and the scenarios that test it.
 */
record AlertRule(
        String name,
        Severity severity,
        String expr,
        PromDuration forDuration,
        SortedMap<String, String> labels,
        Map<String, AnnotationTemplate> annotations,
        String threshold,
        String rationale,
        List<Scenario> scenarios) {

    AlertRule {
        labels = java.util.Collections.unmodifiableSortedMap(labels);
        annotations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(annotations));
        scenarios = List.copyOf(scenarios);
    }
}
