package io.vpmon.generate;

import io.vpmon.spec.CustomAlert;
import io.vpmon.spec.LabelMatchers;
import io.vpmon.spec.Notifications;
import io.vpmon.spec.PromDuration;
import io.vpmon.spec.ResolvedAlert;
import io.vpmon.spec.Severity;
import io.vpmon.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who hears about which alert: the route tree and inhibition of the generated Alertmanager
 * config, and Alertmanager's own matching over it, so {@code vpmon alert routes}, the runbooks
 * and {@code vpmon alert test} answer from the same tree the config file is written from.
 *
 * <p>Alertmanager gives a route one receiver. A tier that notifies several receivers becomes
 * one sibling route per receiver, each with {@code continue: true}, so every receiver keeps its
 * spec name (what {@code amtool config routes test} and the API report) and its own notification
 * log. An alert's extra receivers ({@code notify}) are routes on its alertname, on its tier's
 * schedule. Alerts no route matches reach the root's receiver, which has no integration.
 */
public final class AlertRouting {
    /** The label {@code vpmon alert test} puts on its alerts; grouping keeps them apart from real ones. */
    public static final String TEST_LABEL = "vpmon_test";

    /** An Alertmanager label matcher: =, !=, =~ or !~ (regular expressions anchored at both ends). */
    public record Matcher(String name, String op, String value) {
        static Matcher equal(String name, String value) {
            return new Matcher(name, "=", value);
        }

        public boolean matches(Map<String, String> labels) {
            String actual = labels.getOrDefault(name, "");
            return switch (op) {
                case "=" -> actual.equals(value);
                case "!=" -> !actual.equals(value);
                case "=~" -> regex().matcher(actual).matches();
                case "!~" -> !regex().matcher(actual).matches();
                default -> throw new IllegalStateException("matcher operator " + op);
            };
        }

        private Pattern regex() {
            return Pattern.compile("^(?:" + value + ")$");
        }

        /** As Alertmanager's {@code matchers:} syntax: {@code severity="critical"}. */
        public String render() {
            return name + op + LabelMatchers.quote(value);
        }
    }

    /**
     * One route. Null grouping and timing inherit the parent's, as in Alertmanager; {@code why}
     * says which part of the spec asked for it.
     */
    public record Route(String receiver, List<Matcher> matchers, List<String> groupBy, PromDuration groupWait,
            PromDuration groupInterval, PromDuration repeatInterval, boolean continueMatching, List<Route> routes,
            String why) {
        public Route {
            matchers = List.copyOf(matchers);
            groupBy = groupBy == null ? null : List.copyOf(groupBy);
            routes = List.copyOf(routes);
        }

        boolean matches(Map<String, String> labels) {
            return matchers.stream().allMatch(m -> m.matches(labels));
        }
    }

    /** A receiver an alert reaches, with the grouping and timing in effect on its route. */
    public record Delivery(String receiver, List<String> groupBy, PromDuration groupWait, PromDuration groupInterval,
            PromDuration repeatInterval, String why) {
        /** True for the root's catch-all receiver, which notifies no one. */
        public boolean unrouted() {
            return receiver.equals(Notifications.UNROUTED_RECEIVER);
        }
    }

    /** Alerts matching {@code target} are muted while one matching {@code source} fires with equal labels. */
    public record InhibitRule(List<Matcher> source, List<Matcher> target, List<String> equal) {
    }

    private final Route root;
    private final List<InhibitRule> inhibitRules;

    private AlertRouting(Route root, List<InhibitRule> inhibitRules) {
        this.root = root;
        this.inhibitRules = List.copyOf(inhibitRules);
    }

    public static AlertRouting of(Spec spec) {
        Notifications n = spec.notifications();
        List<String> groupBy = withTestLabel(n.groupBy());
        List<Route> routes = new ArrayList<>();
        if (n.watchdog() != null) {
            routes.add(new Route(n.watchdog().receiver(), List.of(
                    Matcher.equal("alertname", Notifications.Watchdog.ALERT_NAME),
                    Matcher.equal("service", spec.service().name())),
                    List.of("alertname", "service"), PromDuration.parse("0s"), n.watchdog().interval(),
                    n.watchdog().interval(), false, List.of(), "notifications.watchdog"));
        }
        for (Severity severity : Severity.values()) {
            Schedule schedule = severity == Severity.MEDIUM ? Schedule.digest(n, groupBy) : Schedule.INHERITED;
            Set<String> tier = new LinkedHashSet<>(n.routes().getOrDefault(severity, List.of()));
            for (String receiver : tier) {
                routes.add(schedule.route(receiver, Matcher.equal("severity", severity.label()),
                        "notifications.routes." + severity.label()));
            }
            for (Extra extra : extras(spec, severity)) {
                for (String receiver : new LinkedHashSet<>(extra.receivers())) {
                    if (!tier.contains(receiver)) {
                        routes.add(schedule.route(receiver, Matcher.equal("alertname", extra.alert()),
                                extra.why()));
                    }
                }
            }
        }
        Route root = new Route(Notifications.UNROUTED_RECEIVER, List.of(), groupBy, n.groupWait(), n.groupInterval(),
                n.repeatInterval(), false, routes, "no route matched");
        return new AlertRouting(root, List.of(criticalInhibitsLowerTiers(spec)));
    }

    /** Alertmanager's matching: depth first, a route matches if its matchers do and no child did, continue goes on. */
    public List<Delivery> match(Map<String, String> labels) {
        List<Delivery> found = new ArrayList<>();
        match(root, labels, root.groupBy(), root.groupWait(), root.groupInterval(), root.repeatInterval(), found);
        return List.copyOf(found);
    }

    private static boolean match(Route route, Map<String, String> labels, List<String> groupBy,
            PromDuration groupWait, PromDuration groupInterval, PromDuration repeatInterval, List<Delivery> found) {
        if (!route.matches(labels)) {
            return false;
        }
        List<String> by = route.groupBy() != null ? route.groupBy() : groupBy;
        PromDuration wait = route.groupWait() != null ? route.groupWait() : groupWait;
        PromDuration interval = route.groupInterval() != null ? route.groupInterval() : groupInterval;
        PromDuration repeat = route.repeatInterval() != null ? route.repeatInterval() : repeatInterval;
        boolean childMatched = false;
        for (Route child : route.routes()) {
            if (match(child, labels, by, wait, interval, repeat, found)) {
                childMatched = true;
                if (!child.continueMatching()) {
                    break;
                }
            }
        }
        if (!childMatched) {
            found.add(new Delivery(route.receiver(), by, wait, interval, repeat, route.why()));
        }
        return true;
    }

    public Route root() {
        return root;
    }

    public List<InhibitRule> inhibitRules() {
        return inhibitRules;
    }

    /**
     * A firing critical alert mutes the high and medium alerts of the same service (and
     * environment and cluster, the labels Prometheus adds), so one incident pages once. Test
     * alerts never inhibit: a test must not mute a real alert.
     */
    private static InhibitRule criticalInhibitsLowerTiers(Spec spec) {
        List<String> equal = new ArrayList<>(List.of("service", "environment"));
        if (spec.service().cluster() != null) {
            equal.add("cluster");
        }
        return new InhibitRule(
                List.of(Matcher.equal("severity", Severity.CRITICAL.label()), new Matcher(TEST_LABEL, "!=", "true")),
                List.of(new Matcher("severity", "=~", Severity.HIGH.label() + "|" + Severity.MEDIUM.label())),
                equal);
    }

    /** The spec's group_by plus the test label, so a test alert never joins a real alert's notification. */
    private static List<String> withTestLabel(List<String> groupBy) {
        if (groupBy.contains("...") || groupBy.contains(TEST_LABEL)) {
            return groupBy;
        }
        List<String> labels = new ArrayList<>(groupBy);
        labels.add(TEST_LABEL);
        return labels;
    }

    private record Extra(String alert, List<String> receivers, String why) {
    }

    /** The enabled alerts of one tier that name receivers of their own. */
    private static List<Extra> extras(Spec spec, Severity severity) {
        List<Extra> extras = new ArrayList<>();
        for (ResolvedAlert a : spec.builtinAlerts()) {
            if (a.enabled() && a.severity() == severity && !a.alsoNotify().isEmpty()) {
                extras.add(new Extra(a.name(), a.alsoNotify(), "alerts." + a.name() + ".notify"));
            }
        }
        for (CustomAlert a : spec.customAlerts()) {
            if (a.severity() == severity && !a.alsoNotify().isEmpty()) {
                extras.add(new Extra(a.name(), a.alsoNotify(), "custom_alerts." + a.name() + ".notify"));
            }
        }
        return extras;
    }

    /**
     * How a tier's routes group and time notifications: the root's, or for the medium tier the
     * daily digest: its long intervals, grouped without alertname so one message lists them all.
     */
    private record Schedule(List<String> groupBy, PromDuration groupWait, PromDuration groupInterval,
            PromDuration repeatInterval) {
        static final Schedule INHERITED = new Schedule(null, null, null, null);

        static Schedule digest(Notifications n, List<String> rootGroupBy) {
            List<String> groupBy = rootGroupBy.stream().filter(l -> !l.equals("alertname")).toList();
            return new Schedule(groupBy, n.digest().groupWait(), n.digest().groupInterval(),
                    n.digest().repeatInterval());
        }

        Route route(String receiver, Matcher matcher, String why) {
            return new Route(receiver, List.of(matcher), groupBy, groupWait, groupInterval, repeatInterval, true,
                    List.of(), why);
        }
    }
}
