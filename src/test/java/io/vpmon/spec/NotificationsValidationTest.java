package io.vpmon.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the validator says about notifications: secrets inline, webhook URLs, routes, watchdog. */
class NotificationsValidationTest {
    private static final String BASE = """
            apiVersion: vpmon/v1
            service: {name: tiny}
            targets: [{job: tiny-api, endpoints: ["127.0.0.1:8000"]}]
            """;

    private static List<Problem> problems(String notifications) {
        return SpecLoader.parse("spec.yaml", (BASE + notifications).getBytes(StandardCharsets.UTF_8)).problems();
    }

    private static List<String> formatted(String notifications) {
        return problems(notifications).stream().map(Problem::format).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "slack      | 'slack: {api_url: https://hooks.slack.com/x, channel: \"#a\"}'         | api_url",
        "pagerduty  | 'pagerduty: {routing_key: abc123}'                                      | routing_key",
        "webhook    | 'webhook: {url: \"http://hook:8080/\", bearer_token: abc}'               | bearer_token",
        "basic_auth | 'webhook: {url: \"http://hook:8080/\", basic_auth: {username: u, password: p}}' | password",
    })
    void aSecretWrittenInlineIsAnErrorWithAFileHint(String type, String integration, String key) {
        List<String> problems = formatted("""
                notifications:
                  receivers:
                    - name: r
                      %s
                  routes: {critical: [r], high: [r], medium: [r]}
                """.formatted(integration));

        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("error: '" + key + "' would put a secret in the spec")
                .contains(key + "_file: /path/to/secret"));
        assertThat(String.join("\n", problems)).doesNotContain("abc123", "hooks.slack.com/x");
    }

    @Test
    void anSmtpPasswordWrittenInlineIsAnError() {
        List<String> problems = formatted("""
                notifications:
                  receivers: [{name: mail, email: {to: [a@example.com]}}]
                  routes: {critical: [mail], high: [mail], medium: [mail]}
                  smtp: {smarthost: "smtp:587", from: a@example.com, auth_username: a, auth_password: hunter2}
                """);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'auth_password' would put a secret in the spec")
                .contains("auth_password_file"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "user info   | http://bot:s3cret@hook:8080/alerts     | user:password would put a secret in the spec",
        "token query | https://hook.example/in?token=s3cret   | 'token' parameter would put a secret in the spec",
        "not http    | ftp://hook.example/in                  | invalid URL 'ftp://hook.example/in'",
        "not http, user info | ftp://bot:s3cret@hook.example/ | invalid URL 'ftp://***@hook.example/'",
    })
    void aWebhookUrlMustHoldNoSecret(String what, String url, String message) {
        List<String> problems = formatted("""
                notifications:
                  receivers: [{name: hook, webhook: {url: "%s"}}]
                  routes: {critical: [hook], high: [hook], medium: [hook]}
                """.formatted(url));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("error: ").contains(message));
    }

    @Test
    void aWebhookUrlFileIsExplainedNotMisspelt() {
        List<String> problems = formatted("""
                notifications:
                  receivers: [{name: hook, webhook: {url_file: /etc/secrets/hook}}]
                  routes: {critical: [hook], high: [hook], medium: [hook]}
                """);

        assertThat(problems).singleElement().satisfies(p -> assertThat(p)
                .contains("spec.yaml:5:").contains("Alertmanager 0.25 cannot read a webhook URL from a file")
                .contains("bearer_token_file"));
    }

    @Test
    void aWebhookWithAuthByFileIsValid() {
        assertThat(problems("""
                notifications:
                  receivers:
                    - name: hook
                      webhook: {url: "https://hook.example/in?team=ml", bearer_token_file: /etc/secrets/token}
                  routes: {critical: [hook], high: [hook], medium: [hook]}
                """)).isEmpty();
    }

    @Test
    void badAddressesChannelsAndSmtpAuthAreReported() {
        List<String> problems = formatted("""
                notifications:
                  receivers:
                    - {name: mail, email: {to: [oncall, a@example.com]}}
                    - {name: chat, slack: {api_url_file: /s, channel: "ml alerts"}}
                  routes: {critical: [mail, chat], high: [chat], medium: [mail]}
                  smtp: {smarthost: "smtp:587", from: alerts@example.com, auth_password_file: /s}
                """);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains(":6:").contains("invalid email address 'oncall'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(":7:").contains("invalid Slack channel 'ml alerts'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("auth_password_file needs auth_username"));
    }

    @Test
    void tiersWithoutRoutesAndUnusedReceiversAreWarnings() {
        List<Problem> problems = problems("""
                notifications:
                  receivers:
                    - {name: chat, slack: {api_url_file: /s, channel: "#a"}}
                    - {name: spare, slack: {api_url_file: /s, channel: "#b"}}
                  routes: {critical: [chat, chat]}
                """);

        assertThat(problems).noneMatch(Problem::isError);
        assertThat(problems).extracting(Problem::message).containsExactlyInAnyOrder(
                "receiver 'spare' is not used",
                "receiver 'chat' is listed twice for critical",
                "5 high alerts (AccuracyDegradation, LatencyElevated, ErrorRateIncreasing, LowCacheHitRate, DataDriftDetected) reach"
                        + " no receiver except their own notify lists",
                "4 medium alerts (DatasetCollectionSlow, ModelTrainingNotImproving, ResourceUsageHigh,"
                        + " UserEngagementDown) reach no receiver except their own notify lists");
    }

    @Test
    void theUnroutedReceiverNameIsReserved() {
        assertThat(formatted("""
                notifications:
                  receivers: [{name: vpmon-unrouted, slack: {api_url_file: /s, channel: "#a"}}]
                  routes: {critical: [vpmon-unrouted], high: [vpmon-unrouted], medium: [vpmon-unrouted]}
                """)).anySatisfy(p -> assertThat(p).contains("receiver name 'vpmon-unrouted' is taken by vpmon"));
    }

    @Test
    void theWatchdogNeedsAKnownReceiverAndWarnsWhenItIsAChatChannel() {
        assertThat(formatted("""
                notifications:
                  receivers: [{name: chat, slack: {api_url_file: /s, channel: "#a"}}]
                  routes: {critical: [chat], high: [chat], medium: [chat]}
                  watchdog: deadman
                """)).anySatisfy(p -> assertThat(p).contains(":7:").contains("watchdog names undefined receiver 'deadman'"));

        assertThat(problems("""
                notifications:
                  receivers: [{name: chat, slack: {api_url_file: /s, channel: "#a"}}]
                  routes: {critical: [chat], high: [chat], medium: [chat]}
                  watchdog: {receiver: chat, interval: 5m}
                """)).singleElement().satisfies(p -> {
                    assertThat(p.isError()).isFalse();
                    assertThat(p.message()).isEqualTo("the watchdog fires all the time: receiver 'chat' will be"
                            + " notified every 5m");
                });
    }

    @Test
    void theExampleSpecIsValidWithoutWarnings() {
        assertThat(SpecLoader.load(Path.of("examples/visionplant.yaml")).problems()).isEmpty();
    }
}
