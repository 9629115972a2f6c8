package io.vpmon.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpmon.alert.HttpCapture.Received;
import io.vpmon.alert.SmtpCapture.Message;
import io.vpmon.testing.CliResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's "test alerts (fire and verify delivery)", for real: a real Alertmanager runs the
 * generated config, every integration points at a local capture server, and 'vpmon alert test'
 * fires one alert per tier (two for the medium tier, which must arrive as one digest). Each
 * capture must receive exactly what the routing promises, in the integration's own payload
 * shape, and nothing else.
 */
class AlertDeliveryEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Longer than group_interval (1s) twice over: anything still to come would have come. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final String ROUTING_KEY = "R0UTINGKEY0123456789abcdef012345";
    private static final String HOOK_TOKEN = "hook-token-from-file";

    @TempDir
    Path dir;

    @Test
    void eachTierReachesExactlyItsChannelsWithTheRightPayloads() throws Exception {
        try (HttpCapture http = new HttpCapture(); SmtpCapture smtp = new SmtpCapture();
                RunningAlertmanager am = RunningAlertmanager.start(Path.of("src/test/resources/alert/delivery.yaml"),
                        Map.of("SLACK_URL_FILE", secret("slack-url", http.url("/slack")),
                                "PAGERDUTY_KEY_FILE", secret("pagerduty-key", ROUTING_KEY),
                                "PAGERDUTY_URL", http.url("/pagerduty"),
                                "WEBHOOK_URL", http.url("/hook"),
                                "WEBHOOK_TOKEN_FILE", secret("hook-token", HOOK_TOKEN),
                                "SMARTHOST", smtp.smarthost()), dir)) {

            CliResult result = CliResult.run("alert", "test", "-f", am.specFile().toString(),
                    "--alertmanager", am.url(), "--alert", "ServiceUnavailable,AccuracyDegradation,DatasetCollectionSlow,ResourceUsageHigh",
                    "--ack");

            assertThat(result.exitCode()).as(result.out() + result.err() + am.log()).isZero();
            assertThat(result.out()).contains("4 of 4 test alerts as the spec promises; resolved")
                    .containsPattern("ServiceUnavailable +critical +slack-critical,pagerduty-oncall,email-oncall"
                            + " +slack-critical,pagerduty-oncall,email-oncall +ok +\\d+ms +suppressed in \\d+ms");

            // Firing, then resolved where send_resolved is on (Slack, PagerDuty, webhook; not email).
            List<JsonNode> slack = json(http.await("/slack", 4, WAIT));
            List<JsonNode> pagerduty = json(http.await("/pagerduty", 2, WAIT));
            List<Received> hook = http.await("/hook", 2, WAIT);
            List<Message> mail = smtp.await(3, WAIT);
            Thread.sleep(QUIET.toMillis());

            assertThat(http.received("/slack")).hasSize(4);
            assertThat(slack).extracting(s -> s.path("channel").asText() + " " + s.path("attachments").get(0)
                    .path("title").asText()).containsExactlyInAnyOrder(
                            "#shop-critical [vpmon test] [CRITICAL] ServiceUnavailable on shop",
                            "#shop-alerts [vpmon test] [HIGH] AccuracyDegradation on shop",
                            "#shop-critical [vpmon test] [CRITICAL RESOLVED] ServiceUnavailable on shop",
                            "#shop-alerts [vpmon test] [HIGH RESOLVED] AccuracyDegradation on shop");
            assertThat(slack.get(0).path("attachments").get(0).path("text").asText())
                    .contains("vpmon test of").contains("(runbook: runbooks/");

            assertThat(http.received("/pagerduty")).hasSize(2);
            assertThat(pagerduty).allSatisfy(event -> {
                assertThat(event.path("routing_key").asText()).isEqualTo(ROUTING_KEY);
                assertThat(event.path("payload").path("severity").asText()).isEqualTo("critical");
            });
            assertThat(pagerduty).extracting(e -> e.path("event_action").asText() + " "
                    + e.path("payload").path("summary").asText()).containsExactly(
                            "trigger [vpmon test] [CRITICAL] ServiceUnavailable on shop",
                            "resolve [vpmon test] [CRITICAL RESOLVED] ServiceUnavailable on shop");

            assertThat(http.received("/hook")).hasSize(2);
            assertThat(hook).allSatisfy(r -> assertThat(r.headers().get("Authorization")).isEqualTo("Bearer " + HOOK_TOKEN));
            assertThat(json(hook)).extracting(h -> h.path("receiver").asText() + " " + h.path("status").asText() + " "
                    + h.path("alerts").get(0).path("labels").path("alertname").asText())
                    .containsExactly("ops-hook firing AccuracyDegradation", "ops-hook resolved AccuracyDegradation");

            assertThat(smtp.messages()).hasSize(3);
            assertThat(mail).extracting(m -> String.join(",", m.to()) + " " + m.header("Subject"))
                    .containsExactlyInAnyOrder(
                            "oncall@shop.test [vpmon test] [CRITICAL] ServiceUnavailable on shop",
                            "team@shop.test [vpmon test] [HIGH] AccuracyDegradation on shop",
                            "digest@shop.test [vpmon test] [MEDIUM] 2 alerts on shop");
            assertThat(mail).allSatisfy(m -> assertThat(m.from()).isEqualTo("alerts@shop.test"));

            String generated = Files.readString(dir.resolve("out/alertmanager/alertmanager.yml"));
            assertThat(generated).doesNotContain(ROUTING_KEY, HOOK_TOKEN, http.url("/slack"));
            assertThat(result.out() + result.err()).doesNotContain(ROUTING_KEY, HOOK_TOKEN);
        }
    }

    private String secret(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content + "\n");
        return file.toString();
    }

    private static List<JsonNode> json(List<Received> requests) {
        return requests.stream().map(r -> {
            try {
                return JSON.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + r.body(), e);
            }
        }).toList();
    }
}
