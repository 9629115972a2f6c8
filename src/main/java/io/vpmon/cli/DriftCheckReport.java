package io.vpmon.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpmon.drift.DriftCheck;
import io.vpmon.drift.DriftCriteria;
import io.vpmon.drift.DriftReport;
import io.vpmon.drift.Feature;
import io.vpmon.drift.FeatureResult;
import io.vpmon.drift.SkippedFile;
import io.vpmon.drift.metrics.MetricsPublisher;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Renders a drift check for people (a table) or scripts (JSON). */
final class DriftCheckReport {
    private DriftCheckReport() {
    }

    static void print(PrintWriter out, DriftCheck.Result result, String service, MetricsPublisher.Publication publishing) {
        DriftReport report = result.report();
        out.println("reference: " + describe(result.reference()));
        out.println("current:   " + describe(result.current()));
        out.println();
        String format = "%-16s %8s %8s %9s %9s %7s %10s %10s  %s%n";
        out.printf(Locale.ROOT, format, "feature", "n_ref", "n_cur", "mean_ref", "mean_cur", "D", "p", "p_adj", "drift");
        for (FeatureResult f : report.features()) {
            out.printf(Locale.ROOT, format, f.feature().label(), f.referenceCount(), f.currentCount(),
                    fixed(f.referenceMean()), fixed(f.currentMean()), String.format(Locale.ROOT, "%.4f", f.statistic()),
                    pValue(f.pValue()), pValue(f.adjustedPValue()), f.drift() ? "DRIFT" : "no");
        }
        for (FeatureResult f : report.features()) {
            if (f.note() != null) {
                out.println("note: " + f.feature().label() + ": " + f.note());
            }
        }
        out.println();
        DriftCriteria c = report.criteria();
        String rule = correctionName(c) + " p < " + plain(c.alpha())
                + (c.minEffect() > 0 ? " and D >= " + plain(c.minEffect()) : "");
        List<String> drifted = report.driftedFeatures().stream().map(Feature::label).toList();
        if (report.drift()) {
            out.println("DRIFT in " + String.join(", ", drifted) + " (" + rule + "); drift score "
                    + String.format(Locale.ROOT, "%.4f", report.score()));
        } else {
            out.println("No drift (" + rule + "); drift score 0");
        }
        if (publishing.textfile() != null) {
            out.println("metrics written to " + publishing.textfile());
        }
        if (publishing.pushgateway() != null) {
            out.println("metrics pushed to " + publishing.pushgateway() + (service != null ? " (service " + service + ")" : ""));
        }
    }

    private static String describe(DriftCheck.BatchSummary batch) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%,d", batch.size())).append(batch.size() == 1 ? " image" : " images");
        if (batch.csvRows() > 0) {
            text.append(batch.imagesRead() > 0 ? " (" + batch.csvRows() + " from feature CSVs)" : " (from feature CSVs)");
        }
        if (batch.skipped() > 0) {
            text.append(", ").append(batch.skipped()).append(" unreadable skipped");
        }
        if (batch.notImages() > 0) {
            text.append(", ").append(batch.notImages()).append(batch.notImages() == 1 ? " non-image file" : " non-image files")
                    .append(" ignored");
        }
        return text.toString();
    }

    private static String correctionName(DriftCriteria c) {
        return switch (c.correction()) {
            case HOLM -> "Holm-corrected";
            case BONFERRONI -> "Bonferroni-corrected";
            case BH -> "Benjamini-Hochberg-corrected";
            case NONE -> "uncorrected";
        };
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String pValue(double p) {
        if (p == 0) {
            return "0";
        }
        return p >= 1e-3 ? String.format(Locale.ROOT, "%.4f", p) : String.format(Locale.ROOT, "%.2e", p);
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static ObjectNode json(DriftCheck.Result result, String service, MetricsPublisher.Publication publishing) {
        DriftReport report = result.report();
        DriftCriteria c = report.criteria();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("drift", report.drift());
        root.put("score", report.score());
        ArrayNode drifted = root.putArray("drifted_features");
        report.driftedFeatures().forEach(f -> drifted.add(f.label()));
        if (service != null) {
            root.put("service", service);
        }
        ObjectNode criteria = root.putObject("criteria");
        criteria.put("alpha", c.alpha());
        criteria.put("correction", c.correction().name().toLowerCase(Locale.ROOT));
        criteria.put("min_effect", c.minEffect());
        criteria.put("min_images", c.minImages());
        ObjectNode batches = root.putObject("batches");
        for (DriftCheck.BatchSummary b : List.of(result.reference(), result.current())) {
            ObjectNode batch = batches.putObject(b.name());
            batch.put("images", b.size());
            batch.put("from_images", b.imagesRead());
            batch.put("from_csv", b.csvRows());
            batch.put("skipped", b.skipped());
            batch.put("not_images", b.notImages());
        }
        ArrayNode features = root.putArray("features");
        for (FeatureResult f : report.features()) {
            ObjectNode o = features.addObject();
            o.put("feature", f.feature().label());
            o.put("n_ref", f.referenceCount());
            o.put("n_cur", f.currentCount());
            o.put("mean_ref", f.referenceMean());
            o.put("mean_cur", f.currentMean());
            o.put("statistic", f.statistic());
            o.put("p_value", f.pValue());
            o.put("adjusted_p_value", f.adjustedPValue());
            o.put("p_value_method", f.method().label());
            o.put("drift", f.drift());
            if (f.note() != null) {
                o.put("note", f.note());
            }
        }
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedFile s : result.skipped()) {
            ObjectNode o = skipped.addObject();
            o.put("path", s.path());
            o.put("batch", s.batch());
            o.put("reason", s.reason());
        }
        ObjectNode metrics = root.putObject("metrics");
        metrics.put("textfile", publishing.textfile());
        metrics.put("pushgateway", publishing.pushgateway());
        ArrayNode errors = metrics.putArray("errors");
        publishing.errors().forEach(e -> errors.add(e.getMessage()));
        return root;
    }
}
