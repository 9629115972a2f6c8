package io.vpmon.prom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpmon.spec.LabelMatchers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The parts of Alertmanager's API v2 that alert tests use: status, alerts, silences. */
public final class AlertmanagerClient implements AutoCloseable {
    private final JsonHttpClient http;

    public AlertmanagerClient(ServerConfig config) {
        this.http = new JsonHttpClient(config);
    }

    public ServerConfig config() {
        return http.config();
    }

    /** An alert as Alertmanager holds it: whom it routes to and whether it is muted. */
    public record Alert(String fingerprint, Map<String, String> labels, List<String> receivers, String state,
            List<String> silencedBy, List<String> inhibitedBy) {
    }

    /** An alert to send; a null {@code endsAt} leaves it to Alertmanager's resolve_timeout. */
    public record PostableAlert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
            Instant endsAt) {
    }

    /** The running version, which also proves the URL is an Alertmanager answering JSON. */
    public String version() {
        JsonNode status = http.get("api/v2/status", List.of());
        JsonNode version = status.path("versionInfo").path("version");
        if (!version.isTextual()) {
            throw unexpected("GET", "api/v2/status", "an object with versionInfo.version");
        }
        return version.asText();
    }

    public void postAlerts(List<PostableAlert> alerts) {
        ArrayNode body = JsonNodeFactory.instance.arrayNode();
        for (PostableAlert a : alerts) {
            ObjectNode node = body.addObject();
            a.labels().forEach(node.putObject("labels")::put);
            a.annotations().forEach(node.putObject("annotations")::put);
            node.put("startsAt", a.startsAt().toString());
            if (a.endsAt() != null) {
                node.put("endsAt", a.endsAt().toString());
            }
        }
        http.post("api/v2/alerts", body, true);
    }

    /** The alerts (active, silenced and inhibited) whose labels equal these values. */
    public List<Alert> alerts(Map<String, String> labels) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        labels.forEach((name, value) -> query.add(Map.entry("filter", name + "=" + LabelMatchers.quote(value))));
        JsonNode list = http.get("api/v2/alerts", query);
        if (!list.isArray()) {
            throw unexpected("GET", "api/v2/alerts", "a list of alerts");
        }
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode a : list) {
            if (!a.path("labels").isObject() || !a.path("status").isObject()) {
                throw unexpected("GET", "api/v2/alerts", "alerts with labels and status");
            }
            alerts.add(new Alert(a.path("fingerprint").asText(), strings(a.path("labels")), names(a.path("receivers")),
                    a.path("status").path("state").asText(), texts(a.path("status").path("silencedBy")),
                    texts(a.path("status").path("inhibitedBy"))));
        }
        return alerts;
    }

    /** Creates a silence matching these labels exactly; returns its id. */
    public String createSilence(Map<String, String> labels, Instant startsAt, Instant endsAt, String createdBy,
            String comment) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode matchers = body.putArray("matchers");
        labels.forEach((name, value) -> matchers.addObject().put("name", name).put("value", value)
                .put("isRegex", false).put("isEqual", true));
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("createdBy", createdBy);
        body.put("comment", comment);
        JsonNode answer = http.post("api/v2/silences", body, false);
        JsonNode id = answer.path("silenceID");
        if (!id.isTextual() || id.asText().isEmpty()) {
            throw unexpected("POST", "api/v2/silences", "an object with silenceID");
        }
        return id.asText();
    }

    public void expireSilence(String id) {
        http.delete("api/v2/silence/" + id);
    }

    private ServerException unexpected(String method, String path, String expected) {
        return new ServerException(http.config().serverName() + " " + method + " " + http.config().baseUrl().resolve(path)
                + " answered JSON of another shape: expected " + expected
                + " (is this URL an Alertmanager 0.25 or later?)", 200, null);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static List<String> names(JsonNode receivers) {
        List<String> names = new ArrayList<>();
        receivers.forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    @Override
    public void close() {
        http.close();
    }
}
