package io.vpmon.drift.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.vpmon.ExitCode;
import io.vpmon.VpmonException;
import io.vpmon.testing.FreePort;
import io.vpmon.testing.RunningPushgateway;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes to a real prometheus-pushgateway; failures end in one clear message and exit code 3. */
class PushgatewayTest {
    @TempDir
    Path dir;

    @Test
    void pushedMetricsAppearUnderJobAndServiceAndAPushReplacesTheGroup() throws IOException {
        try (RunningPushgateway server = RunningPushgateway.start(dir)) {
            String base = server.url();
            Pushgateway pushgateway = Pushgateway.withDefaults(base + "/");
            String target = pushgateway.push("vpmon-drift", Map.of("service", "visionplant"),
                    DriftMetrics.exposition(DriftResults.sample(0.25), Map.of(), 1764064800));
            assertThat(target).isEqualTo(base + "/");
            String scraped = server.metrics();
            assertThat(scraped).as(server.log()).contains(
                    "data_drift_score{instance=\"\",job=\"vpmon-drift\",service=\"visionplant\"} 0.25",
                    "data_drift_detected{instance=\"\",job=\"vpmon-drift\",service=\"visionplant\"} 1",
                    "data_drift_feature_statistic{feature=\"mean_r\",instance=\"\",job=\"vpmon-drift\",service=\"visionplant\"} 0.125",
                    "data_drift_images{batch=\"current\",instance=\"\",job=\"vpmon-drift\",service=\"visionplant\"} 4998",
                    "data_drift_last_run_timestamp_seconds{instance=\"\",job=\"vpmon-drift\",service=\"visionplant\"} 1.7640648e+09");

            pushgateway.push("vpmon-drift", Map.of("service", "visionplant"),
                    DriftMetrics.exposition(DriftResults.sample(0), Map.of(), 1764068400));
            String again = server.metrics();
            assertThat(again).contains("data_drift_score{instance=\"\",job=\"vpmon-drift\",service=\"visionplant\"} 0")
                    .doesNotContain("data_drift_score{instance=\"\",job=\"vpmon-drift\",service=\"visionplant\"} 0.25");

            pushgateway.push("nightly/drift", Map.of(), DriftMetrics.exposition(DriftResults.sample(0.5), Map.of(), 1));
            assertThat(server.metrics()).contains("data_drift_score{instance=\"\",job=\"nightly/drift\"} 0.5");
        }
    }

    @Test
    void anUnreachablePushgatewayIsExitCode3WithOneLineAfterBoundedRetries() {
        int port = FreePort.find();
        Pushgateway pushgateway = new Pushgateway("http://127.0.0.1:" + port, 3, Duration.ofMillis(10), Duration.ofSeconds(2));
        assertThatThrownBy(() -> pushgateway.push("vpmon-drift", Map.of(), "data_drift_score 0\n"))
                .isInstanceOfSatisfying(VpmonException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE))
                .hasMessage("cannot push drift metrics to the Pushgateway at http://127.0.0.1:" + port
                        + "/: connection refused (is it running, and is the address right?) (3 attempts)");
    }

    @Test
    void serverErrorsAreRetriedButRejectedPushesAreNot() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int n = requests.incrementAndGet();
            boolean rejected = exchange.getRequestURI().getPath().contains("bad");
            byte[] body = (rejected ? "pushed metrics are invalid or inconsistent with existing metrics" : "overloaded")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(rejected ? 400 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Pushgateway pushgateway = new Pushgateway(base, 3, Duration.ofMillis(10), Duration.ofSeconds(2));
            assertThatThrownBy(() -> pushgateway.push("vpmon-drift", Map.of(), "x 1\n"))
                    .hasMessageEndingWith(": HTTP 503: overloaded (3 attempts)");
            assertThat(requests.get()).isEqualTo(3);
            requests.set(0);
            assertThatThrownBy(() -> pushgateway.push("bad", Map.of(), "x 1\n"))
                    .hasMessageContaining("HTTP 400: pushed metrics are invalid");
            assertThat(requests.get()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthAndNeverShown() throws IOException {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://drift:s3cret@127.0.0.1:" + server.getAddress().getPort() + "?token=t0ps3cret";
            Pushgateway pushgateway = new Pushgateway(url, 2, Duration.ofMillis(10), Duration.ofSeconds(2));
            assertThatThrownBy(() -> pushgateway.push("vpmon-drift", Map.of(), "x 1\n"))
                    .hasMessageContaining("HTTP 401").hasMessageNotContaining("s3cret").hasMessageNotContaining("t0ps3cret");
            assertThat(authorizations).containsExactly("Basic ZHJpZnQ6czNjcmV0");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void groupingKeyValuesWithSlashesAreBase64Encoded() {
        Pushgateway pushgateway = Pushgateway.withDefaults("http://pg:9091/prefix/");
        assertThat(pushgateway.groupUrl("a/b", Map.of("service", "vision")).toString())
                .isEqualTo("http://pg:9091/prefix/metrics/job@base64/YS9i/service/vision");
        assertThat(pushgateway.groupUrl("drift job", Map.of()).toString())
                .isEqualTo("http://pg:9091/prefix/metrics/job/drift%20job");
    }

    @Test
    void aUrlThatIsNotHttpIsAUsageErrorWithoutTheCredentials() {
        assertThatThrownBy(() -> Pushgateway.withDefaults("ftp://user:pw@host/"))
                .isInstanceOfSatisfying(VpmonException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessage("--pushgateway 'ftp://host/' is not an http(s) URL, e.g. http://pushgateway:9091");
        assertThat(Pushgateway.withDefaults("pushgateway:9091").displayUrl()).isEqualTo("http://pushgateway:9091/");
    }
}
