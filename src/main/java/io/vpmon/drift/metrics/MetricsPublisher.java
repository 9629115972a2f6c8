package io.vpmon.drift.metrics;

import io.vpmon.VpmonException;
import io.vpmon.drift.DriftCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes a drift check's metrics where the request says: a textfile (every series labelled
 * with the service) and/or a Pushgateway (grouped by job and service). Problems are checked up
 * front where possible ({@link #MetricsPublisher}), so a long check does not end in a usage
 * error; failures while publishing are collected, so the results can still be shown.
 */
public final class MetricsPublisher {
    /** Where to publish; null fields mean "not there". service is the spec's service name, if any. */
    public record Request(Path textfile, String pushgatewayUrl, String job, String service) {
    }

    /** What was published (display paths and URLs), and what failed. */
    public record Publication(String textfile, String pushgateway, List<VpmonException> errors) {
    }

    private final Request request;
    private final Pushgateway pushgateway;

    /** @throws VpmonException (usage) for a textfile in a missing folder, a bad URL or an empty job */
    public MetricsPublisher(Request request) {
        this.request = request;
        if (request.textfile() != null) {
            Path folder = request.textfile().toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                throw VpmonException.usage("--textfile " + request.textfile() + ": no such folder " + folder);
            }
        }
        if (request.pushgatewayUrl() != null && (request.job() == null || request.job().isBlank())) {
            throw VpmonException.usage("--job must not be empty: the Pushgateway groups metrics by job");
        }
        this.pushgateway = request.pushgatewayUrl() != null ? Pushgateway.withDefaults(request.pushgatewayUrl()) : null;
    }

    public Publication publish(DriftCheck.Result result, double timestampSeconds) {
        List<VpmonException> errors = new ArrayList<>();
        Map<String, String> serviceLabel = new LinkedHashMap<>();
        if (request.service() != null) {
            serviceLabel.put(DriftMetrics.SERVICE_LABEL, request.service());
        }
        String writtenTo = null;
        String pushedTo = null;
        if (request.textfile() != null) {
            try {
                Textfile.write(request.textfile(), DriftMetrics.exposition(result, serviceLabel, timestampSeconds));
                writtenTo = request.textfile().toString();
            } catch (VpmonException e) {
                errors.add(e);
            }
        }
        if (pushgateway != null) {
            try {
                // the grouping key carries job and service; series pushed must not repeat them
                pushedTo = pushgateway.push(request.job(), serviceLabel,
                        DriftMetrics.exposition(result, Map.of(), timestampSeconds));
            } catch (VpmonException e) {
                errors.add(e);
            }
        }
        return new Publication(writtenTo, pushedTo, List.copyOf(errors));
    }
}
