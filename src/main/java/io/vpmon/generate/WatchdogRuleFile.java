package io.vpmon.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpmon.spec.Notifications;
import io.vpmon.spec.Spec;
import java.util.List;
import java.util.Optional;

/**
 * prometheus/rules/watchdog.yml, when the spec has a watchdog: one alert that always fires, so
 * the whole chain (Prometheus evaluating rules, Alertmanager routing, the network) sends a
 * heartbeat every interval. A dead man's switch service that stops hearing it raises the alarm
 * nothing inside the chain can raise about itself.
 */
final class WatchdogRuleFile {
    static final String PATH = "prometheus/rules/watchdog.yml";
    /** The path as the Prometheus config lists it, relative to prometheus/. */
    static final String RULE_FILE = "rules/watchdog.yml";

    private WatchdogRuleFile() {
    }

    static Optional<GeneratedFile> generate(Spec spec, List<String> header) {
        Notifications.Watchdog watchdog = spec.notifications().watchdog();
        if (watchdog == null) {
            return Optional.empty();
        }
        ObjectNode root = YamlWriter.object();
        ObjectNode group = root.putArray("groups").addObject();
        group.put("name", spec.service().name() + "-watchdog");
        ObjectNode rule = group.putArray("rules").addObject();
        rule.put("alert", Notifications.Watchdog.ALERT_NAME);
        rule.put("expr", "vector(1)");
        ObjectNode labels = rule.putObject("labels");
        labels.put("service", spec.service().name());
        labels.put("severity", "none");
        ObjectNode annotations = rule.putObject("annotations");
        annotations.put("summary", "Heartbeat of the alerting pipeline of " + spec.service().name());
        annotations.put("description", "Always firing, on purpose: Alertmanager sends it to '" + watchdog.receiver()
                + "' every " + watchdog.interval() + ". If that stops, Prometheus, Alertmanager or the way"
                + " between them is broken and no other alert can reach anyone.");
        return Optional.of(GeneratedFile.text(PATH, YamlWriter.write(root, header),
                "Watchdog alert: a heartbeat to " + watchdog.receiver() + " every " + watchdog.interval()));
    }
}
