package io.vpmon.drift.metrics;

import io.vpmon.VpmonException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Pushes a drift check's metrics to a Prometheus Pushgateway with PUT, which replaces every
 * metric of the grouping key (job, then service when known) at once. Connection failures,
 * timeouts and 5xx answers are retried a few times with growing pauses; other answers are not.
 * A failure ends in one {@link VpmonException} with exit code 3 whose message names the
 * Pushgateway (without credentials or query) and the cause. Credentials in the URL
 * ({@code http://user:password@host:9091}) are sent as HTTP basic authentication.
 */
public final class Pushgateway {
    private static final MediaType TEXT_FORMAT = MediaType.get("text/plain; version=0.0.4; charset=utf-8");

    private final HttpUrl base;
    private final int attempts;
    private final Duration firstPause;
    private final OkHttpClient client;

    /**
     * @param url the Pushgateway's base URL, e.g. http://pushgateway:9091
     * @throws VpmonException (usage) when the URL is not an http(s) URL
     */
    public Pushgateway(String url, int attempts, Duration firstPause, Duration timeout) {
        HttpUrl parsed = HttpUrl.parse(url.strip());
        if (parsed == null) {
            parsed = url.contains("://") ? null : HttpUrl.parse("http://" + url.strip());
        }
        if (parsed == null) {
            throw VpmonException.usage("--pushgateway '" + redactUserInfo(url) + "' is not an http(s) URL, e.g. http://pushgateway:9091");
        }
        this.base = parsed;
        this.attempts = Math.max(1, attempts);
        this.firstPause = firstPause;
        this.client = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2))
                .retryOnConnectionFailure(false)
                .build();
    }

    /** Three attempts, pausing 0.5 s then 1 s, 10 s per attempt. */
    public static Pushgateway withDefaults(String url) {
        return new Pushgateway(url, 3, Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    /** The Pushgateway as shown in messages: scheme, host, port and path, nothing secret. */
    public String displayUrl() {
        return base.newBuilder().username("").password("").query(null).fragment(null).build().toString();
    }

    /** The URL of a grouping key: base/metrics/job/JOB/LABEL/VALUE..., values that need it in base64. */
    HttpUrl groupUrl(String job, Map<String, String> grouping) {
        HttpUrl.Builder url = base.newBuilder().query(null).fragment(null);
        url.addPathSegment("metrics"); // replaces the empty segment of a trailing slash
        Map<String, String> all = new LinkedHashMap<>();
        all.put("job", job);
        all.putAll(grouping);
        all.forEach((name, value) -> {
            if (value.isEmpty() || value.contains("/")) {
                url.addPathSegment(name + "@base64");
                url.addPathSegment(value.isEmpty() ? "=" : Base64.getUrlEncoder().encodeToString(
                        value.getBytes(StandardCharsets.UTF_8)));
            } else {
                url.addPathSegment(name);
                url.addPathSegment(value);
            }
        });
        return url.build();
    }

    /** PUTs the exposition under the grouping key; returns the URL it went to (for reports). */
    public String push(String job, Map<String, String> grouping, String exposition) {
        HttpUrl url = groupUrl(job, grouping);
        Request.Builder request = new Request.Builder().url(url.newBuilder().username("").password("").build())
                .put(RequestBody.create(exposition, TEXT_FORMAT));
        if (!base.username().isEmpty()) {
            request.header("Authorization", Credentials.basic(base.username(), base.password(), StandardCharsets.UTF_8));
        }
        String lastProblem = null;
        Duration pause = firstPause;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try (Response response = client.newCall(request.build()).execute()) {
                if (response.isSuccessful()) {
                    return displayUrl();
                }
                String body = response.body().string().strip();
                lastProblem = "HTTP " + response.code() + (body.isEmpty() ? "" : ": " + oneLine(body));
                if (response.code() < 500) {
                    break; // the request itself is wrong: repeating it cannot help
                }
            } catch (IOException e) {
                lastProblem = describe(e);
            }
            if (attempt < attempts) {
                sleep(pause);
                pause = pause.multipliedBy(2);
            }
        }
        throw VpmonException.unavailable("cannot push drift metrics to the Pushgateway at " + displayUrl() + ": "
                + lastProblem + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)"));
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused (is it running, and is the address right?)";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof SocketTimeoutException || e instanceof java.io.InterruptedIOException) {
            return "no answer in time";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    static String redactUserInfo(String url) {
        return url.replaceAll("//[^/@]*@", "//");
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
