// Time from POSTing an alert to a real Alertmanager until its webhook notification arrives, with
// group_wait 1s, over 20 alerts (each its own group). Prints median and max and the target
// (group_wait + 250 ms). Run it with bench/alert/run.sh.
import io.vpmon.alert.HttpCapture;
import io.vpmon.alert.RunningAlertmanager;
import io.vpmon.prom.AlertmanagerClient;
import io.vpmon.prom.AlertmanagerClient.PostableAlert;
import io.vpmon.prom.Credentials;
import io.vpmon.prom.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public class DeliveryLatency {
    static final int ALERTS = 20;
    static final Duration GROUP_WAIT = Duration.ofSeconds(1);
    static final Duration SPACING = Duration.ofMillis(150);

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("vpmon-bench-alert");
        try (HttpCapture capture = new HttpCapture();
                RunningAlertmanager am = RunningAlertmanager.start(Path.of("bench/alert/bench.yaml"),
                        Map.of("WEBHOOK_URL", capture.url("/hook")), dir);
                AlertmanagerClient client = new AlertmanagerClient(ServerConfig.of("Alertmanager", am.url(),
                        Credentials.none(), Map.of(), Duration.ofSeconds(10)))) {
            String run = Long.toString(System.currentTimeMillis(), 36);
            long[] postedAt = new long[ALERTS];
            for (int i = 0; i < ALERTS; i++) {
                Map<String, String> labels = Map.of("alertname", "Bench" + run + "_" + i, "severity", "high",
                        "service", "bench");
                postedAt[i] = System.nanoTime();
                client.postAlerts(List.of(new PostableAlert(labels, Map.of("summary", "bench"), Instant.now(), null)));
                Thread.sleep(SPACING.toMillis());
            }
            List<HttpCapture.Received> received = capture.await("/hook", ALERTS, Duration.ofSeconds(30));
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < ALERTS; i++) {
                String name = "\"alertname\":\"Bench" + run + "_" + i + "\"";
                long arrived = received.stream().filter(r -> r.body().contains(name)).mapToLong(HttpCapture.Received::nanoTime)
                        .min().orElseThrow(() -> new AssertionError("no notification for alert " + name));
                latencies.add((arrived - postedAt[i]) / 1e6);
            }
            List<Double> sorted = latencies.stream().sorted().toList();
            double median = (sorted.get(ALERTS / 2 - 1) + sorted.get(ALERTS / 2)) / 2;
            double max = sorted.get(ALERTS - 1);
            double target = GROUP_WAIT.toMillis() + 250;
            System.out.printf("alerts: %d, group_wait: %dms, notifications received: %d%n", ALERTS,
                    GROUP_WAIT.toMillis(), received.size());
            System.out.printf("POST -> webhook latency: min %.0f ms, median %.0f ms, max %.0f ms%n", sorted.get(0),
                    median, max);
            System.out.printf("target group_wait + 250ms = %.0f ms: median %s, max %s%n", target,
                    median <= target ? "within" : "OVER", max <= target ? "within" : "OVER");
        }
    }
}
