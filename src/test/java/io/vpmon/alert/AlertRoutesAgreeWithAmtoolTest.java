package io.vpmon.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpmon.generate.GeneratedAlert;
import io.vpmon.generate.Generator;
import io.vpmon.generate.OutputDirectory;
import io.vpmon.spec.Spec;
import io.vpmon.spec.SpecLoader;
import io.vpmon.testing.CliResult;
import io.vpmon.testing.ExternalTool;
import io.vpmon.testing.ProcessResult;
import io.vpmon.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 'vpmon alert routes' answers from the spec; amtool answers from the generated file. For every
 * alert of the spec (the twelve built-in ones and any custom), plain and as a test alert, the
 * two must name the same receivers in the same order.
 */
class AlertRoutesAgreeWithAmtoolTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"examples/visionplant.yaml", "src/test/resources/alert/all-receivers.yaml",
        "src/test/resources/specs/minimal.yaml"})
    void vpmonAndAmtoolRouteEveryAlertAlike(String specPath) throws Exception {
        Spec spec = SpecLoader.load(Path.of(specPath)).orThrow();
        OutputDirectory.write(out, Generator.generate(spec, "spec.yaml").files());
        Path config = out.resolve("alertmanager/alertmanager.yml");
        List<GeneratedAlert> alerts = GeneratedAlert.of(spec);
        if (specPath.contains("visionplant")) {
            assertThat(alerts).hasSize(14);
        }

        for (GeneratedAlert alert : alerts) {
            for (List<String> extra : List.of(List.<String>of(), List.of("vpmon_test=true"))) {
                List<String> args = new ArrayList<>(List.of("alert", "routes", "-f", specPath, "--alert", alert.name(),
                        "--output", "json"));
                args.addAll(extra);
                CliResult vpmon = CliResult.run(args.toArray(String[]::new));
                assertThat(vpmon.exitCode()).as(vpmon.err()).isZero();
                JsonNode answer = JSON.readTree(vpmon.out());

                List<String> amtoolArgs = new ArrayList<>(List.of(ExternalTool.require("amtool").toString(), "config",
                        "routes", "test", "--config.file=" + config));
                answer.path("labels").fields().forEachRemaining(e -> amtoolArgs.add(e.getKey() + "=" + e.getValue().asText()));
                ProcessResult amtool = Processes.run(amtoolArgs, null, Duration.ofSeconds(30));
                assertThat(amtool.exitCode()).as(amtool.output()).isZero();

                List<String> ours = new ArrayList<>();
                answer.path("receivers").forEach(r -> ours.add(r.path("name").asText()));
                if (ours.isEmpty()) {
                    ours.add("vpmon-unrouted");
                }
                assertThat(ours).as("%s %s", alert.name(), extra)
                        .isEqualTo(Arrays.asList(amtool.stdout().strip().split(",")));
            }
        }
    }
}
