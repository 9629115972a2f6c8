package io.vpmon.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpmon.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** prometheus/prometheus.yml: globals, rule files, Alertmanagers and one scrape job per target. */
final class PrometheusConfigFile {
    static final String PATH = "prometheus/prometheus.yml";

    private PrometheusConfigFile() {
    }

    static GeneratedFile generate(Spec spec, List<String> ruleFiles, List<String> header) {
        Spec.Prometheus p = spec.prometheus();
        ObjectNode root = YamlWriter.object();
        ObjectNode global = root.putObject("global");
        global.put("scrape_interval", p.scrapeInterval().text());
        global.put("scrape_timeout", p.scrapeTimeout().text());
        global.put("evaluation_interval", p.evaluationInterval().text());
        Map<String, String> external = new TreeMap<>();
        external.put("environment", spec.service().environment());
        if (spec.service().cluster() != null) {
            external.put("cluster", spec.service().cluster());
        }
        external.putAll(p.externalLabels());
        global.set("external_labels", YamlWriter.labels(external));

        ObjectNode alertmanager = root.putObject("alerting").putArray("alertmanagers").addObject();
        alertmanager.put("scheme", spec.alertmanager().scheme());
        if (!spec.alertmanager().pathPrefix().equals("/")) {
            alertmanager.put("path_prefix", spec.alertmanager().pathPrefix());
        }
        ArrayNode amTargets = alertmanager.putArray("static_configs").addObject().putArray("targets");
        spec.alertmanager().endpoints().forEach(amTargets::add);

        ArrayNode rules = root.putArray("rule_files");
        ruleFiles.forEach(rules::add);

        ArrayNode scrapes = root.putArray("scrape_configs");
        List<String> jobs = new ArrayList<>();
        if (p.selfScrape()) {
            ObjectNode self = scrapes.addObject();
            self.put("job_name", "prometheus");
            self.putArray("static_configs").addObject().putArray("targets").add(p.listenAddress());
            jobs.add("prometheus");
        }
        for (Spec.ScrapeTarget target : spec.targets()) {
            scrapes.add(scrapeJob(target));
            jobs.add(target.job());
        }
        String pushgateway = spec.drift().pushgateway();
        if (pushgateway != null) {
            ObjectNode job = scrapes.addObject();
            job.put("job_name", "pushgateway");
            job.put("honor_labels", true);
            job.putArray("static_configs").addObject().putArray("targets").add(pushgateway);
            jobs.add("pushgateway");
        }
        List<String> lines = new ArrayList<>(header);
        lines.add("");
        lines.add("Retention is a command-line flag, not a config setting: start Prometheus with");
        lines.add("  --storage.tsdb.retention.time=" + p.retention());
        return GeneratedFile.text(PATH, YamlWriter.write(root, lines), "Prometheus config: scrape jobs "
                + String.join(", ", jobs) + "; alerts to " + String.join(", ", spec.alertmanager().endpoints()));
    }

    private static ObjectNode scrapeJob(Spec.ScrapeTarget target) {
        ObjectNode job = YamlWriter.object();
        job.put("job_name", target.job());
        if (target.interval() != null) {
            job.put("scrape_interval", target.interval().text());
        }
        if (target.timeout() != null) {
            job.put("scrape_timeout", target.timeout().text());
        }
        job.put("metrics_path", target.metricsPath());
        job.put("scheme", target.scheme());
        if (target.bearerTokenFile() != null) {
            ObjectNode auth = job.putObject("authorization");
            auth.put("type", "Bearer");
            auth.put("credentials_file", target.bearerTokenFile());
        }
        if (target.basicAuth() != null) {
            ObjectNode auth = job.putObject("basic_auth");
            auth.put("username", target.basicAuth().username());
            auth.put("password_file", target.basicAuth().passwordFile());
        }
        ObjectNode staticConfig = job.putArray("static_configs").addObject();
        ArrayNode targets = staticConfig.putArray("targets");
        target.endpoints().forEach(targets::add);
        if (!target.labels().isEmpty()) {
            staticConfig.set("labels", YamlWriter.labels(new TreeMap<>(target.labels())));
        }
        return job;
    }
}
