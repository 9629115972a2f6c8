package io.vpmon.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The notifications section: receivers (no secret inline, URLs and addresses well-formed),
 * routes and notify lists naming receivers that exist, the watchdog, and warnings for tiers
 * that reach no one and receivers nothing uses.
 */
final class NotificationsValidator extends ValidationChecks {
    private static final Pattern SLACK_CHANNEL = Pattern.compile("^([#@][^\\s]+|[CGDU][A-Z0-9]{6,})$");
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("^[^@\\s<>,]+@[^@\\s<>,]+$");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)token|key|secret|passw|pwd|signature|^sig$|auth|^code$");

    private final Spec spec;

    NotificationsValidator(Spec spec, LocatedYaml yaml, List<Problem> problems) {
        super(yaml, problems);
        this.spec = spec;
    }

    /** Checks the receivers and returns their names. */
    Set<String> receivers() {
        Notifications n = spec.notifications();
        Map<String, String> seen = new HashMap<>();
        boolean anyEmail = false;
        for (int i = 0; i < n.receivers().size(); i++) {
            Notifications.Receiver r = n.receivers().get(i);
            String at = "/notifications/receivers/" + i;
            slack(at + "/slack", r.slack());
            email(at + "/email", r.email());
            pagerDuty(at + "/pagerduty", r.pagerduty());
            webhook(at + "/webhook", r.webhook());
            if (r.name() == null || r.name().isBlank()) {
                continue;
            }
            if (r.name().equals(Notifications.UNROUTED_RECEIVER)) {
                error(at + "/name", "receiver name '" + Notifications.UNROUTED_RECEIVER + "' is taken by vpmon",
                        "it names the receiver of alerts no route matches; pick another name");
            }
            String first = seen.putIfAbsent(r.name(), at);
            if (first != null) {
                error(at + "/name", "duplicate receiver '" + r.name() + "' (also at line "
                        + yaml.valueAt(first + "/name").line() + ")", "receiver names must be unique");
            }
            if (r.slack() == null && r.email() == null && r.pagerduty() == null && r.webhook() == null) {
                error(at, "receiver '" + r.name() + "' has no integration",
                        "add one of: slack, email, pagerduty, webhook");
            }
            anyEmail |= r.email() != null;
        }
        if (anyEmail && n.smtp() == null) {
            error("/notifications", "email receivers need notifications.smtp (smarthost and from)",
                    "add smtp: {smarthost: 'smtp.example.com:587', from: 'alerts@example.com'}");
        }
        smtp(n.smtp());
        for (int i = 0; i < n.groupBy().size(); i++) {
            String label = n.groupBy().get(i);
            if (!label.equals("...")) {
                labelName("/notifications/group_by/" + i, label);
            }
        }
        positive("/notifications/group_interval", n.groupInterval());
        positive("/notifications/repeat_interval", n.repeatInterval());
        positive("/notifications/digest/group_interval", n.digest().groupInterval());
        positive("/notifications/digest/repeat_interval", n.digest().repeatInterval());
        return seen.keySet();
    }

    private void slack(String at, Notifications.Slack slack) {
        if (slack != null && slack.channel() != null && !slack.channel().isBlank()
                && !SLACK_CHANNEL.matcher(slack.channel()).matches()) {
            error(at + "/channel", "invalid Slack channel '" + slack.channel() + "'",
                    "write '#channel', '@user' or a channel id such as C0123456789 (quote '#...' in YAML)");
        }
    }

    private void email(String at, Notifications.Email email) {
        if (email == null) {
            return;
        }
        if (email.to().isEmpty() && yaml.root().at(at).has("to")) {
            error(at + "/to", "email 'to' is empty", "list at least one address");
        }
        for (int i = 0; i < email.to().size(); i++) {
            String address = email.to().get(i);
            if (!EMAIL_ADDRESS.matcher(address).matches()) {
                error(at + "/to/" + i, "invalid email address '" + address + "'", "write one address per entry: name@example.com");
            }
        }
    }

    private void pagerDuty(String at, Notifications.PagerDuty pagerDuty) {
        if (pagerDuty != null && pagerDuty.url() != null) {
            httpUrl(at + "/url", pagerDuty.url());
        }
    }

    private void webhook(String at, Notifications.Webhook webhook) {
        if (webhook == null) {
            return;
        }
        if (webhook.urlFile() != null) {
            error(at + "/url_file", "Alertmanager 0.25 cannot read a webhook URL from a file",
                    "give url: with no secret in it, and put the credential in bearer_token_file or"
                            + " basic_auth: {username, password_file}");
        } else if (webhook.url() == null || webhook.url().isBlank()) {
            error(at, "missing required key 'url' in " + LocatedYaml.display(at), null);
        } else if (httpUrl(at + "/url", webhook.url())) {
            URI uri = URI.create(webhook.url());
            if (uri.getRawUserInfo() != null) {
                error(at + "/url", "the webhook URL's user:password would put a secret in the spec",
                        "move it to basic_auth: {username: ..., password_file: /path/to/secret}");
            }
            String secretParameter = secretQueryParameter(uri.getRawQuery());
            if (secretParameter != null) {
                error(at + "/url", "the webhook URL's '" + secretParameter + "' parameter would put a secret in the spec",
                        "send the credential as bearer_token_file or basic_auth.password_file instead");
            }
        }
        if (webhook.bearerTokenFile() != null && webhook.basicAuth() != null) {
            error(at + "/bearer_token_file", "a webhook takes bearer_token_file or basic_auth, not both",
                    "Alertmanager sends one Authorization header per notification");
        }
        if (webhook.maxAlerts() < 0) {
            error(at + "/max_alerts", "max_alerts must be 0 (no limit) or more", null);
        }
    }

    private static String secretQueryParameter(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            if (SECRET_PARAMETER.matcher(name).find()) {
                return name;
            }
        }
        return null;
    }

    /** True when {@code url} is an absolute http(s) URL with a host; reports it otherwise. */
    private boolean httpUrl(String at, String url) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return true;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        error(at, "invalid URL '" + url.replaceFirst("//[^/@]*@", "//***@") + "'",
                "write an absolute http:// or https:// URL");
        return false;
    }

    private void smtp(Notifications.Smtp smtp) {
        if (smtp == null) {
            return;
        }
        if (smtp.smarthost() != null) {
            endpoint("/notifications/smtp/smarthost", smtp.smarthost());
        }
        if (smtp.from() != null && !smtp.from().isBlank() && !EMAIL_ADDRESS.matcher(smtp.from()).matches()) {
            error("/notifications/smtp/from", "invalid email address '" + smtp.from() + "'", null);
        }
        if (smtp.authPasswordFile() != null && smtp.authUsername() == null) {
            error("/notifications/smtp/auth_password_file", "auth_password_file needs auth_username",
                    "Alertmanager authenticates only when a username is set");
        }
    }

    void routes(Set<String> receivers) {
        Notifications n = spec.notifications();
        Set<String> used = new java.util.HashSet<>();
        n.routes().forEach((severity, names) -> {
            String at = "/notifications/routes/" + severity.label();
            receiverRefs(at, names, receivers, "route for " + severity.label());
            Set<String> once = new java.util.HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                if (!once.add(names.get(i))) {
                    problems.add(Problem.warning(yaml.valueAt(at + "/" + i), "receiver '" + names.get(i)
                            + "' is listed twice for " + severity.label(), "it is notified once; remove the repeat"));
                }
            }
            used.addAll(names);
        });
        spec.builtinAlerts().forEach(a -> used.addAll(a.alsoNotify()));
        spec.customAlerts().forEach(a -> used.addAll(a.alsoNotify()));
        watchdog(receivers);
        if (n.watchdog() != null) {
            used.add(n.watchdog().receiver());
        }
        if (n.receivers().isEmpty()) {
            return;
        }
        for (Severity severity : Severity.values()) {
            List<String> alerts = enabledAlerts(severity);
            if (!alerts.isEmpty() && n.routes().getOrDefault(severity, List.of()).isEmpty()) {
                problems.add(Problem.warning(yaml.valueAt("/notifications/routes"), alerts.size() + " "
                        + severity.label() + " alert" + (alerts.size() == 1 ? "" : "s") + " ("
                        + String.join(", ", alerts) + ") reach no receiver except their own notify lists",
                        "add notifications.routes." + severity.label() + ": [receiver, ...]"));
            }
        }
        for (int i = 0; i < n.receivers().size(); i++) {
            String name = n.receivers().get(i).name();
            if (name != null && !name.isBlank() && !used.contains(name)) {
                problems.add(Problem.warning(yaml.valueAt("/notifications/receivers/" + i + "/name"), "receiver '"
                        + name + "' is not used", "name it in notifications.routes, an alert's notify or the watchdog"));
            }
        }
    }

    private List<String> enabledAlerts(Severity severity) {
        List<String> names = new java.util.ArrayList<>();
        spec.builtinAlerts().stream().filter(a -> a.enabled() && a.severity() == severity)
                .forEach(a -> names.add(a.name()));
        spec.customAlerts().stream().filter(a -> a.severity() == severity && a.name() != null)
                .forEach(a -> names.add(a.name()));
        return names;
    }

    private void watchdog(Set<String> receivers) {
        Notifications.Watchdog watchdog = spec.notifications().watchdog();
        if (watchdog == null || watchdog.receiver() == null) {
            return;
        }
        boolean shorthand = yaml.root().at("/notifications/watchdog").isValueNode();
        String at = shorthand ? "/notifications/watchdog" : "/notifications/watchdog/receiver";
        Optional<Notifications.Receiver> receiver = spec.notifications().receivers().stream()
                .filter(r -> watchdog.receiver().equals(r.name())).findFirst();
        if (receiver.isEmpty()) {
            error(at, "watchdog names undefined receiver '" + watchdog.receiver() + "'",
                    receivers.isEmpty() ? "define it under notifications.receivers"
                            : DidYouMean.hint(watchdog.receiver(), receivers.stream().sorted().toList()));
        } else if (receiver.get().webhook() == null) {
            problems.add(Problem.warning(yaml.valueAt(at), "the watchdog fires all the time: receiver '"
                    + watchdog.receiver() + "' will be notified every " + watchdog.interval(),
                    "point it at the webhook of a dead man's switch service, which alerts when the pings stop"));
        }
        if (!shorthand) {
            positive("/notifications/watchdog/interval", watchdog.interval());
        }
        for (int i = 0; i < spec.customAlerts().size(); i++) {
            if (Notifications.Watchdog.ALERT_NAME.equals(spec.customAlerts().get(i).name())) {
                error("/custom_alerts/" + i + "/name", "alert name 'Watchdog' is taken by notifications.watchdog",
                        "rename the custom alert or drop the watchdog");
            }
        }
    }

    void receiverRefs(String at, List<String> names, Set<String> receivers, String what) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!receivers.contains(name)) {
                error(at + "/" + i, what + " names undefined receiver '" + name + "'",
                        receivers.isEmpty() ? "define it under notifications.receivers"
                                : DidYouMean.hint(name, receivers.stream().sorted().toList()));
            }
        }
    }
}
