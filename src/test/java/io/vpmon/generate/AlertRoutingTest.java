package io.vpmon.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.generate.AlertRouting.Delivery;
import io.vpmon.spec.Spec;
import io.vpmon.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The route tree built from a spec and Alertmanager's matching over it. */
class AlertRoutingTest {
    private static AlertRouting routing(String specPath) {
        Spec spec = SpecLoader.load(Path.of(specPath)).orThrow();
        return AlertRouting.of(spec);
    }

    private static List<String> receivers(AlertRouting routing, Map<String, String> labels) {
        return routing.match(labels).stream().map(Delivery::receiver).toList();
    }

    @Test
    void theExampleRoutesEachTierToItsReceiversAndAlertsToTheirExtras() {
        AlertRouting routing = routing("examples/visionplant.yaml");

        assertThat(receivers(routing, Map.of("alertname", "APIErrorRateHigh", "severity", "critical")))
                .containsExactly("slack-critical", "pagerduty-oncall");
        assertThat(receivers(routing, Map.of("alertname", "ServiceUnavailable", "severity", "critical")))
                .containsExactly("slack-critical", "pagerduty-oncall", "email-oncall");
        assertThat(receivers(routing, Map.of("alertname", "AccuracyDegradation", "severity", "high")))
                .containsExactly("slack-high", "email-team");
        assertThat(receivers(routing, Map.of("alertname", "LatencyElevated", "severity", "high")))
                .containsExactly("slack-high");
        assertThat(receivers(routing, Map.of("alertname", "UserEngagementDown", "severity", "medium")))
                .containsExactly("daily-digest");
    }

    @Test
    void theMediumTierIsADailyDigestGroupedWithoutAlertname() {
        Delivery digest = routing("examples/visionplant.yaml")
                .match(Map.of("alertname", "DatasetCollectionSlow", "severity", "medium")).get(0);

        assertThat(digest.groupBy()).containsExactly("service", "severity", "vpmon_test");
        assertThat(digest.groupWait()).hasToString("5m");
        assertThat(digest.groupInterval()).hasToString("24h");
        assertThat(digest.repeatInterval()).hasToString("24h");
    }

    @Test
    void otherTiersInheritTheSpecGroupingPlusTheTestLabel() {
        Delivery critical = routing("examples/visionplant.yaml")
                .match(Map.of("alertname", "APIErrorRateHigh", "severity", "critical")).get(0);

        assertThat(critical.groupBy()).containsExactly("alertname", "service", "severity", "vpmon_test");
        assertThat(critical.groupWait()).hasToString("30s");
        assertThat(critical.why()).isEqualTo("notifications.routes.critical");
    }

    @Test
    void anAlertNoRouteMatchesReachesOnlyTheSilentReceiver() {
        List<Delivery> deliveries = routing("examples/visionplant.yaml").match(Map.of("alertname", "Foo"));

        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.receiver()).isEqualTo("vpmon-unrouted");
            assertThat(d.unrouted()).isTrue();
        });
    }

    @Test
    void theWatchdogGoesOnlyToItsReceiverOnItsInterval() {
        AlertRouting routing = routing("src/test/resources/alert/all-receivers.yaml");

        List<Delivery> deliveries = routing.match(Map.of("alertname", "Watchdog", "service", "shop", "severity", "none"));

        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.receiver()).isEqualTo("deadman");
            assertThat(d.groupWait()).hasToString("0s");
            assertThat(d.repeatInterval()).hasToString("2m");
        });
    }

    @Test
    void aReceiverAlreadyOnTheTierIsNotAddedTwiceForAnAlert() {
        AlertRouting routing = routing("src/test/resources/alert/all-receivers.yaml");

        assertThat(receivers(routing, Map.of("alertname", "LatencyElevated", "severity", "high")))
                .containsExactly("chat-ops", "hook-basic");
        assertThat(receivers(routing, Map.of("alertname", "QueueBacklog", "severity", "medium")))
                .containsExactly("mail", "hook-bearer");
    }

    @Test
    void aRealCriticalAlertMutesLowerTiersOfItsServiceButATestAlertMutesNothing() {
        AlertRouting.InhibitRule rule = routing("src/test/resources/alert/all-receivers.yaml").inhibitRules().get(0);
        Map<String, String> real = Map.of("severity", "critical", "service", "shop");
        Map<String, String> test = Map.of("severity", "critical", "service", "shop", "vpmon_test", "true");

        assertThat(rule.source()).allMatch(m -> m.matches(real));
        assertThat(rule.source()).anyMatch(m -> !m.matches(test));
        assertThat(rule.target()).allMatch(m -> m.matches(Map.of("severity", "medium")));
        assertThat(rule.target()).anyMatch(m -> !m.matches(Map.of("severity", "critical")));
        assertThat(rule.equal()).containsExactly("service", "environment", "cluster");
    }
}
