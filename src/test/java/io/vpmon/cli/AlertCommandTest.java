package io.vpmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.testing.CliResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The alert commands' parsing, usage errors, offline output, and help pages. */
class AlertCommandTest {
    private static final String SPEC = "examples/visionplant.yaml";

    @Test
    void routesPrintsEachReceiverWithItsTimingAndWhereItComesFrom() {
        CliResult result = CliResult.run("alert", "routes", "-f", SPEC, "--alert", "ServiceUnavailable");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("alertname=ServiceUnavailable service=visionplant severity=critical"
                + " team=ml-platform reaches 3 receivers:\n")
                .containsPattern("slack-critical +Slack #ml-critical +alertname,service,severity,vpmon_test +30s +5m +4h"
                        + " +notifications.routes.critical")
                .containsPattern("email-oncall +email to oncall@visionplant.example .* alerts.ServiceUnavailable.notify");
    }

    @Test
    void routesTakesLabelsAndSaysWhenNothingMatches() {
        CliResult digest = CliResult.run("alert", "routes", "-f", SPEC, "severity=medium", "alertname=\"Foo\"");
        CliResult nothing = CliResult.run("alert", "routes", "-f", SPEC, "team=ml");

        assertThat(digest.out()).contains("alertname=Foo severity=medium reaches 1 receiver:")
                .containsPattern("daily-digest .* 5m +24h +24h");
        assertThat(nothing.exitCode()).isZero();
        assertThat(nothing.out()).isEqualTo("team=ml reaches no receiver: no route matches, so it goes to the silent"
                + " catch-all\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no labels          | alert routes -f " + SPEC + "                             | give the alert's labels",
        "bad label          | alert routes -f " + SPEC + " 1abc=x                      | invalid label '1abc=x'",
        "unknown alert      | alert routes -f " + SPEC + " --alert ServiceUnavailble   | did you mean 'ServiceUnavailable'?",
        "no alertmanager    | alert test -f " + SPEC + "                               | Missing required option: '--alertmanager=URL'",
        "two selections     | alert test -f " + SPEC + " --alertmanager http://a:1 --all --severity high | mutually exclusive",
        "bad timeout        | alert test -f " + SPEC + " --alertmanager http://a:1 --timeout 10  | not a duration above zero",
        "bad severity       | alert test -f " + SPEC + " --alertmanager http://a:1 --severity urgent | Invalid value for option '--severity'",
        "credentials in URL | alert test -f " + SPEC + " --alertmanager http://me:pw@a:1 | must not hold credentials",
        "no scheme          | alert test -f " + SPEC + " --alertmanager localhost:9093 | did you mean http://localhost:9093?",
        "auth header        | alert test -f " + SPEC + " --alertmanager http://a:1 -H 'Authorization: x' | --bearer-token-file",
        "password alone     | alert test -f " + SPEC + " --alertmanager http://a:1 --password-file /x | --user",
        "unknown test alert | alert test -f " + SPEC + " --alertmanager http://a:1 --alert Nope | no alert named 'Nope'",
        "missing token file | alert test -f " + SPEC + " --alertmanager http://a:1 --bearer-token-file /no/such | token file /no/such does not exist",
    })
    void usageErrorsExitWith2AndSayWhy(String what, String commandLine, String message) {
        CliResult result = CliResult.run(split(commandLine));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(message).doesNotContain("\tat ");
    }

    @Test
    void anInvalidSpecIsReportedBeforeAnyServerIsContacted() {
        CliResult result = CliResult.run("alert", "test", "-f", "src/test/resources/alert/no-such.yaml",
                "--alertmanager", "http://127.0.0.1:1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("spec file not found").doesNotContain("Alertmanager");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alert", "alert routes", "alert test"})
    void helpHasASummaryAnExampleAndTheExitCodes(String command) {
        StringWriter out = new StringWriter();
        CommandLine root = Cli.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()), false);
        CommandLine sub = root;
        for (String name : command.split(" ")) {
            sub = sub.getSubcommands().get(name);
        }
        String help = sub.getUsageMessage();

        assertThat(sub.getCommandSpec().usageMessage().description()).isNotEmpty();
        assertThat(help).contains("Examples:\n  vpmon " + command).contains("Exit codes:").contains("  0   ");
    }

    private static String[] split(String commandLine) {
        List<String> args = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(commandLine);
        while (m.find()) {
            args.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return args.toArray(String[]::new);
    }
}
