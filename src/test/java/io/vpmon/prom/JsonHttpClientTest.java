package io.vpmon.prom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vpmon.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP client's behaviour on a mock server: retries, timeouts, malformed answers, auth and headers. */
class JsonHttpClientTest {
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

    private JsonHttpClient client(Credentials credentials, Map<String, String> headers, Duration timeout) {
        ServerConfig config = ServerConfig.of("Alertmanager", server.url("/am/").toString(), credentials, headers, timeout)
                .withRetries(3, Duration.ofMillis(10));
        return new JsonHttpClient(config);
    }

    private JsonHttpClient client() {
        return client(Credentials.none(), Map.of(), Duration.ofSeconds(5));
    }

    private static MockResponse answer(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    @Test
    void aServerErrorIsRetriedThenReportedOnOneLineWithUrlStatusAndExcerpt() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(answer(500, "boom:\n  storage is full"));
        }
        try (JsonHttpClient client = client()) {
            assertThatThrownBy(() -> client.get("api/v2/status", List.of()))
                    .isInstanceOfSatisfying(ServerException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                        assertThat(e.status()).isEqualTo(500);
                        assertThat(e.getMessage()).isEqualTo("Alertmanager GET " + server.url("/am/api/v2/status")
                                + " answered HTTP 500 Server Error after 3 attempts: 'boom: storage is full'");
                    });
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aTransientErrorIsHiddenByTheRetry() {
        server.enqueue(answer(503, "starting"));
        server.enqueue(answer(200, "{\"ok\": true}"));
        try (JsonHttpClient client = client()) {
            assertThat(client.get("api/v2/status", List.of()).path("ok").asBoolean()).isTrue();
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aClientErrorIsNotRetried() {
        server.enqueue(answer(400, "{\"message\": \"bad matcher\"}"));
        try (JsonHttpClient client = client()) {
            assertThatThrownBy(() -> client.get("api/v2/alerts", List.of(Map.entry("filter", "a=\"b\""))))
                    .hasMessageContaining("answered HTTP 400").hasMessageContaining("bad matcher");
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aPostThatMayHaveArrivedIsNotRetried() {
        server.enqueue(answer(500, "half done"));
        try (JsonHttpClient client = client()) {
            assertThatThrownBy(() -> client.post("api/v2/silences", JsonNodeFactory.instance.objectNode(), false))
                    .hasMessageContaining("POST").hasMessageContaining("HTTP 500");
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSlowAnswerIsATimeoutWithoutRetry() {
        server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("{}").build());
        try (JsonHttpClient client = client(Credentials.none(), Map.of(), Duration.ofMillis(500))) {
            assertThatThrownBy(() -> client.get("api/v2/status", List.of()))
                    .isInstanceOf(ServerException.class)
                    .hasMessage("Alertmanager GET " + server.url("/am/api/v2/status") + ": no answer within 500ms");
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsReportedWithAnExcerpt() {
        server.enqueue(answer(200, "<html><body>Sign in to continue</body></html>"));
        try (JsonHttpClient client = client()) {
            assertThatThrownBy(() -> client.get("api/v2/status", List.of()))
                    .isInstanceOf(ServerException.class)
                    .hasMessageContaining("answered HTTP 200 with malformed JSON")
                    .hasMessageEndingWith(": '<html><body>Sign in to continue</body></html>'");
        }
    }

    @Test
    void credentialsAndHeadersAreSentButNeverShown() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "s3cret-token\n");
        server.enqueue(answer(401, "unauthorized"));
        try (JsonHttpClient client = client(Credentials.bearer(token), Map.of("X-Scope-OrgID", "ml"),
                Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.get("api/v2/status", List.of()))
                    .hasMessageContaining("HTTP 401").hasMessageContaining("check the credentials")
                    .hasMessageNotContaining("s3cret-token");
        }
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer s3cret-token");
        assertThat(request.getHeaders().get("X-Scope-OrgID")).isEqualTo("ml");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/am/api/v2/status");
    }

    @Test
    void basicAuthReadsThePasswordFile() throws Exception {
        Path password = dir.resolve("pw");
        Files.writeString(password, "hunter2");
        server.enqueue(answer(200, "[]"));
        try (JsonHttpClient client = client(Credentials.basic("ci", password), Map.of(), Duration.ofSeconds(5))) {
            client.get("api/v2/alerts", List.of());
        }
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Basic Y2k6aHVudGVyMg==");
    }

    @Test
    void aMissingSecretFileIsAUsageErrorNamingTheFileOnly() {
        assertThatThrownBy(() -> client(Credentials.bearer(dir.resolve("nope")), Map.of(), Duration.ofSeconds(1)))
                .hasMessage("token file " + dir.resolve("nope") + " does not exist")
                .satisfies(e -> assertThat(((io.vpmon.VpmonException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void aRefusedConnectionIsRetriedThenReported() {
        int port = server.getPort();
        server.close();
        ServerConfig config = ServerConfig.of("Alertmanager", "http://127.0.0.1:" + port, Credentials.none(), Map.of(),
                Duration.ofSeconds(2)).withRetries(2, Duration.ofMillis(10));
        try (JsonHttpClient client = new JsonHttpClient(config)) {
            assertThatThrownBy(() -> client.get("api/v2/status", List.of()))
                    .isInstanceOf(ServerException.class)
                    .hasMessageStartingWith("Alertmanager GET http://127.0.0.1:" + port + "/api/v2/status: cannot connect")
                    .hasMessageEndingWith("after 2 attempts");
        }
    }

    @Test
    void urlsWithCredentialsOrWithoutSchemeAreRefused() {
        assertThatThrownBy(() -> ServerConfig.of("Alertmanager", "http://u:p@am:9093", Credentials.none(), Map.of(),
                Duration.ofSeconds(1))).hasMessageContaining("must not hold credentials").hasMessageNotContaining("u:p");
        assertThatThrownBy(() -> ServerConfig.of("Alertmanager", "am:9093", Credentials.none(), Map.of(),
                Duration.ofSeconds(1))).hasMessage("invalid Alertmanager URL 'am:9093': did you mean http://am:9093?");
    }
}
