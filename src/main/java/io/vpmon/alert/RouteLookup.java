package io.vpmon.alert;

import io.vpmon.generate.AlertRouting;
import io.vpmon.generate.AlertRouting.Delivery;
import io.vpmon.generate.GeneratedAlert;
import io.vpmon.spec.Notifications;
import io.vpmon.spec.PromDuration;
import io.vpmon.spec.Spec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code vpmon alert routes}: which receivers an alert with given labels reaches, answered
 * offline from the spec's route tree, the same tree the generated Alertmanager config holds.
 */
public final class RouteLookup {
    private RouteLookup() {
    }

    /** A receiver the alert reaches, how it notifies, and the grouping and timing on its route. */
    public record Reach(String receiver, String integrations, List<String> groupBy, PromDuration groupWait,
            PromDuration groupInterval, PromDuration repeatInterval, String why) {
    }

    /** The labels asked about and the receivers reached; none when only the silent catch-all matches. */
    public record Answer(Map<String, String> labels, List<Reach> receivers) {
        public boolean unrouted() {
            return receivers.isEmpty();
        }
    }

    public static Answer lookup(Spec spec, Map<String, String> labels) {
        List<Reach> reached = AlertRouting.of(spec).match(labels).stream()
                .filter(d -> !d.unrouted())
                .map(d -> reach(spec, d))
                .toList();
        return new Answer(new TreeMap<>(labels), reached);
    }

    /** The labels the generated rule gives an alert, alertname included; a usage error for an unknown name. */
    public static Map<String, String> alertLabels(Spec spec, String alertName) {
        GeneratedAlert alert = AlertSelection.byName(GeneratedAlert.of(spec), alertName);
        Map<String, String> labels = new TreeMap<>(alert.labels());
        labels.put("alertname", alert.name());
        return labels;
    }

    private static Reach reach(Spec spec, Delivery d) {
        String integrations = spec.notifications().receivers().stream().filter(r -> r.name().equals(d.receiver()))
                .findFirst().map(Notifications.Receiver::integrations)
                .orElseThrow(() -> new IllegalStateException("route to unknown receiver " + d.receiver()));
        return new Reach(d.receiver(), integrations, d.groupBy(), d.groupWait(), d.groupInterval(), d.repeatInterval(),
                d.why());
    }
}
