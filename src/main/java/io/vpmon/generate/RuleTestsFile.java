package io.vpmon.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpmon.generate.Scenario.Expectation;
import io.vpmon.generate.Scenario.Series;
import io.vpmon.spec.LabelMatchers;
import io.vpmon.spec.PromDuration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * prometheus/tests/alerts*.test.yml: promtool unit tests for every generated alert, from each
 * rule's scenarios: it fires once its condition has held for its 'for', not a step earlier, and
 * stays quiet on healthy input. Alerts judged over days are tested at hourly evaluations in a
 * file of their own, which keeps {@code promtool test rules prometheus/tests/*.test.yml} fast.
 */
final class RuleTestsFile {
    static final String DIR = "prometheus/tests/";

    private RuleTestsFile() {
    }

    static List<GeneratedFile> generate(List<AlertRule> rules, List<String> header) {
        Map<String, AlertRule> byName = new HashMap<>();
        rules.forEach(r -> byName.put(r.name(), r));
        // Grouped by evaluation interval in milliseconds, and rules compared by name: a record's
        // equals() costs an invokedynamic bootstrap at its first call, which is felt at start-up.
        Map<Long, List<AlertRule>> byInterval = new TreeMap<>();
        for (AlertRule rule : rules) {
            for (Scenario scenario : rule.scenarios()) {
                List<AlertRule> list = byInterval.computeIfAbsent(scenario.evaluationInterval().millis(),
                        k -> new ArrayList<>());
                if (list.isEmpty() || !list.get(list.size() - 1).name().equals(rule.name())) {
                    list.add(rule);
                }
            }
        }
        List<GeneratedFile> files = new ArrayList<>();
        byInterval.forEach((millis, tested) -> {
            PromDuration interval = PromDuration.ofMillis(millis);
            ObjectNode root = YamlWriter.object();
            root.putArray("rule_files").add("../rules/alerts.yml");
            root.put("evaluation_interval", interval.text());
            ArrayNode tests = root.putArray("tests");
            int cases = 0;
            for (AlertRule rule : tested) {
                for (Scenario scenario : rule.scenarios()) {
                    if (scenario.evaluationInterval().millis() == millis) {
                        tests.add(test(scenario, byName));
                        cases++;
                    }
                }
            }
            String path = DIR + fileName(interval);
            files.add(GeneratedFile.text(path, YamlWriter.write(root, header), "promtool rule tests: " + cases
                    + " cases for " + tested.size() + " alerts, evaluated every " + interval));
        });
        return files;
    }

    private static String fileName(PromDuration interval) {
        return interval.millis() == BuiltinRules.STEP.millis() ? "alerts.test.yml"
                : interval.millis() == BuiltinRules.HOUR.millis() ? "alerts.hourly.test.yml"
                : "alerts." + interval.text() + ".test.yml";
    }

    private static ObjectNode test(Scenario scenario, Map<String, AlertRule> rules) {
        ObjectNode test = YamlWriter.object();
        test.put("name", scenario.title());
        test.put("interval", scenario.interval().text());
        ArrayNode input = test.putArray("input_series");
        for (Series series : scenario.series()) {
            ObjectNode s = input.addObject();
            s.put("series", seriesText(series.labels()));
            s.put("values", series.values());
        }
        ArrayNode checks = test.putArray("alert_rule_test");
        for (Expectation e : scenario.expectations()) {
            ObjectNode check = checks.addObject();
            check.put("eval_time", e.at().text());
            check.put("alertname", e.alertName());
            ArrayNode alerts = check.putArray("exp_alerts");
            if (e.fires()) {
                AlertRule rule = rules.get(e.alertName());
                SortedMap<String, String> labels = new TreeMap<>(e.labels());
                labels.putAll(rule.labels());
                ObjectNode alert = alerts.addObject();
                alert.set("exp_labels", YamlWriter.labels(labels));
                ObjectNode annotations = alert.putObject("exp_annotations");
                rule.annotations().forEach((k, v) -> annotations.put(k, v.render(e.labels(), e.value())));
            }
        }
        return test;
    }

    private static String seriesText(SortedMap<String, String> labels) {
        StringBuilder sb = new StringBuilder(labels.get("__name__")).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (e.getKey().equals("__name__")) {
                continue;
            }
            sb.append(first ? "" : ", ").append(e.getKey()).append('=').append(LabelMatchers.quote(e.getValue()));
            first = false;
        }
        return sb.append('}').toString();
    }
}
