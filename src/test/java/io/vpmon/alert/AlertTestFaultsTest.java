package io.vpmon.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.testing.CliResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real Alertmanager will not do on demand, from a mock server: errors, slowness, garbage.
 * Each must end 'vpmon alert test' with exit 3 and one clear line, never a stack trace. A real
 * Alertmanager running another config than the spec's must end it with exit 1.
 */
class AlertTestFaultsTest {
    private static final String SPEC = "examples/visionplant.yaml";
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliResult alertTest(String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(new String[] {"alert", "test", "-f", SPEC, "--alertmanager", server.url("/").toString()}, 0,
                args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return CliResult.run(args);
    }

    private static void assertUnavailable(CliResult result, String... messageParts) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().filter(l -> l.startsWith("error: "))).singleElement()
                .satisfies(line -> assertThat(line).contains(messageParts));
        assertThat(result.err()).doesNotContain("\tat ", "Exception", "internal error");
    }

    @Test
    void serverErrorsGiveExit3AfterBoundedRetries() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(500).body("internal: maintenance").build());
        }

        assertUnavailable(alertTest(), "Alertmanager GET " + server.url("/api/v2/status"),
                "HTTP 500", "after 3 attempts", "'internal: maintenance'");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aSlowAlertmanagerGivesExit3WithinTheTimeout() {
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());

        long start = System.nanoTime();
        CliResult result = alertTest("--timeout", "1s");

        assertUnavailable(result, "GET " + server.url("/api/v2/status"), "no answer within 1s");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
    }

    @Test
    void malformedJsonGivesExit3WithAnExcerpt() {
        server.enqueue(new MockResponse.Builder().body("{\"versionInfo\": {\"version\": ").build());

        assertUnavailable(alertTest(), "answered HTTP 200 with malformed JSON", "'{\"versionInfo\": {\"version\":'");
    }

    @Test
    void jsonOfAnotherShapeGivesExit3() {
        server.enqueue(new MockResponse.Builder().body("{\"status\": \"success\", \"data\": {}}").build());

        assertUnavailable(alertTest(), "answered JSON of another shape", "is this URL an Alertmanager");
    }

    @Test
    void anErrorAfterTheAlertsWereSentStillGivesExit3AndTriesToResolveThem() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().body("{\"versionInfo\": {\"version\": \"0.25.0\"}}").build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());
        }
        server.enqueue(new MockResponse.Builder().code(200).build());

        assertUnavailable(alertTest("--alert", "ServiceUnavailable"), "GET " + server.url("/api/v2/alerts"), "HTTP 502");
        server.takeRequest();
        assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
        for (int i = 0; i < 3; i++) {
            server.takeRequest();
        }
        var cleanup = server.takeRequest();
        assertThat(cleanup.getMethod()).isEqualTo("POST");
        assertThat(cleanup.getBody().utf8()).contains("\"endsAt\"");
    }

    @Test
    void anAlertmanagerRunningAnotherConfigIsAMismatch() {
        try (RunningAlertmanager am = RunningAlertmanager.start(Path.of("src/test/resources/specs/minimal.yaml"),
                Map.of(), dir)) {
            CliResult result = CliResult.run("alert", "test", "-f", SPEC, "--alertmanager", am.url(),
                    "--alert", "ServiceUnavailable", "--output", "json");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
            assertThat(result.out()).contains("\"verdict\" : \"mismatch\"")
                    .contains("\"seen\" : [ \"vpmon-unrouted\" ]")
                    .contains("\"expected\" : [ \"slack-critical\", \"pagerduty-oncall\", \"email-oncall\" ]")
                    .contains("is it the generated alertmanager.yml?");
        }
    }
}
