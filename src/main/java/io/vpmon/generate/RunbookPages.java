package io.vpmon.generate;

import io.vpmon.generate.AlertRouting.Delivery;
import io.vpmon.spec.BuiltinAlert;
import io.vpmon.spec.Notifications;
import io.vpmon.spec.Severity;
import io.vpmon.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * runbooks/AlertName.md, one page per generated alert (the seed's "1 page per alert type,
 * step-by-step resolution, escalation"), and runbooks/README.md listing them. Each page is
 * built from the rule itself (expression, threshold, why it is shaped so) and the routing (who
 * was notified), so it can never describe a different alert than the one that fired. The rules'
 * runbook_url annotations point at these files under runbooks.base_url.
 */
final class RunbookPages {
    static final String DIR = "runbooks/";

    private final Spec spec;
    private final AlertRouting routing;

    private RunbookPages(Spec spec, AlertRouting routing) {
        this.spec = spec;
        this.routing = routing;
    }

    static List<GeneratedFile> generate(Spec spec, List<AlertRule> rules, AlertRouting routing, String specName) {
        RunbookPages pages = new RunbookPages(spec, routing);
        List<GeneratedFile> files = new ArrayList<>();
        for (AlertRule rule : rules) {
            files.add(GeneratedFile.text(DIR + rule.name() + ".md", pages.page(rule, specName),
                    "runbook: " + rule.name() + " (" + rule.severity().label() + ")"));
        }
        files.add(GeneratedFile.text(DIR + "README.md", pages.index(rules, specName),
                "runbook index: " + rules.size() + " alerts by tier"));
        return files;
    }

    private String index(List<AlertRule> rules, String specName) {
        StringBuilder md = new StringBuilder("# Runbooks: " + spec.service().name() + "\n\n");
        md.append(generatedNote(specName)).append("\n\nOne page per alert: what fired, the exact expression, the"
                + " dashboard panel to open, first checks, how to silence and whom to escalate to.\n");
        for (Severity severity : Severity.values()) {
            List<AlertRule> tier = rules.stream().filter(r -> r.severity() == severity).toList();
            if (tier.isEmpty()) {
                continue;
            }
            md.append("\n## ").append(capitalized(severity.label())).append("\n\n");
            md.append("| Alert | Fires when | Notifies |\n|---|---|---|\n");
            for (AlertRule rule : tier) {
                md.append("| [").append(rule.name()).append("](").append(rule.name()).append(".md) | ")
                        .append(cell(meaning(rule))).append(" | ").append(cell(String.join(", ", receiverNames(rule))))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private String page(AlertRule rule, String specName) {
        StringBuilder md = new StringBuilder("# " + rule.name() + "\n\n");
        md.append(generatedNote(specName)).append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Severity | ").append(rule.severity().label()).append(" |\n");
        md.append("| Service | ").append(spec.service().name()).append(" |\n");
        md.append("| Threshold | ").append(cell(rule.threshold())).append(", held for ")
                .append(rule.forDuration().isZero() ? "one evaluation" : rule.forDuration().text()).append(" |\n");
        md.append("| Labels | ").append(cell(labels(rule.labels()))).append(" |\n");
        md.append("| Notifies | ").append(cell(notifies(rule))).append(" |\n");

        md.append("\n## What fired\n\n").append(meaning(rule)).append(".");
        if (rule.severity() == Severity.CRITICAL) {
            md.append(" While it fires, the high and medium alerts of ").append(spec.service().name())
                    .append(" are held back (inhibited): fix this first.");
        }
        md.append("\n\n## The expression\n\n```promql\n").append(rule.expr()).append("\n```\n\n");
        md.append("It fires when this returns a series for ")
                .append(rule.forDuration().isZero() ? "one rule evaluation" : rule.forDuration().text())
                .append(" (threshold ").append(rule.threshold()).append("). ").append(rule.rationale()).append("\n");

        DashboardPanel panel = DashboardPanel.forAlert(rule.name());
        md.append("\n## Dashboard\n\nOpen ").append(dashboardName()).append(", ").append(panel.where())
                .append(", and set the time range to start well before the alert fired.\n");

        md.append("\n## First checks\n\n");
        List<String> checks = firstChecks(rule);
        for (int i = 0; i < checks.size(); i++) {
            md.append(i + 1).append(". ").append(checks.get(i)).append("\n");
        }

        md.append("\n## How to silence\n\nSilence it while you work on it, so it stops re-notifying; it stays"
                + " visible in Alertmanager. Say why in the comment and expire the silence when done:\n\n```sh\n")
                .append("amtool silence add alertname=").append(rule.name()).append(" service=")
                .append(spec.service().name()).append(" --duration=2h --comment=\"investigating: TICKET\" \\\n")
                .append("  --alertmanager.url=").append(alertmanagerUrl()).append("\n")
                .append("amtool silence expire SILENCE_ID --alertmanager.url=").append(alertmanagerUrl())
                .append("\n```\n\nOr in the Alertmanager UI: Silences, New Silence, with the same two matchers."
                        + " Do not silence a whole tier or service: other alerts would go unheard.\n");

        md.append("\n## Escalation\n\n");
        List<String> steps = escalation(rule.severity());
        for (int i = 0; i < steps.size(); i++) {
            md.append(i + 1).append(". ").append(steps.get(i)).append("\n");
        }
        Delivery first = routing.match(testLabels(rule)).get(0);
        md.append("\nUnresolved, it is notified again every ").append(first.repeatInterval()).append(".\n");
        return md.toString();
    }

    private String generatedNote(String specName) {
        return "_Generated by vpmon from " + specName + "; change the spec, not this page._";
    }

    private static String meaning(AlertRule rule) {
        return BuiltinAlert.byName(rule.name()).map(BuiltinAlert::meaning)
                .orElse("The custom alert's expression returned a series (custom PromQL from the spec)");
    }

    private Map<String, String> testLabels(AlertRule rule) {
        Map<String, String> labels = new LinkedHashMap<>(rule.labels());
        labels.put("alertname", rule.name());
        return labels;
    }

    private List<String> receiverNames(AlertRule rule) {
        List<Delivery> deliveries = routing.match(testLabels(rule));
        if (deliveries.stream().allMatch(Delivery::unrouted)) {
            return List.of("no one");
        }
        return deliveries.stream().map(Delivery::receiver).toList();
    }

    private String notifies(AlertRule rule) {
        List<Delivery> deliveries = routing.match(testLabels(rule));
        if (deliveries.stream().allMatch(Delivery::unrouted)) {
            return "no one: the spec routes no receiver to " + rule.severity().label() + " alerts";
        }
        List<String> parts = new ArrayList<>();
        for (Delivery d : deliveries) {
            String integrations = spec.notifications().receivers().stream()
                    .filter(r -> r.name().equals(d.receiver())).findFirst()
                    .map(Notifications.Receiver::integrations).orElse("");
            parts.add(d.receiver() + " (" + integrations + ")");
        }
        return String.join(", ", parts);
    }

    private String dashboardName() {
        String title = spec.dashboard().title() != null ? spec.dashboard().title() : spec.service().name();
        return "the dashboard '" + title + "'" + (spec.dashboard().uid() != null
                ? " (uid " + spec.dashboard().uid() + ")" : "");
    }

    private String alertmanagerUrl() {
        Spec.Alertmanager am = spec.alertmanager();
        String prefix = am.pathPrefix().equals("/") ? "" : am.pathPrefix().replaceAll("/+$", "");
        return am.scheme() + "://" + am.endpoints().get(0) + prefix;
    }

    private List<String> escalation(Severity severity) {
        List<String> steps = new ArrayList<>();
        if (!spec.runbooks().escalation().isEmpty()) {
            steps.addAll(spec.runbooks().escalation());
        } else {
            steps.add("The person notified (see Notifies above) owns it until it is resolved or handed over.");
            steps.add("The team that owns " + spec.service().name() + " (runbooks.escalation in the spec names them).");
        }
        steps.add(switch (severity) {
            case CRITICAL -> "Critical: escalate after 15 minutes without a clear cause or a mitigation in progress.";
            case HIGH -> "High: escalate if it is not understood within the hour (the seed's 'notify within 1 hour').";
            case MEDIUM -> "Medium: review in the daily digest; raise it at the next stand-up if it repeats.";
        });
        return steps;
    }

    private List<String> firstChecks(AlertRule rule) {
        var metrics = spec.metrics();
        String requests = metrics.requests().name();
        return BuiltinAlert.byName(rule.name()).map(alert -> switch (alert) {
            case MODEL_ACCURACY_DROP, ACCURACY_DEGRADATION -> List.of(
                    "Check what changed in the last hour: a model release, a feature pipeline or data source change.",
                    "Compare the input drift report (vpmon drift) for the same window: a shift in inputs explains most drops.",
                    "Check " + metrics.accuracy().name() + " per model version: a drop in one version points at the release.",
                    alert == BuiltinAlert.MODEL_ACCURACY_DROP ? "Roll back to the last good model if the drop is real and"
                            + " a release caused it." : "Prepare a rollback; watch whether it reaches ModelAccuracyDrop.");
            case API_ERROR_RATE_HIGH, ERROR_RATE_INCREASING -> List.of(
                    "Look at the failing status codes: `sum by (" + metrics.requests().statusLabel() + ") (rate("
                            + requests + "[5m]))`.",
                    "Read the API logs for the same minutes: stack traces, timeouts to dependencies, OOM kills.",
                    "Check recent deploys and config changes; roll back if a release lines up with the rise.",
                    "Check dependencies (model server, cache, database) for errors or saturation.");
            case INFERENCE_LATENCY_SPIKE, LATENCY_ELEVATED -> List.of(
                    "Check CPU/GPU saturation and memory (" + DashboardPanel.CPU_USAGE.where() + ").",
                    "Check request rate against capacity (" + DashboardPanel.THROUGHPUT.where() + "): is it load?",
                    "Look for queueing: batch sizes, worker counts, a slow dependency.",
                    "Scale out if load is the cause; roll back if a release made inference slower.");
            case SERVICE_UNAVAILABLE -> List.of(
                    "Is the target up? `up{" + metrics.selectorFor(null) + "}` and the Prometheus targets page.",
                    "Is the process running and passing its health check? Restart it if it is wedged.",
                    "Does every request fail? Check the status codes of " + requests + " and the logs.",
                    "Fail over or roll back the last deploy; if the metric is missing, check the /metrics endpoint.");
            case LOW_CACHE_HIT_RATE -> List.of(
                    "Check cache size and evictions: a cache that is too small or was restarted hits little.",
                    "Check whether the cache key changed in the last release (new model version, new preprocessing).",
                    "Check whether traffic changed: new clients send images the cache has not seen.");
            case DATASET_COLLECTION_SLOW -> List.of(
                    "Check the upload pipeline and its error logs for the last two days.",
                    "Contact the contributors; check whether a source stopped sending.",
                    "Check QA rejections: images may arrive and be rejected.");
            case MODEL_TRAINING_NOT_IMPROVING -> List.of(
                    "Look at the loss curves (" + DashboardPanel.LOSS_CURVES.where() + "): plateau or divergence?",
                    "Review the learning rate schedule and hyperparameters of the run.",
                    "Stop the run early and keep the best checkpoint if it has plateaued.");
            case RESOURCE_USAGE_HIGH -> List.of(
                    "Find the process using the CPU (top, container metrics).",
                    "Check whether the load is real traffic (" + DashboardPanel.THROUGHPUT.where() + ") or a runaway job.",
                    "Plan capacity or optimise if the load is real and lasting.");
            case USER_ENGAGEMENT_DOWN -> List.of(
                    "Check for outages or error spikes in the last week that drove users away.",
                    "Review product changes shipped in the last week.",
                    "Compare with the same week last year or known holidays before acting.");
            case DATA_DRIFT_DETECTED -> List.of(
                    "Read the per-feature results of the last check (`vpmon drift check --output json`): which"
                            + " statistics moved, by how much (D) and in which direction (the means).",
                    "Check for a change on the input side: a new camera or client, a preprocessing change, a new source.",
                    "Compare accuracy over the same period (" + DashboardPanel.ACCURACY_OVER_TIME.where() + ").",
                    "If the shift is real and lasting, refresh the reference batch and plan retraining.");
        }).orElse(List.of(
                "Run the expression above in Prometheus and look at which series it returns.",
                "Check the logs and recent changes of what those series measure.",
                "Read the alert's description annotation for what its author meant."));
    }

    private static String labels(Map<String, String> labels) {
        List<String> parts = new ArrayList<>();
        labels.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
