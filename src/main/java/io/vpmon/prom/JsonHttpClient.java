package io.vpmon.prom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A small JSON-over-HTTP client for the Prometheus family of servers. Every failure becomes a
 * {@link ServerException} with a one-line diagnosis. Failures worth another try (connection
 * refused, 429, 5xx) are retried up to the configured attempts with a growing pause; a request
 * that timed out is not (the server had its chance), and a request that is not idempotent is
 * retried only when it surely never reached the server.
 */
public final class JsonHttpClient implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 500, 502, 503, 504);
    private static final Set<Integer> NOT_PROCESSED_STATUS = Set.of(429, 503);
    private static final int EXCERPT_CHARS = 160;

    private final ServerConfig config;
    private final OkHttpClient http;
    private final Optional<String> authorization;

    public JsonHttpClient(ServerConfig config) {
        this.config = config;
        this.authorization = config.credentials().authorization();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(config.timeout())
                .readTimeout(config.timeout())
                .writeTimeout(config.timeout())
                .callTimeout(config.timeout())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    public ServerConfig config() {
        return config;
    }

    /** GET a path under the base URL ("api/v2/status"), with query parameters in order. */
    public JsonNode get(String path, List<Map.Entry<String, String>> query) {
        HttpUrl.Builder url = url(path).newBuilder();
        query.forEach(q -> url.addQueryParameter(q.getKey(), q.getValue()));
        return call(request(url.build()).get().build(), true);
    }

    public JsonNode post(String path, JsonNode body, boolean idempotent) {
        RequestBody content = RequestBody.create(write(body), JSON);
        return call(request(url(path)).post(content).build(), idempotent);
    }

    public JsonNode delete(String path) {
        return call(request(url(path)).delete().build(), true);
    }

    private HttpUrl url(String path) {
        HttpUrl url = config.baseUrl().resolve(path);
        if (url == null) {
            throw new IllegalArgumentException("bad path " + path);
        }
        return url;
    }

    private Request.Builder request(HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url)
                .header("Accept", "application/json")
                .header("User-Agent", "vpmon");
        config.headers().forEach(builder::header);
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private JsonNode call(Request request, boolean idempotent) {
        String what = config.serverName() + " " + request.method() + " " + request.url();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= config.maxAttempts();
            String after = attempt == 1 ? "" : " after " + attempt + " attempts";
            try (Response response = http.newCall(request).execute()) {
                String body = body(response.body());
                int status = response.code();
                if (response.isSuccessful()) {
                    return parse(what, status, body);
                }
                boolean retry = idempotent ? RETRYABLE_STATUS.contains(status) : NOT_PROCESSED_STATUS.contains(status);
                if (!retry || last) {
                    throw new ServerException(what + " answered HTTP " + status + statusText(response) + after
                            + hint(status) + excerpt(body), status, null);
                }
            } catch (InterruptedIOException e) {
                throw new ServerException(what + ": no answer within " + seconds(config.timeout()) + after, 0, e);
            } catch (UnknownHostException e) {
                throw new ServerException(what + ": unknown host " + request.url().host(), 0, e);
            } catch (ConnectException e) {
                if (last) {
                    throw new ServerException(what + ": cannot connect (" + e.getMessage() + ")" + after, 0, e);
                }
            } catch (IOException e) {
                if (!idempotent || last) {
                    throw new ServerException(what + ": " + describe(e) + after, 0, e);
                }
            }
            pause(attempt);
        }
    }

    private static JsonNode parse(String what, int status, String body) {
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ServerException(what + " answered HTTP " + status + " with malformed JSON ("
                    + e.getOriginalMessage() + ")" + excerpt(body), status, e);
        }
    }

    private static String body(ResponseBody body) throws IOException {
        return body == null ? "" : body.string();
    }

    private static String statusText(Response response) {
        return response.message().isBlank() ? "" : " " + response.message();
    }

    private static String hint(int status) {
        return status == 401 || status == 403 ? " (check the credentials: --user/--password-file or --bearer-token-file)"
                : status == 404 ? " (is the URL's path prefix right?)" : "";
    }

    /** ": 'first 160 characters of the body'" on one line, or nothing for an empty body. */
    static String excerpt(String body) {
        String line = body.replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) {
            return "";
        }
        StringBuilder printable = new StringBuilder();
        line.codePoints().limit(EXCERPT_CHARS).forEach(c -> printable.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return ": '" + printable + (line.codePointCount(0, line.length()) > EXCERPT_CHARS ? "...'" : "'");
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(config.backoff().toMillis() * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException(config.serverName() + ": interrupted", 0, e);
        }
    }

    private static byte[] write(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
