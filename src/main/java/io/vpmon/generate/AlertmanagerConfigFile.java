package io.vpmon.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpmon.generate.AlertRouting.InhibitRule;
import io.vpmon.generate.AlertRouting.Matcher;
import io.vpmon.generate.AlertRouting.Route;
import io.vpmon.spec.Notifications;
import io.vpmon.spec.Notifications.Receiver;
import io.vpmon.spec.Severity;
import io.vpmon.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * alertmanager/alertmanager.yml for Alertmanager 0.25 and later: the routing of
 * {@link AlertRouting}, the critical-mutes-lower-tiers inhibition, and the spec's receivers.
 * Every secret is a {@code *_file} path Alertmanager reads; this file never holds one.
 */
final class AlertmanagerConfigFile {
    static final String PATH = "alertmanager/alertmanager.yml";

    static final String TEMPLATES_PATH = "alertmanager/vpmon.tmpl";
    private static final String SUBJECT = "{{ template \"vpmon.subject\" . }}";
    private static final String TEXT = "{{ template \"vpmon.text\" . }}";
    private static final String PAGERDUTY_SEVERITY = "{{ template \"vpmon.pagerduty.severity\" . }}";

    private AlertmanagerConfigFile() {
    }

    /** The config and the message templates it loads (from beside it: Alertmanager resolves the path so). */
    static List<GeneratedFile> generate(Spec spec, AlertRouting routing, List<String> header) {
        return List.of(config(spec, routing, header), templates(header));
    }

    private static GeneratedFile config(Spec spec, AlertRouting routing, List<String> header) {
        Notifications n = spec.notifications();
        ObjectNode root = YamlWriter.object();
        ObjectNode global = root.putObject("global");
        global.put("resolve_timeout", "5m");
        if (n.smtp() != null) {
            Notifications.Smtp smtp = n.smtp();
            global.put("smtp_smarthost", smtp.smarthost());
            global.put("smtp_from", smtp.from());
            if (smtp.authUsername() != null) {
                global.put("smtp_auth_username", smtp.authUsername());
            }
            if (smtp.authPasswordFile() != null) {
                global.put("smtp_auth_password_file", smtp.authPasswordFile());
            }
            global.put("smtp_require_tls", smtp.requireTls());
        }
        root.set("route", route(routing.root(), true));
        ArrayNode inhibit = root.putArray("inhibit_rules");
        for (InhibitRule rule : routing.inhibitRules()) {
            ObjectNode r = inhibit.addObject();
            matchers(r.putArray("source_matchers"), rule.source());
            matchers(r.putArray("target_matchers"), rule.target());
            rule.equal().forEach(r.putArray("equal")::add);
        }
        root.putArray("templates").add(TEMPLATES_PATH.substring(TEMPLATES_PATH.lastIndexOf('/') + 1));
        ArrayNode receivers = root.putArray("receivers");
        receivers.addObject().put("name", Notifications.UNROUTED_RECEIVER);
        for (Receiver receiver : n.receivers()) {
            receivers.add(receiver(receiver));
        }
        List<String> lines = new ArrayList<>(header);
        lines.add("");
        lines.add("For Alertmanager 0.25 or later. Secrets are files Alertmanager reads (*_file); none is in here.");
        lines.add("Alerts no route matches go to " + Notifications.UNROUTED_RECEIVER + ", which notifies no one.");
        return GeneratedFile.text(PATH, YamlWriter.write(root, lines), "Alertmanager config: " + summary(spec, n));
    }

    /**
     * The message texts, once: a subject line (Slack title, email subject, PagerDuty summary)
     * that marks test alerts, one line per alert with its runbook, and the tiers as PagerDuty
     * severities.
     */
    private static GeneratedFile templates(List<String> header) {
        StringBuilder sb = new StringBuilder();
        for (String line : header) {
            sb.append("{{/* ").append(line).append(" */}}\n");
        }
        sb.append("""
                {{ define "vpmon.subject" }}{{ if eq .CommonLabels.%1$s "true" }}[vpmon test] {{ end -}}
                [{{ .CommonLabels.severity | toUpper }}{{ if eq .Status "resolved" }} RESOLVED{{ end }}]
                {{- if .CommonLabels.alertname }} {{ .CommonLabels.alertname }}{{ else }} {{ len .Alerts }} alert{{ if gt (len .Alerts) 1 }}s{{ end }}{{ end }}
                {{- if .CommonLabels.service }} on {{ .CommonLabels.service }}{{ end }}{{ end }}

                {{ define "vpmon.text" }}{{ range .Alerts -}}
                {{ if eq .Status "resolved" }}resolved: {{ end }}{{ .Annotations.summary -}}
                {{ if .Annotations.runbook_url }} (runbook: {{ .Annotations.runbook_url }}){{ end }}
                {{ end }}{{ end }}

                {{ define "vpmon.pagerduty.severity" }}{{ if eq .CommonLabels.severity "critical" }}critical
                {{- else if eq .CommonLabels.severity "high" }}error{{ else }}warning{{ end }}{{ end }}
                """.formatted(AlertRouting.TEST_LABEL));
        return GeneratedFile.text(TEMPLATES_PATH, sb.toString(), "Alertmanager message templates: subject, text, PagerDuty severity");
    }

    private static String summary(Spec spec, Notifications n) {
        if (n.receivers().isEmpty()) {
            return "no receivers in the spec, alerts notify no one";
        }
        List<String> tiers = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            List<String> names = n.routes().getOrDefault(severity, List.of());
            tiers.add(severity.label() + " to " + (names.isEmpty() ? "no one" : String.join(" + ", names)));
        }
        return n.receivers().size() + " receivers; " + String.join(", ", tiers);
    }

    private static ObjectNode route(Route route, boolean isRoot) {
        ObjectNode node = YamlWriter.object();
        node.put("receiver", route.receiver());
        if (!route.matchers().isEmpty()) {
            matchers(node.putArray("matchers"), route.matchers());
        }
        if (route.groupBy() != null) {
            route.groupBy().forEach(node.putArray("group_by")::add);
        }
        if (route.groupWait() != null) {
            node.put("group_wait", route.groupWait().text());
        }
        if (route.groupInterval() != null) {
            node.put("group_interval", route.groupInterval().text());
        }
        if (route.repeatInterval() != null) {
            node.put("repeat_interval", route.repeatInterval().text());
        }
        if (route.continueMatching() && !isRoot) {
            node.put("continue", true);
        }
        if (!route.routes().isEmpty()) {
            ArrayNode children = node.putArray("routes");
            route.routes().forEach(child -> children.add(route(child, false)));
        }
        return node;
    }

    private static void matchers(ArrayNode array, List<Matcher> matchers) {
        matchers.forEach(m -> array.add(m.render()));
    }

    private static ObjectNode receiver(Receiver r) {
        ObjectNode node = YamlWriter.object();
        node.put("name", r.name());
        if (r.email() != null) {
            ObjectNode email = node.putArray("email_configs").addObject();
            email.put("to", String.join(", ", r.email().to()));
            email.put("send_resolved", r.email().sendResolved());
            email.putObject("headers").put("Subject", SUBJECT);
        }
        if (r.pagerduty() != null) {
            ObjectNode pd = node.putArray("pagerduty_configs").addObject();
            pd.put("routing_key_file", r.pagerduty().routingKeyFile());
            if (r.pagerduty().url() != null) {
                pd.put("url", r.pagerduty().url());
            }
            pd.put("send_resolved", r.pagerduty().sendResolved());
            pd.put("severity", PAGERDUTY_SEVERITY);
            pd.put("description", SUBJECT);
        }
        if (r.slack() != null) {
            ObjectNode slack = node.putArray("slack_configs").addObject();
            slack.put("api_url_file", r.slack().apiUrlFile());
            slack.put("channel", r.slack().channel());
            slack.put("send_resolved", r.slack().sendResolved());
            slack.put("title", SUBJECT);
            slack.put("text", TEXT);
        }
        if (r.webhook() != null) {
            Notifications.Webhook w = r.webhook();
            ObjectNode hook = node.putArray("webhook_configs").addObject();
            hook.put("url", w.url());
            hook.put("send_resolved", w.sendResolved());
            if (w.maxAlerts() > 0) {
                hook.put("max_alerts", w.maxAlerts());
            }
            if (w.bearerTokenFile() != null) {
                ObjectNode auth = hook.putObject("http_config").putObject("authorization");
                auth.put("type", "Bearer");
                auth.put("credentials_file", w.bearerTokenFile());
            } else if (w.basicAuth() != null) {
                ObjectNode auth = hook.putObject("http_config").putObject("basic_auth");
                auth.put("username", w.basicAuth().username());
                auth.put("password_file", w.basicAuth().passwordFile());
            }
        }
        return node;
    }
}
