package io.vpmon.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.spec.Spec;
import io.vpmon.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One runbook page per generated alert, built from the rule and the routing it describes. */
class RunbookPagesTest {
    private static Map<String, String> generate(String specPath) {
        Spec spec = SpecLoader.load(Path.of(specPath)).orThrow();
        return Generator.generate(spec, "spec.yaml").files().stream()
                .collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::contentAsString));
    }

    @Test
    void everyAlertHasThePageItsRunbookUrlNames() {
        Spec spec = SpecLoader.load(Path.of("examples/visionplant.yaml")).orThrow();
        Map<String, String> files = generate("examples/visionplant.yaml");
        List<AlertRule> rules = AlertRules.build(spec).rules();

        assertThat(rules).hasSize(14);
        for (AlertRule rule : rules) {
            assertThat(files).containsKey("runbooks/" + rule.name() + ".md");
            assertThat(rule.annotations().get("runbook_url").goTemplate())
                    .isEqualTo("https://github.com/visionplant/monitoring/blob/main/runbooks/" + rule.name() + ".md");
            assertThat(files.get("runbooks/README.md")).contains("[" + rule.name() + "](" + rule.name() + ".md)");
        }
        assertThat(files.keySet().stream().filter(p -> p.startsWith("runbooks/"))).hasSize(rules.size() + 1);
    }

    @Test
    void aPageHoldsTheExactExpressionPanelChecksSilenceAndEscalation() {
        Spec spec = SpecLoader.load(Path.of("examples/visionplant.yaml")).orThrow();
        AlertRule rule = AlertRules.build(spec).rules().stream().filter(r -> r.name().equals("ServiceUnavailable"))
                .findFirst().orElseThrow();

        String page = generate("examples/visionplant.yaml").get("runbooks/ServiceUnavailable.md");

        assertThat(page).startsWith("# ServiceUnavailable\n")
                .contains("```promql\n" + rule.expr() + "\n```")
                .contains("| Threshold | 2m, held for 1m |")
                .contains("| Notifies | slack-critical (Slack #ml-critical), pagerduty-oncall (PagerDuty),"
                        + " email-oncall (email to oncall@visionplant.example) |")
                .contains("Open the dashboard 'VisionPlant Elite Execution' (uid visionplant-overview),"
                        + " row 'Latency & performance', panel 'Throughput'")
                .contains("## First checks\n\n1. Is the target up?")
                .contains("amtool silence add alertname=ServiceUnavailable service=visionplant --duration=2h")
                .contains("--alertmanager.url=http://alertmanager:9093")
                .contains("## Escalation\n\n1. On-call ML engineer (PagerDuty: VisionPlant primary)\n"
                        + "2. ML platform lead, then the DevOps lead\n3. Critical: escalate after 15 minutes")
                .contains("held back (inhibited)");
    }

    @Test
    void withoutReceiversOrEscalationAPageSaysSoInsteadOfInventingThem() {
        String page = generate("src/test/resources/specs/minimal.yaml").get("runbooks/DatasetCollectionSlow.md");

        assertThat(page).contains("| Notifies | no one: the spec routes no receiver to medium alerts |")
                .contains("runbooks.escalation in the spec names them")
                .contains("Medium: review in the daily digest");
    }

    @Test
    void aCustomAlertGetsAPageWithItsOwnExpression() {
        String page = generate("examples/visionplant.yaml").get("runbooks/ModelServerRestarting.md");

        assertThat(page).contains("changes(process_start_time_seconds{job=\"visionplant-api\"}[15m]) > 2")
                .contains("panel 'Active Alerts'")
                .contains("| Notifies | slack-high (Slack #ml-alerts) |");
    }
}
