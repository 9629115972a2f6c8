package io.vpmon.alert;

import io.vpmon.ExitCode;
import io.vpmon.VpmonException;
import io.vpmon.generate.AlertRouting;
import io.vpmon.generate.AlertRouting.Delivery;
import io.vpmon.generate.GeneratedAlert;
import io.vpmon.prom.AlertmanagerClient;
import io.vpmon.prom.AlertmanagerClient.Alert;
import io.vpmon.prom.AlertmanagerClient.PostableAlert;
import io.vpmon.spec.PromDuration;
import io.vpmon.spec.Severity;
import io.vpmon.spec.Spec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code vpmon alert test}: fires test alerts built from the generated rules at a running
 * Alertmanager and checks, through its API, that each was accepted and routed to exactly the
 * receivers the spec promises and is not muted. It then keeps them firing until their routes'
 * group_wait has passed, so Alertmanager really notifies; optionally acknowledges each with a
 * silence (checked, then expired); and resolves them unless asked to keep them.
 */
public final class AlertTest {
    /** How long after its group_wait a test alert stays firing, for the notification to go out. */
    static final Duration DELIVERY_MARGIN = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String CREATED_BY = "vpmon alert test";

    private final AlertmanagerClient client;
    private final Consumer<String> progress;

    /** {@code progress} receives one line per step, for a person watching (stderr). */
    public AlertTest(AlertmanagerClient client, Consumer<String> progress) {
        this.client = client;
        this.progress = progress;
    }

    public record Request(Spec spec, List<GeneratedAlert> alerts, Duration timeout, boolean keep, boolean ack) {
    }

    public enum Verdict {
        /** Routed to exactly the expected receivers and not muted. */
        OK("ok"),
        /** Routed to other receivers than the spec's: the running config is not the spec's. */
        MISMATCH("mismatch"),
        /** Accepted but silenced or inhibited: no one would be notified. */
        MUTED("muted"),
        /** Not listed by Alertmanager within the timeout. */
        NOT_SEEN("not seen");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The acknowledgment check: a silence on the alert, and whether Alertmanager reported it suppressed. */
    public record Ack(boolean suppressed, String detail, Duration took) {
    }

    public record Outcome(String alert, Severity severity, List<String> expected, List<String> seen, Verdict verdict,
            String detail, Duration took, Ack ack) {
        public boolean asExpected() {
            return verdict == Verdict.OK && (ack == null || ack.suppressed());
        }
    }

    public record Result(String alertmanagerVersion, List<Outcome> outcomes, boolean resolved) {
        public boolean allAsExpected() {
            return outcomes.stream().allMatch(Outcome::asExpected);
        }
    }

    private record TestAlert(GeneratedAlert rule, Map<String, String> labels, List<Delivery> expected) {
        List<String> expectedReceivers() {
            return expected.stream().map(Delivery::receiver).toList();
        }

        Duration groupWait() {
            return expected.stream().filter(d -> !d.unrouted()).map(Delivery::groupWait).map(PromDuration::millis)
                    .max(Long::compare).map(Duration::ofMillis).orElse(Duration.ZERO);
        }
    }

    public Result run(Request request) {
        String version = client.version();
        progress.accept("Alertmanager " + version + " at " + client.config().baseUrl() + ": firing "
                + request.alerts().size() + " test alert" + (request.alerts().size() == 1 ? "" : "s"));
        AlertRouting routing = AlertRouting.of(request.spec());
        List<TestAlert> alerts = request.alerts().stream().map(a -> testAlert(a, routing)).toList();
        Instant startsAt = Instant.now();
        long postedAt = System.nanoTime();
        client.postAlerts(alerts.stream().map(a -> firing(a, startsAt)).toList());
        boolean resolved = false;
        List<String> silences = new ArrayList<>();
        try {
            List<Outcome> outcomes = new ArrayList<>();
            for (TestAlert alert : alerts) {
                outcomes.add(checkRouting(alert, postedAt, request.timeout()));
            }
            if (!request.keep() || request.ack()) {
                awaitNotifications(alerts, outcomes, postedAt);
            }
            if (request.ack()) {
                for (int i = 0; i < outcomes.size(); i++) {
                    if (outcomes.get(i).verdict() == Verdict.OK) {
                        outcomes.set(i, withAck(outcomes.get(i), acknowledge(alerts.get(i), request.timeout(), silences)));
                    }
                }
            }
            if (!request.keep()) {
                client.postAlerts(alerts.stream().map(a -> resolvedNow(a, startsAt)).toList());
                resolved = true;
                progress.accept("resolved the test alerts");
            } else {
                progress.accept("kept the test alerts firing; Alertmanager resolves them after its resolve_timeout");
            }
            return new Result(version, List.copyOf(outcomes), resolved);
        } finally {
            cleanUp(alerts, startsAt, resolved || request.keep(), silences);
        }
    }

    private static TestAlert testAlert(GeneratedAlert rule, AlertRouting routing) {
        Map<String, String> labels = new TreeMap<>(rule.labels());
        labels.put("alertname", rule.name());
        labels.put(AlertRouting.TEST_LABEL, "true");
        return new TestAlert(rule, labels, routing.match(labels));
    }

    private static PostableAlert firing(TestAlert alert, Instant startsAt) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", "vpmon test of " + alert.rule().name() + ": not a real incident");
        annotations.put("description", "Sent by 'vpmon alert test' to check that " + alert.rule().name()
                + " reaches " + String.join(", ", alert.expectedReceivers()) + ". It resolves by itself.");
        annotations.put("runbook_url", alert.rule().runbookUrl());
        return new PostableAlert(alert.labels(), annotations, startsAt, null);
    }

    private static PostableAlert resolvedNow(TestAlert alert, Instant startsAt) {
        PostableAlert firing = firing(alert, startsAt);
        return new PostableAlert(firing.labels(), firing.annotations(), startsAt, Instant.now());
    }

    private Outcome checkRouting(TestAlert alert, long postedAt, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Alert> seen = Optional.empty();
        while (true) {
            seen = find(alert);
            boolean settled = seen.isPresent() && !seen.get().state().equals("unprocessed");
            if (settled || System.nanoTime() >= deadline) {
                break;
            }
            sleep(POLL);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - postedAt);
        List<String> expected = alert.expectedReceivers();
        if (seen.isEmpty()) {
            return new Outcome(alert.rule().name(), alert.rule().severity(), expected, List.of(), Verdict.NOT_SEEN,
                    "Alertmanager did not list it within " + PromDuration.ofMillis(timeout.toMillis()), took, null);
        }
        Alert a = seen.get();
        if (!new TreeSet<>(a.receivers()).equals(new TreeSet<>(expected))) {
            return new Outcome(alert.rule().name(), alert.rule().severity(), expected, a.receivers(), Verdict.MISMATCH,
                    "the running config routes it elsewhere than the spec: is it the generated alertmanager.yml?",
                    took, null);
        }
        if (!a.inhibitedBy().isEmpty() || !a.silencedBy().isEmpty()) {
            String why = !a.silencedBy().isEmpty() ? "silenced by " + String.join(", ", a.silencedBy())
                    : "inhibited by a firing critical alert of the service";
            return new Outcome(alert.rule().name(), alert.rule().severity(), expected, a.receivers(), Verdict.MUTED,
                    why + ": no one would be notified", took, null);
        }
        String note = alert.expected().stream().allMatch(Delivery::unrouted)
                ? "routed as the spec says, to no one: the spec has no receiver for " + alert.rule().severity().label()
                        + " alerts" : "";
        return new Outcome(alert.rule().name(), alert.rule().severity(), expected, a.receivers(), Verdict.OK, note, took,
                null);
    }

    /** Waits until the longest group_wait of the alerts routed as expected has passed since they were sent. */
    private void awaitNotifications(List<TestAlert> alerts, List<Outcome> outcomes, long postedAt) {
        Duration longest = Duration.ZERO;
        for (int i = 0; i < alerts.size(); i++) {
            Duration wait = alerts.get(i).groupWait();
            if (outcomes.get(i).verdict() == Verdict.OK && wait.compareTo(longest) > 0) {
                longest = wait;
            }
        }
        if (longest.isZero()) {
            return;
        }
        Duration remaining = longest.plus(DELIVERY_MARGIN).minusNanos(System.nanoTime() - postedAt);
        if (remaining.isNegative()) {
            return;
        }
        progress.accept("waiting " + PromDuration.ofMillis(remaining.toMillis()) + " for the group_wait of "
                + PromDuration.ofMillis(longest.toMillis()) + " to pass, so Alertmanager sends the notifications");
        sleep(remaining);
    }

    private Ack acknowledge(TestAlert alert, Duration timeout, List<String> silences) {
        long start = System.nanoTime();
        Instant now = Instant.now();
        String id = client.createSilence(alert.labels(), now, now.plus(Duration.ofMinutes(10)).plus(timeout),
                CREATED_BY, "Acknowledgment check of vpmon alert test --ack; expired right after the check.");
        silences.add(id);
        long deadline = start + timeout.toNanos();
        boolean suppressed = false;
        while (!suppressed) {
            Optional<Alert> seen = find(alert);
            suppressed = seen.isPresent() && seen.get().state().equals("suppressed")
                    && seen.get().silencedBy().contains(id);
            if (suppressed || System.nanoTime() >= deadline) {
                break;
            }
            sleep(POLL);
        }
        client.expireSilence(id);
        silences.remove(id);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Ack(suppressed, suppressed ? "silence " + id + " suppressed it; expired"
                : "silence " + id + " did not suppress it within " + PromDuration.ofMillis(timeout.toMillis()), took);
    }

    private static Outcome withAck(Outcome o, Ack ack) {
        return new Outcome(o.alert(), o.severity(), o.expected(), o.seen(), o.verdict(), o.detail(), o.took(), ack);
    }

    private Optional<Alert> find(TestAlert alert) {
        Map<String, String> filter = Map.of("alertname", alert.labels().get("alertname"), AlertRouting.TEST_LABEL, "true");
        return client.alerts(filter).stream().filter(a -> a.labels().equals(alert.labels())).findFirst();
    }

    /** After a failure, leaves nothing behind: expires silences and resolves the alerts, best effort. */
    private void cleanUp(List<TestAlert> alerts, Instant startsAt, boolean alertsDone, List<String> silences) {
        for (String id : silences) {
            try {
                client.expireSilence(id);
            } catch (RuntimeException e) {
                progress.accept("could not expire silence " + id + " (it expires by itself): " + e.getMessage());
            }
        }
        if (!alertsDone) {
            try {
                client.postAlerts(alerts.stream().map(a -> resolvedNow(a, startsAt)).toList());
            } catch (RuntimeException e) {
                progress.accept("could not resolve the test alerts (Alertmanager resolves them after its"
                        + " resolve_timeout): " + e.getMessage());
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VpmonException(ExitCode.UNAVAILABLE, "interrupted while waiting for Alertmanager");
        }
    }
}
