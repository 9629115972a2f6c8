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
        Watchdog watchdog) {

    /** The receiver, without integrations, of alerts no route matches in the generated config. */
    public static final String UNROUTED_RECEIVER = "vpmon-unrouted";

    public Notifications {
        receivers = Defaults.list(receivers);
        routes = Defaults.map(routes);
        groupBy = Defaults.list(groupBy, List.of("alertname", "service", "severity"));
        groupWait = Defaults.duration(groupWait, "30s");
        groupInterval = Defaults.duration(groupInterval, "5m");
        repeatInterval = Defaults.duration(repeatInterval, "4h");
        digest = Defaults.or(digest, new Digest(null, null, null));
    }

    static Notifications defaults() {
        return new Notifications(null, null, null, null, null, null, null, null, null);
    }

    /** One notification target; it may hold several integrations, Alertmanager-style. */
    public record Receiver(@Required String name, Slack slack, Email email, PagerDuty pagerduty, Webhook webhook) {
        /** Its integrations for people, without secrets: "Slack #ml-critical + PagerDuty". */
        public String integrations() {
            List<String> parts = new java.util.ArrayList<>();
            if (slack != null) {
                parts.add("Slack " + slack.channel());
            }
            if (pagerduty != null) {
                parts.add("PagerDuty");
            }
            if (email != null) {
                parts.add("email to " + String.join(", ", email.to()));
            }
            if (webhook != null) {
                parts.add("webhook " + webhook.url());
            }
            return String.join(" + ", parts);
        }
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

    /** PagerDuty Events API v2; {@code url} only to use another endpoint (e.g. the EU one). */
    public record PagerDuty(@Required String routingKeyFile, String url, Boolean sendResolved) {
        public PagerDuty {
            sendResolved = Defaults.or(sendResolved, true);
        }
    }

    /**
     * A generic webhook. Alertmanager 0.25 reads webhook URLs only inline, so the URL must hold no
     * secret: credentials go in {@code bearer_token_file} or {@code basic_auth}. {@code url_file}
     * is accepted by the binder only so the validator can explain that.
     */
    public record Webhook(String url, String urlFile, String bearerTokenFile, Spec.BasicAuth basicAuth,
            Boolean sendResolved, Integer maxAlerts) {
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

    /**
     * A dead man's switch: an always-firing Watchdog alert sent to one receiver (a heartbeat
     * service that pages when the notifications stop) every {@code interval}.
     */
    public record Watchdog(@Shorthand @Required String receiver, PromDuration interval) {
        public static final String ALERT_NAME = "Watchdog";

        public Watchdog {
            interval = Defaults.duration(interval, "1m");
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
