package io.vpmon.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpmon.spec.Severity;
import io.vpmon.spec.Spec;
import java.util.List;
import java.util.Map;

/** prometheus/rules/alerts.yml: one rule group per severity tier. */
final class AlertRulesFile {
    static final String PATH = "prometheus/rules/alerts.yml";

    private AlertRulesFile() {
    }

    static GeneratedFile generate(Spec spec, List<AlertRule> rules, List<String> header) {
        ObjectNode root = YamlWriter.object();
        ArrayNode groups = root.putArray("groups");
        int count = 0;
        StringBuilder tiers = new StringBuilder();
        for (Severity severity : Severity.values()) {
            List<AlertRule> tier = rules.stream().filter(r -> r.severity() == severity).toList();
            if (tier.isEmpty()) {
                continue;
            }
            ObjectNode group = groups.addObject();
            group.put("name", spec.service().name() + "-" + severity.label());
            ArrayNode list = group.putArray("rules");
            for (AlertRule rule : tier) {
                list.add(rule(rule));
            }
            count += tier.size();
            tiers.append(tiers.length() == 0 ? "" : ", ").append(tier.size()).append(' ').append(severity.label());
        }
        return GeneratedFile.text(PATH, YamlWriter.write(root, header),
                count + " alert rules (" + tiers + ")");
    }

    private static ObjectNode rule(AlertRule rule) {
        ObjectNode node = YamlWriter.object();
        node.put("alert", rule.name());
        node.put("expr", rule.expr());
        if (!rule.forDuration().isZero()) {
            node.put("for", rule.forDuration().text());
        }
        node.set("labels", YamlWriter.labels(rule.labels()));
        ObjectNode annotations = node.putObject("annotations");
        for (Map.Entry<String, AnnotationTemplate> e : rule.annotations().entrySet()) {
            annotations.put(e.getKey(), e.getValue().goTemplate());
        }
        return node;
    }
}
