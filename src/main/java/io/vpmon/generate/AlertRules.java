package io.vpmon.generate;

import io.vpmon.generate.Scenario.Expectation;
import io.vpmon.spec.CustomAlert;
import io.vpmon.spec.PromDuration;
import io.vpmon.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
            rules.add(custom(custom, labels, notes));
        }
        return new Result(List.copyOf(rules), List.copyOf(notes));
    }

    private static AlertRule custom(CustomAlert alert, RuleLabels labels, List<String> notes) {
        Map<String, AnnotationTemplate> own = new LinkedHashMap<>();
        own.put("summary", AnnotationTemplate.raw(alert.summary() != null ? alert.summary() : alert.name() + " is firing"));
        if (alert.description() != null) {
            own.put("description", AnnotationTemplate.raw(alert.description()));
        }
        alert.annotations().forEach((k, v) -> own.put(k, AnnotationTemplate.raw(v)));
        Map<String, AnnotationTemplate> annotations = labels.annotations(alert.name(), own);
        List<Scenario> scenarios = new ArrayList<>();
        CustomAlert.Test test = alert.test();
        if (test == null) {
            notes.add("no rule test for custom alert " + alert.name() + ": give it a 'test' in the spec");
        } else if (!annotations.values().stream().allMatch(t -> t.renderable(test.labels(), test.value()))) {
            notes.add("no rule test for custom alert " + alert.name() + ": its annotations use template functions"
                    + " vpmon cannot render (it renders $value, $labels.x, humanize*, printf \"%.Nf\")");
        } else {
            scenarios.add(scenario(alert, test));
        }
        return new AlertRule(alert.name(), alert.severity(), alert.expr().strip(), alert.forDuration(),
                labels.forCustom(alert), annotations, "see expr", "Custom PromQL from the spec.", scenarios);
    }

    /** The spec's own test case: quiet one evaluation before fires_at, firing with its labels and value then. */
    private static Scenario scenario(CustomAlert alert, CustomAlert.Test test) {
        List<Scenario.Series> series = test.inputSeries().stream()
                .map(s -> new Scenario.Series(s.labels().orElseThrow(), s.values())).toList();
        List<Expectation> checks = new ArrayList<>();
        long before = test.firesAt().millis() - BuiltinRules.STEP.millis();
        if (before >= 0) {
            checks.add(Expectation.silent(alert.name(), PromDuration.ofMillis(before)));
        }
        checks.add(new Expectation(alert.name(), test.firesAt(), true, new TreeMap<>(test.labels()), test.value()));
        return new Scenario(alert.name() + " fires as its spec test says", BuiltinRules.STEP, test.interval(), series,
                checks);
    }
}
