package io.vpmon.spec;

import java.util.List;
import java.util.Map;

/**
 * Who hears about alerts: the receivers, which receivers each severity reaches, and the
 * Alertmanager grouping. Secrets (webhook URLs, routing keys, passwords) are always given by
 * file; Alertmanager reads the file, vpmon never does.
 */
public record Notifications(
        List<Receiver> receivers,
        Map<Severity, List<String>> routes,
        Smtp smtp,
        List<String> groupBy,
        PromDuration groupWait,
        PromDuration groupInterval,
        PromDuration repeatInterval,
        Digest digest,
        Boolean watchdog) {

    public Notifications {
        receivers = Defaults.list(receivers);
        routes = Defaults.map(routes);
        groupBy = Defaults.list(groupBy, List.of("alertname", "service", "severity"));
        groupWait = Defaults.duration(groupWait, "30s");
        groupInterval = Defaults.duration(groupInterval, "5m");
        repeatInterval = Defaults.duration(repeatInterval, "4h");
        digest = Defaults.or(digest, new Digest(null, null, null));
        watchdog = Defaults.or(watchdog, false);
    }

    static Notifications defaults() {
        return new Notifications(null, null, null, null, null, null, null, null, null);
    }

    /** One notification target; it may hold several integrations, Alertmanager-style. */
    public record Receiver(@Required String name, Slack slack, Email email, PagerDuty pagerduty, Webhook webhook) {
    }

    public record Slack(@Required String apiUrlFile, @Required String channel, Boolean sendResolved) {
        public Slack {
            sendResolved = Defaults.or(sendResolved, true);
        }
    }

    public record Email(@Required List<String> to, Boolean sendResolved) {
        public Email {
            to = Defaults.list(to);
            sendResolved = Defaults.or(sendResolved, false);
        }
    }

    public record PagerDuty(@Required String routingKeyFile, Boolean sendResolved) {
        public PagerDuty {
            sendResolved = Defaults.or(sendResolved, true);
        }
    }

    public record Webhook(@Required String urlFile, Boolean sendResolved, Integer maxAlerts) {
        public Webhook {
            sendResolved = Defaults.or(sendResolved, true);
            maxAlerts = Defaults.or(maxAlerts, 0);
        }
    }

    /** The SMTP relay every email receiver uses. */
    public record Smtp(@Required String smarthost, @Required String from, String authUsername,
            String authPasswordFile, Boolean requireTls) {
        public Smtp {
            requireTls = Defaults.or(requireTls, true);
        }
    }

    /** The medium tier's daily summary: long group and repeat intervals. */
    public record Digest(PromDuration groupWait, PromDuration groupInterval, PromDuration repeatInterval) {
        public Digest {
            groupWait = Defaults.duration(groupWait, "5m");
            groupInterval = Defaults.duration(groupInterval, "24h");
            repeatInterval = Defaults.duration(repeatInterval, "24h");
        }
    }
}
