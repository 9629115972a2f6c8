package io.vpmon.generate;

import io.vpmon.spec.CustomAlert;
import io.vpmon.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every alert a spec asks for: the enabled built-in ones, then the custom ones, as rule models. */
final class AlertRules {
    private AlertRules() {
    }

    record Result(List<AlertRule> rules, List<String> notes) {
    }

    static Result build(Spec spec) {
        List<String> notes = new ArrayList<>();
        RuleLabels labels = new RuleLabels(spec);
        List<AlertRule> rules = new ArrayList<>(new BuiltinRules(spec, labels, notes).build());
        for (CustomAlert custom : spec.customAlerts()) {
            rules.add(custom(custom, labels));
            notes.add("no rule test for custom alert " + custom.name() + ": write one beside the generated tests");
        }
        return new Result(List.copyOf(rules), List.copyOf(notes));
    }

    private static AlertRule custom(CustomAlert alert, RuleLabels labels) {
        Map<String, AnnotationTemplate> own = new LinkedHashMap<>();
        own.put("summary", AnnotationTemplate.raw(alert.summary() != null ? alert.summary() : alert.name() + " is firing"));
        if (alert.description() != null) {
            own.put("description", AnnotationTemplate.raw(alert.description()));
        }
        alert.annotations().forEach((k, v) -> own.put(k, AnnotationTemplate.raw(v)));
        return new AlertRule(alert.name(), alert.severity(), alert.expr().strip(), alert.forDuration(),
                labels.forCustom(alert), labels.annotations(alert.name(), own), "see expr",
                "Custom PromQL from the spec.", List.of());
    }
}
