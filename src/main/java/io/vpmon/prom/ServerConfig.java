package io.vpmon.prom;

import io.vpmon.VpmonException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * Where a server is and how to talk to it: base URL (a path prefix is kept, for servers behind a
 * proxy), credentials, extra headers, the time one request may take, and how often a request
 * that failed in a way worth retrying is tried in all.
 */
public record ServerConfig(String serverName, HttpUrl baseUrl, Credentials credentials, Map<String, String> headers,
        Duration timeout, int maxAttempts, Duration backoff) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(250);

    public ServerConfig {
        headers = java.util.Collections.unmodifiableMap(new TreeMap<>(headers));
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** A config with the default retries; {@code url} is checked and must carry no credentials. */
    public static ServerConfig of(String serverName, String url, Credentials credentials, Map<String, String> headers,
            Duration timeout) {
        return new ServerConfig(serverName, parseUrl(serverName, url), credentials, headers, timeout,
                DEFAULT_ATTEMPTS, DEFAULT_BACKOFF);
    }

    public ServerConfig withRetries(int attempts, Duration pause) {
        return new ServerConfig(serverName, baseUrl, credentials, headers, timeout, attempts, pause);
    }

    static HttpUrl parseUrl(String serverName, String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            String hint = url.contains("://") ? "use an http:// or https:// URL" : "did you mean http://" + url + "?";
            throw VpmonException.usage("invalid " + serverName + " URL '" + url + "': " + hint);
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            throw VpmonException.usage("the " + serverName + " URL must not hold credentials (they would show in"
                    + " process lists and logs); use --user with --password-file, or --bearer-token-file");
        }
        if (!parsed.encodedPath().endsWith("/")) {
            parsed = parsed.newBuilder().addPathSegment("").build();
        }
        return parsed;
    }
}
