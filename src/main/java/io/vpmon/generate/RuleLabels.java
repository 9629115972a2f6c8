package io.vpmon.generate;

import io.vpmon.spec.CustomAlert;
import io.vpmon.spec.ResolvedAlert;
import io.vpmon.spec.Severity;
import io.vpmon.spec.Spec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The labels and annotations every generated alert carries: severity, service, runbook link. */
final class RuleLabels {
    private final Spec spec;

    RuleLabels(Spec spec) {
        this.spec = spec;
    }

    SortedMap<String, String> forBuiltin(ResolvedAlert alert) {
        return labels(alert.labels(), alert.severity());
    }

    SortedMap<String, String> forCustom(CustomAlert alert) {
        return labels(alert.labels(), alert.severity());
    }

    private SortedMap<String, String> labels(Map<String, String> own, Severity severity) {
        SortedMap<String, String> labels = new TreeMap<>(spec.service().labels());
        labels.putAll(own);
        labels.put("severity", severity.label());
        labels.put("service", spec.service().name());
        return labels;
    }

    /** The alert's own annotations in order, then its runbook link. */
    Map<String, AnnotationTemplate> annotations(String alertName, Map<String, AnnotationTemplate> own) {
        Map<String, AnnotationTemplate> annotations = new LinkedHashMap<>(own);
        annotations.put("runbook_url", AnnotationTemplate.text(runbookUrl(alertName)));
        return annotations;
    }

    String runbookUrl(String alertName) {
        String base = spec.runbooks().baseUrl();
        if (base == null || base.isBlank()) {
            return "runbooks/" + alertName + ".md";
        }
        return base.replaceAll("/+$", "") + "/" + alertName + ".md";
    }
}
